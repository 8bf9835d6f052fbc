package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The desk ({@code GET /api/v1/console/desk}) says what waits for the user among what the user may read: a release
 * waits on the desk of a second releaser of the report's nation and on no other desk, not even as a count; an overdue
 * commitment on the desks of its owner nation; a commitment the user may not read is neither shown nor counted.
 */
@H2Node
class DeskTests {

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    @Test
    void aPendingReleaseWaitsForTheSecondReleaserAndBetraysNothingToAnotherNation() {
        JsonNode jpnBefore = desk("jpn.officer");
        int jpnCount = section(jpnBefore, "intel").get("count").asInt();
        String title = "EXERCISE: desk release " + UUID.randomUUID();
        String id = pendingRelease(port, "usa.analyst", title);

        JsonNode intel = section(desk("usa.officer"), "intel");
        assertThat(intel.get("heading").asString()).isEqualTo("Releases waiting for you");
        JsonNode item = item(intel, "/intel/#" + id);
        assertThat(item).as("the release waits for usa.officer: " + intel).isNotNull();
        assertThat(item.get("text").asString()).contains(title).contains("(S//REL TO USA, JPN)").contains("JPN").contains("usa.analyst");
        assertThat(item.get("labels").toString()).contains("SECRET//NOFORN");
        assertThat(item.get("at").asString()).isNotBlank();
        assertThat(intel.get("count").asInt()).isGreaterThanOrEqualTo(1).isGreaterThanOrEqualTo(intel.get("items").size());

        assertThat(item(section(desk("usa.analyst"), "intel"), "/intel/#" + id)).as("the first releaser does not wait for itself").isNull();
        assertThat(section(desk("usa.clerk"), "intel")).as("a user who may not release has no releases on the desk").isNull();

        for (String other : List.of("jpn.officer", "jpn.analyst")) {
            Api.Response r = Api.on(port).as(other, "demo").get("/api/v1/console/desk");
            assertThat(r.body()).doesNotContain(id).doesNotContain(title);
        }
        assertThat(section(desk("jpn.officer"), "intel").get("count").asInt()).as("the count of another nation's releaser is unchanged")
                .isEqualTo(jpnCount);
    }

    @Test
    void anOverdueCommitmentIsOnItsOwnerNationsDeskAndAHiddenOneIsNeitherShownNorCounted() {
        String late = overdueCommitment(jdbc, "UNCLASSIFIED");
        JsonNode commitments = section(desk("usa.planner"), "commitments");
        JsonNode item = item(commitments, "/commitments/?id=" + late);
        assertThat(item).as("usa.planner's desk: " + commitments).isNotNull();
        assertThat(item.get("overdue").asBoolean()).isTrue();
        assertThat(item.get("day").asString()).isEqualTo("2001-01-01");
        assertThat(item.get("text").asString()).contains("Desk test commitment " + late).contains("usfj");
        assertThat(item(section(desk("jpn.officer"), "commitments"), "/commitments/?id=" + late)).as("another nation's commitment").isNull();

        int before = section(desk("usa.planner"), "commitments").get("count").asInt();
        int officerBefore = section(desk("usa.officer"), "commitments").get("count").asInt();
        String hidden = overdueCommitment(jdbc, "SECRET//NOFORN");
        JsonNode planner = section(desk("usa.planner"), "commitments");
        assertThat(planner.get("count").asInt()).as("a CONFIDENTIAL planner's count leaves out the SECRET commitment").isEqualTo(before);
        assertThat(planner.toString()).doesNotContain(hidden);
        JsonNode officer = section(desk("usa.officer"), "commitments");
        assertThat(officer.get("count").asInt()).as("a SECRET officer counts it").isEqualTo(officerBefore + 1);
        assertThat(item(officer, "/commitments/?id=" + hidden)).isNotNull();
    }

    @Test
    void tomorrowsBookingIsOnTheDeskInTheFacilitysLocalDayAndAHiddenOneIsNeitherShownNorCounted() {
        // Camp H. M. Smith is hosted by the USA in Honolulu: tomorrow there, 10:00 local
        ZoneId honolulu = ZoneId.of("Pacific/Honolulu");
        LocalDate tomorrow = LocalDate.now(honolulu).plusDays(1);
        Instant at = tomorrow.atTime(10, 0).atZone(honolulu).toInstant();
        Api.Response filed = Api.on(port).as("usa.officer", "demo").post("/api/v1/booking/requests", booking("usindopacom", "camp-hm-smith", at,
                "UNCLASSIFIED"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("state").asString()).as(filed.body()).isEqualTo("BOOKED");
        String start = filed.json().get("start").asString();
        assertThat(LocalDate.ofInstant(Instant.parse(start), honolulu)).isEqualTo(tomorrow);

        JsonNode item = item(section(desk("usa.planner"), "booking"), "/booking/?facility=camp-hm-smith&week=" + tomorrow);
        assertThat(item).as(section(desk("usa.planner"), "booking").toString()).isNotNull();
        assertThat(item.get("text").asString()).isEqualTo("Tomorrow: usindopacom at Camp H. M. Smith");
        // in Japanese, the facility's Japanese name, as the registry's API gives it
        JsonNode ja = Api.on(port).as("usa.planner", "demo").acceptingLanguage("ja").get("/api/v1/console/desk").json();
        assertThat(item(section(ja, "booking"), "/booking/?facility=camp-hm-smith&week=" + tomorrow).get("text").asString())
                .isEqualTo("明日: キャンプ・H・M・スミス で usindopacom");
        assertThat(item.get("zone").asString()).isEqualTo("Pacific/Honolulu");
        assertThat(Instant.parse(item.get("at").asString())).isEqualTo(Instant.parse(start));
        assertThat(item(section(desk("jpn.officer"), "booking"), "/booking/?facility=camp-hm-smith&week=" + tomorrow))
                .as("neither hosted by JPN nor requested by a JPN unit").isNull();

        // a NOFORN booking at a facility JPN hosts: on the desks of the USA, not even counted on JPN's
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        int jpnBefore = section(desk("jpn.officer"), "booking").get("count").asInt();
        Instant morning = LocalDate.now(tokyo).plusDays(1).atTime(9, 0).atZone(tokyo).toInstant();
        Api.Response hidden = Api.on(port).as("usa.officer", "demo").post("/api/v1/booking/requests", booking("iii-mef", "white-beach", morning,
                "SECRET//NOFORN"));
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(201);
        assertThat(hidden.json().get("state").asString()).as(hidden.body()).isEqualTo("BOOKED");
        JsonNode usa = section(desk("usa.officer"), "booking");
        assertThat(usa.toString()).contains("White Beach").contains("SECRET//NOFORN");
        JsonNode jpn = section(desk("jpn.officer"), "booking");
        assertThat(jpn.get("count").asInt()).isEqualTo(jpnBefore);
        assertThat(jpn.toString()).doesNotContain("NOFORN");
    }

    @Test
    void thePictureLineCountsTheTracksTheReaderSeesAndNoOthers() {
        int jpnBefore = section(desk("jpn.officer"), "picture").get("count").asInt();
        int usaBefore = section(desk("usa.officer"), "picture").get("count").asInt();
        String uid = "DESK-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        // usa.officer's unlabelled report takes its own nation only: SECRET//NOFORN on this USA node
        String event = """
                <event version="2.0" uid="%s" type="a-h-S" how="m-g" time="%s" start="%2$s" stale="%s">\
                <point lat="26.0" lon="128.0" hae="0" ce="9.9" le="9999999"/><detail><contact callsign="DESK"/></detail></event>"""
                .formatted(uid, now, now.plusSeconds(120));
        Api.Response posted = Api.on(port).as("usa.officer", "demo").post("/api/v1/picture/events", event, "application/xml");
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> section(desk("usa.officer"), "picture").get("count").asInt() > usaBefore);
        JsonNode line = section(desk("usa.officer"), "picture").get("items").get(0);
        assertThat(line.get("text").asString()).startsWith("Tracks: ").containsPattern("[1-9][0-9]* hostile").contains("newest report");
        assertThat(line.get("labels").toString()).contains("SECRET//NOFORN");
        assertThat(section(desk("jpn.officer"), "picture").get("count").asInt()).as("a NOFORN track is not counted for JPN").isEqualTo(jpnBefore);
    }

    /** A request of one hour that may start from {@code at} to four hours later, preferably at {@code at}. */
    static String booking(String unit, String facility, Instant at, String label) {
        return """
                {"unit": "%s", "facilities": ["%s"], "durationMinutes": 60, "earliestStart": "%s", "latestStart": "%s",
                 "preferredStart": "%s", "priority": 3, "noisy": false, "label": "%s"}""".formatted(unit, facility, at, at.plusSeconds(4 * 3600), at,
                label);
    }

    @Test
    void theDeskIsInTheReadersLanguageAndEverySectionLinksToItsPage() {
        Api.Response r = Api.on(port).as("jpn.officer", "demo").acceptingLanguage("ja").get("/api/v1/console/desk");
        assertThat(r.status()).isEqualTo(200);
        JsonNode desk = r.json();
        List<String> modules = new ArrayList<>();
        desk.get("sections").forEach(s -> modules.add(s.get("module").asString()));
        assertThat(modules).containsSubsequence("intel", "plans", "commitments", "booking", "exercises", "authority", "picture");
        assertThat(section(desk, "intel").get("heading").asString()).isEqualTo("あなたを待つリリース");
        assertThat(section(desk, "authority").get("heading").asString()).isEqualTo("現在の事態区分");
        assertThat(section(desk, "authority").get("items").get(0).get("text").asString()).matches("^(日本|南西諸島|周辺地域|全世界): .+");
        for (JsonNode s : desk.get("sections")) {
            assertThat(s.get("failed").asBoolean()).as(s.toString()).isFalse();
            assertThat(s.get("link").asString()).startsWith("/" + s.get("module").asString() + "/");
            assertThat(s.get("items").size()).isLessThanOrEqualTo(DeskSection.ITEMS);
            for (JsonNode i : s.get("items")) assertThat(i.get("link").asString()).startsWith("/").doesNotStartWith("//");
        }
    }

    @Test
    void aDraftWaitsForTheDesignatedApproverOfEachNationUntilItApproves() {
        String title = "Desk test plan " + UUID.randomUUID();
        Api.Response created = Api.on(port).as("usa.officer", "demo").post("/api/v1/plans", """
                {"title": "%s", "marking": "(U)", "kind": "EXERCISE", "nations": ["USA", "JPN"],
                 "approvers": {"USA": "usa.officer", "JPN": "jpn.officer"},
                 "sections": [{"heading": "1. Purpose", "marking": "(C//REL TO USA, JPN)", "text": "Exercise the desk."}]}""".formatted(title));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        JsonNode plans = section(desk("jpn.officer"), "plans");
        assertThat(plans.get("heading").asString()).isEqualTo("Plans waiting for your approval");
        JsonNode item = item(plans, "/plans/?plan=" + id);
        assertThat(item).as(plans.toString()).isNotNull();
        assertThat(item.get("text").asString()).isEqualTo("Version 1 of “" + title + "” waits for your approval for JPN");
        assertThat(item.get("labels").toString()).contains("CONFIDENTIAL");
        assertThat(item(section(desk("usa.analyst"), "plans"), "/plans/?plan=" + id)).as("not its designated approver").isNull();

        String hash = created.json().get("versions").get(0).get("hash").asString();
        Api.Response approved = Api.on(port).as("jpn.officer", "demo").post("/api/v1/plans/" + id + "/versions/1/approvals", "{\"hash\": \"" + hash + "\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(item(section(desk("jpn.officer"), "plans"), "/plans/?plan=" + id)).as("approved: no longer waiting").isNull();
        assertThat(item(section(desk("usa.officer"), "plans"), "/plans/?plan=" + id)).as("still waiting for the USA").isNotNull();
    }

    @Test
    void theDeskNeedsASignedInUserAndIsInTheApiDescription() {
        Api.Response r = Api.on(port).get("/api/v1/console/desk");
        assertThat(r.status()).isEqualTo(401);
        JsonNode paths = Api.on(port).as("usa.clerk", "demo").get("/api/v1/openapi").json().get("paths");
        assertThat(paths.has("/api/v1/console/desk")).isTrue();
        assertThat(paths.get("/api/v1/console/desk").get("get").get("summary").asString()).startsWith("Your desk");
    }

    JsonNode desk(String user) {
        Api.Response r = Api.on(port).as(user, "demo").acceptingLanguage("en").get("/api/v1/console/desk");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static @Nullable JsonNode section(JsonNode desk, String module) {
        for (JsonNode s : desk.get("sections")) {
            if (s.get("module").asString().equals(module)) return s;
        }
        return null;
    }

    static @Nullable JsonNode item(@Nullable JsonNode section, String link) {
        if (section == null) return null;
        for (JsonNode i : section.get("items")) {
            if (i.get("link").asString().equals(link)) return i;
        }
        return null;
    }

    /** A report of the USA with a NOFORN portion whose release to JPN {@code firstReleaser} asked for; pending for a second releaser. */
    static String pendingRelease(int port, String firstReleaser, String title) {
        Api author = Api.on(port).as(firstReleaser, "demo");
        Api.Response created = author.post("/api/v1/intel/reports",
                """
                        {"title": {"marking": "(U)", "text": "%s"}, "portions": [{"marking": "(S//NF)", "text": "EXERCISE: a portion for US eyes only, until released"}]}"""
                        .formatted(title));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Api.Response release = author.post("/api/v1/intel/reports/" + id + "/releases", "{\"portion\": \"1\", \"to\": [\"JPN\"]}");
        assertThat(release.status()).as(release.body()).isEqualTo(202);
        assertThat(release.json().get("state").asString()).isEqualTo("PENDING");
        return id;
    }

    /** A commitment of the USA under {@code label}, open, its deadline 2001-01-01 (overdue, and first among the overdue). */
    static String overdueCommitment(JdbcClient jdbc, String label) {
        String id = "desk-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into commitment (id, statement_id, body, owner_nation, organization_id, deadline, status, sources, verification, label, updated_at)
                values (?, 'scc-2024-07-28', ?, 'USA', 'usfj', ?, 'OPEN', 'dod-usfj-jfhq-2024', 'unverified', ?, current_timestamp)""")
                .params(id, "Desk test commitment " + id, LocalDate.of(2001, 1, 1), label).update();
        return id;
    }
}
