package org.kizuna.commitments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Commitments through the API on whichever database the subclass runs the node, with a node clock the tests move. */
abstract class CommitmentsApiContract {

    /** The node's clock, from now on moved by the tests (forward only, as the node's audit log expects). */
    @TestConfiguration
    static class Clocked {
        @Bean
        @Primary
        TestClock testClock() {
            return TestClock.startingNow();
        }
    }

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    @Autowired TestClock clock;

    Api as(String user) {
        return Api.on(port).as(user, "demo");
    }

    void insert(String id, String label, LocalDate deadline, String status) {
        jdbc.sql("""
                insert into commitment (id, statement_id, body, owner_nation, organization_id, deadline, status, sources, verification, label, updated_at)
                values (?, 'scc-2024-07-28', ?, 'USA', 'usfj', ?, ?, 'dod-usfj-jfhq-2024', 'unverified', ?, current_timestamp)""")
                .params(id, "Test commitment " + id, deadline, status, label).update();
    }

    static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(c -> out.add(c.get("id").asString()));
        return out;
    }

    @Test
    void theStatementsOfTheReferenceFactsAreThereWithTheirCommitmentsAndSources() {
        JsonNode statements = as("jpn.officer").get("/api/v1/commitments/statements").json();
        List<String> days = new ArrayList<>();
        statements.forEach(s -> days.add(s.get("date").asString()));
        assertThat(days).contains("2005-02-19", "2005-10-29", "2006-05-01", "2010-05-28", "2015-04-27", "2024-07-28", "2025-03-24", "2025-03-30");
        JsonNode roadmap = statements.get(days.indexOf("2006-05-01"));
        assertThat(roadmap.get("sources").get(0).get("url").asString()).startsWith("https://www.japantimes.co.jp/");
        assertThat(ids(roadmap.get("commitments"))).contains("futenma-frf", "guam-relocation");
        JsonNode futenma = as("jpn.officer").get("/api/v1/commitments/futenma-frf").json();
        assertThat(futenma.get("commitment").get("organization").asString()).isEqualTo("iii-mef");
        List<String> deadlines = new ArrayList<>();
        futenma.get("history").forEach(h -> {
            if (h.get("deadlineChanged").asBoolean())
                deadlines.add(h.get("dated").asString() + ">" + (h.has("deadlineTo") ? h.get("deadlineTo").asString() : "none"));
        });
        assertThat(deadlines).startsWith("2006-05-01>2014-12-31");
        assertThat(deadlines).contains("2011-06>none", "2013-04>2023-03-31");
        JsonNode unverified = futenma.get("history").get(2);
        assertThat(unverified.get("verification").asString()).isEqualTo("unverified");
        assertThat(unverified.get("note").asString()).contains("general knowledge");
    }

    @Test
    void dueAndOverdueFollowTheNodeClock() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String late = "test-late-" + System.nanoTime(), soon = "test-soon-" + System.nanoTime(), later = "test-later-" + System.nanoTime();
        insert(late, "UNCLASSIFIED", today.minusDays(1), "OPEN");
        insert(soon, "UNCLASSIFIED", today.plusDays(10), "IN_PROGRESS");
        insert(later, "UNCLASSIFIED", today.plusDays(200), "OPEN");
        Api usa = as("usa.officer");
        assertThat(ids(usa.get("/api/v1/commitments?due=overdue").json())).contains(late).doesNotContain(soon, later);
        assertThat(ids(usa.get("/api/v1/commitments?due=due").json())).contains(soon).doesNotContain(late, later);
        assertThat(ids(usa.get("/api/v1/commitments?due=done").json())).contains("jjoc-counterpart").doesNotContain(late, soon, later);
        clock.advance(Duration.ofDays(191));
        assertThat(ids(usa.get("/api/v1/commitments?due=overdue").json())).contains(late, soon).doesNotContain(later);
        assertThat(ids(usa.get("/api/v1/commitments?due=due").json())).contains(later);
        assertThat(usa.get("/api/v1/commitments?due=soon").status()).isEqualTo(400);
    }

    @Test
    void aStatusChangeIsRecordedInTheHistoryAndOnlyTheOwnerNationMayMakeIt() {
        String body = """
                {"status": "DONE", "evidence": {"text": "Phase 2 complete.", "url": "https://example.org/usfj"}, "note": "reported by the staff"}""";
        JsonNode before = as("usa.officer").get("/api/v1/commitments/usfj-jfhq").json();
        int entries = before.get("history").size();
        Api.Response partner = as("jpn.officer").post("/api/v1/commitments/usfj-jfhq/changes", body);
        assertThat(partner.status()).isEqualTo(403);
        assertThat(partner.json().get("detail").asString()).contains("owner nation (USA)");
        assertThat(as("usa.clerk").post("/api/v1/commitments/usfj-jfhq/changes", body).status()).isEqualTo(403);
        assertThat(as("usa.officer").post("/api/v1/commitments/usfj-jfhq/changes", "{\"status\": \"DONE\"}").status()).isEqualTo(400);
        assertThat(as("usa.officer").get("/api/v1/commitments/usfj-jfhq").json().get("history")).hasSize(entries);
        JsonNode after = as("usa.officer").post("/api/v1/commitments/usfj-jfhq/changes", body).json();
        assertThat(after.get("commitment").get("status").asString()).isEqualTo("DONE");
        assertThat(after.get("commitment").get("due").asString()).isEqualTo("done");
        JsonNode last = after.get("history").get(entries);
        assertThat(last.get("by").asString()).isEqualTo("usa.officer");
        assertThat(last.get("statusFrom").asString()).isEqualTo("IN_PROGRESS");
        assertThat(last.get("statusTo").asString()).isEqualTo("DONE");
        assertThat(last.get("note").asString()).isEqualTo("reported by the staff");
        assertThat(last.get("evidence").get("text").asString()).isEqualTo("Phase 2 complete.");
    }

    @Test
    void aCommitmentTheReaderMayNotReadIsNotFoundAndNotListed() {
        String hidden = "test-noforn-" + System.nanoTime();
        insert(hidden, "SECRET//NOFORN", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(3), "OPEN");
        Api jpn = as("jpn.officer");
        Api.Response none = jpn.get("/api/v1/commitments/" + hidden), missing = jpn.get("/api/v1/commitments/test-nothere");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.body().replace(hidden, "ID")).isEqualTo(missing.body().replace("test-nothere", "ID"));
        assertThat(jpn.get("/api/v1/commitments?due=overdue").body()).doesNotContain(hidden);
        assertThat(jpn.get("/api/v1/commitments/statements").body()).doesNotContain(hidden);
        assertThat(jpn.post("/api/v1/commitments/" + hidden + "/changes", "{\"status\": \"DONE\", \"note\": \"x\"}").status()).isEqualTo(404);
        assertThat(as("usa.officer").get("/api/v1/commitments/" + hidden).status()).isEqualTo(200);
    }

    @Test
    void theApiDescriptionListsTheCommitmentsOperationsWithSummaries() {
        JsonNode paths = as("jpn.officer").get("/api/v1/openapi").json().get("paths");
        for (String path : new String[]{"/api/v1/commitments", "/api/v1/commitments/{id}", "/api/v1/commitments/statements",
                "/api/v1/commitments/{id}/changes"}) {
            assertThat(paths.has(path)).as(path).isTrue();
            paths.get(path).forEach(op -> assertThat(op.get("summary").asString()).as(path).isNotBlank());
        }
    }
}
