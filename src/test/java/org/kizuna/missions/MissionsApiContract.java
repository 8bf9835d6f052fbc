package org.kizuna.missions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Roles and missions through the API on whichever database the subclass runs the node. The demo matrix (demo mode)
 * holds one deliberate gap (cyber in the Southwest Islands) and one duplication (two leads of amphibious operations in
 * the Southwest Islands); the tests that record assignments do so years ahead, so that today's matrix stays the demo's.
 */
abstract class MissionsApiContract {

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    Api as(String user) {
        return Api.on(port).as(user, "demo");
    }

    static String assignment(String area, String region, String organization, String role, @Nullable String task, @Nullable String division,
            String validFrom, String label) {
        return """
                {"area": "%s", "region": "%s", "organization": "%s", "role": "%s", "task": %s, "division": %s, "validFrom": "%s", "label": "%s"}"""
                .formatted(area, region, organization, role, task == null ? "null" : "\"" + task + "\"",
                        division == null ? "null" : "\"" + division + "\"", validFrom, label);
    }

    long assignments() {
        return jdbc.sql("select count(*) from missions_assignment").query(Long.class).single();
    }

    static @Nullable JsonNode cell(JsonNode analysis, String area, String region) {
        for (JsonNode c : analysis.get("cells")) {
            if (c.get("area").asString().equals(area) && c.get("region").asString().equals(region)) return c;
        }
        return null;
    }

    static List<String> findings(JsonNode analysis, String list) {
        List<String> out = new ArrayList<>();
        analysis.get(list).forEach(f -> out.add(f.get("kind").asString() + " " + f.get("area").asString() + "|" + f.get("region").asString()));
        return out;
    }

    @Test
    void theAnalysisFindsTheSeededGapAndTheSeededDuplication() {
        for (String user : List.of("jpn.officer", "usa.officer")) {
            JsonNode a = as(user).get("/api/v1/missions/analysis").json();
            assertThat(findings(a, "gaps")).as(user).containsExactly("GAP cyber|southwest-islands");
            assertThat(findings(a, "duplications")).as(user).containsExactly("TWO_LEADS amphibious|southwest-islands");
            assertThat(cell(a, "cyber", "southwest-islands").get("coverage").asString()).isEqualTo("GAP");
            assertThat(cell(a, "amphibious", "southwest-islands").get("coverage").asString()).isEqualTo("DUPLICATED");
            assertThat(cell(a, "isr", "japan").get("coverage").asString()).isEqualTo("COVERED");
            assertThat(a.get("cells").size()).isEqualTo(8 * 3);
        }
        // before the Marines were recorded as a second lead (2023-07-21) the duplication was not there; before JJOC (2025-03-24) cyber had no lead anywhere
        JsonNode before = as("jpn.officer").get("/api/v1/missions/analysis?asOf=2023-01-01&since=2018-01-01").json();
        assertThat(findings(before, "duplications")).isEmpty();
        assertThat(findings(before, "gaps")).contains("GAP cyber|japan", "GAP cyber|southwest-islands", "GAP cyber|surrounding-seas");
        List<String> began = new ArrayList<>();
        before.get("changes").forEach(c -> began.add(c.get("kind").asString() + " " + c.get("assignment").get("organization").asString() + " "
                + c.get("assignment").get("role").asString() + " " + c.get("assignment").get("area").asString()));
        assertThat(began).contains("BEGAN ardb LEAD amphibious", "BEGAN jgsdf-gcc LEAD logistics").doesNotContain("BEGAN iii-mef LEAD amphibious");
    }

    @Test
    void anAssignmentTheReaderMayNotReadIsAbsentFromTheMatrixAndTheAnalysisAlike() {
        Api.Response recorded = as("usa.officer").post("/api/v1/missions/assignments",
                assignment("cyber", "southwest-islands", "usfj", "LEAD", null, null, "2031-01-01", "SECRET//NOFORN"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String id = recorded.json().get("id").asString();
        String query = "/api/v1/missions/analysis?asOf=2031-06-01&since=2030-12-01";

        JsonNode usa = as("usa.officer").get(query).json();
        assertThat(cell(usa, "cyber", "southwest-islands").get("coverage").asString()).isEqualTo("COVERED");
        assertThat(findings(usa, "gaps")).doesNotContain("GAP cyber|southwest-islands");
        assertThat(usa.get("changes").toString()).contains(id);

        Api.Response jpn = as("jpn.officer").get(query);
        assertThat(cell(jpn.json(), "cyber", "southwest-islands").get("coverage").asString()).isEqualTo("GAP");
        assertThat(findings(jpn.json(), "gaps")).contains("GAP cyber|southwest-islands");
        assertThat(jpn.json().get("changes").size()).isZero();
        assertThat(jpn.body()).doesNotContain(id).doesNotContain("NOFORN");
        assertThat(as("jpn.officer").get("/api/v1/missions/assignments?asOf=2031-06-01").body()).doesNotContain(id);
        // a single read of it is "not found", worded exactly as for an id that does not exist
        Api.Response hidden = as("jpn.officer").get("/api/v1/missions/assignments/" + id);
        Api.Response missing = as("jpn.officer").get("/api/v1/missions/assignments/MA-00000000");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(hidden.json().get("detail").asString().replace(id, "X")).isEqualTo(missing.json().get("detail").asString().replace("MA-00000000", "X"));
        assertThat(as("usa.officer").get("/api/v1/missions/assignments/" + id).status()).isEqualTo(200);
    }

    @Test
    void forcesOfTwoNationsOnOneTaskWithNoDivisionAreADuplication() {
        assertThat(as("usa.officer").post("/api/v1/missions/assignments",
                assignment("isr", "japan", "fifth-af", "SUPPORTING", "Maritime patrol", null, "2032-01-01", "UNCLASSIFIED")).status()).isEqualTo(201);
        assertThat(as("jpn.officer").post("/api/v1/missions/assignments",
                assignment("isr", "japan", "jasdf-adc", "SUPPORTING", "maritime patrol ", null, "2032-01-01", "CONFIDENTIAL//REL TO USA, JPN")).status())
                .isEqualTo(201);
        JsonNode a = as("jpn.officer").get("/api/v1/missions/analysis?asOf=2032-06-01").json();
        assertThat(findings(a, "duplications")).contains("UNDIVIDED_TASK isr|japan");
        assertThat(cell(a, "isr", "japan").get("coverage").asString()).isEqualTo("DUPLICATED");
        assertThat(a.get("duplications").toString()).contains("JPN and USA").contains("no division recorded");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        long before = assignments();
        record Case(String body, String field) {
        }
        List<Case> cases = List.of(
                new Case(assignment("isr", "japan", "fifth-af", "BOSS", null, null, "2030-01-01", "UNCLASSIFIED"), "role:"),
                new Case(assignment("underwater-basket-weaving", "japan", "fifth-af", "LEAD", null, null, "2030-01-01", "UNCLASSIFIED"), "area:"),
                new Case(assignment("isr", "atlantis", "fifth-af", "LEAD", null, null, "2030-01-01", "UNCLASSIFIED"), "region:"),
                new Case(assignment("isr", "japan", "fifth-af", "LEAD", null, null, "2030-13-45", "UNCLASSIFIED"), "validFrom:"),
                new Case(assignment("isr", "japan", "fifth-af", "LEAD", null, null, "1 May 2030", "UNCLASSIFIED"), "validFrom:"),
                new Case(assignment("isr", "japan", "no-such-unit", "LEAD", null, null, "2030-01-01", "UNCLASSIFIED"), "organization:"),
                new Case(assignment("isr", "japan", "fifth-af", "LEAD", null, null, "2030-01-01", "secret//rel to usa"), "label:"),
                new Case(assignment("isr", "japan", "fifth-af", "LEAD", "x".repeat(201), null, "2030-01-01", "UNCLASSIFIED"), "task:"),
                new Case("""
                        {"area": "isr", "region": "japan", "organization": "fifth-af", "role": "LEAD", "validFrom": "2030-01-01", "validTo": "2029-01-01",
                         "label": "UNCLASSIFIED"}""", "validTo:"));
        for (Case c : cases) {
            Api.Response r = as("usa.officer").post("/api/v1/missions/assignments", c.body());
            assertThat(r.status()).as(c.body() + " -> " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).as(c.body()).contains(c.field());
        }
        Api.Response since = as("usa.officer").get("/api/v1/missions/analysis?asOf=2025-01-01&since=2025-06-01");
        assertThat(since.status()).isEqualTo(400);
        assertThat(since.json().get("detail").asString()).contains("since");
        // the write matrix: a partner's organization, a viewer, an administrator without the planner role
        assertThat(as("usa.officer").post("/api/v1/missions/assignments",
                assignment("isr", "japan", "jasdf-adc", "LEAD", null, null, "2030-01-01", "UNCLASSIFIED")).status()).isEqualTo(403);
        assertThat(as("usa.clerk").post("/api/v1/missions/assignments",
                assignment("isr", "japan", "fifth-af", "LEAD", null, null, "2030-01-01", "UNCLASSIFIED")).status()).isEqualTo(403);
        assertThat(as("usa.admin").post("/api/v1/missions/assignments",
                assignment("isr", "japan", "fifth-af", "LEAD", null, null, "2030-01-01", "UNCLASSIFIED")).status()).isEqualTo(403);
        assertThat(assignments()).isEqualTo(before);
    }

    static List<String> changes(JsonNode analysis) {
        List<String> out = new ArrayList<>();
        analysis.get("changes")
                .forEach(c -> out.add(c.get("kind").asString() + " " + c.get("day").asString() + " " + c.get("assignment").get("id").asString()));
        return out;
    }

    static boolean inCell(JsonNode analysis, String area, String region, String id) {
        return cell(analysis, area, region).get("assignments").findValuesAsString("id").contains(id);
    }

    @Test
    void anAssignmentEndsFromItsEndDayOnAndEarlierDaysStillSeeIt() {
        String id = as("usa.officer").post("/api/v1/missions/assignments",
                assignment("hadr", "surrounding-seas", "usfj", "SUPPORTING", null, null, "2040-01-01", "UNCLASSIFIED")).json().get("id").asString();
        String end = "/api/v1/missions/assignments/" + id + "/end";
        // refused ends change nothing: a partner, a viewer, an end before (or on) its first day, a malformed date
        Api.Response partner = as("jpn.officer").post(end, "{\"validTo\": \"2041-01-01\"}");
        assertThat(partner.status()).isEqualTo(403);
        assertThat(partner.json().get("detail").asString()).contains("the force's nation (USA)");
        assertThat(as("usa.clerk").post(end, "{\"validTo\": \"2041-01-01\"}").status()).isEqualTo(403);
        for (String bad : List.of("2039-12-31", "2040-01-01", "1 Jan 2041")) {
            Api.Response r = as("usa.officer").post(end, "{\"validTo\": \"" + bad + "\"}");
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).as(bad).startsWith("validTo");
        }
        assertThat(as("usa.officer").post(end, "{\"validTo\": \"2041-01-01\", \"note\": \"" + "x".repeat(501) + "\"}").json().get("detail")
                .asString()).contains("note");
        assertThat(jdbc.sql("select valid_to from missions_assignment where id = ?").param(id).query(java.sql.Date.class).optional()).isEmpty();

        JsonNode ended = as("usa.officer").post(end, "{\"validTo\": \"2041-01-01\", \"note\": \"the task was handed to JSDF\"}").json();
        assertThat(ended.get("validity").get("to").asString()).isEqualTo("2041-01-01");
        assertThat(ended.get("ended").get("by").asString()).isEqualTo("usa.officer");
        assertThat(ended.get("ended").get("note").asString()).isEqualTo("the task was handed to JSDF");
        assertThat(as("jpn.officer").get("/api/v1/missions/assignments/" + id).json().get("validity").get("to").asString()).isEqualTo("2041-01-01");
        // it counts up to the day before its end, and no longer from that day on
        assertThat(inCell(as("jpn.officer").get("/api/v1/missions/analysis?asOf=2040-12-31").json(), "hadr", "surrounding-seas", id)).isTrue();
        assertThat(inCell(as("jpn.officer").get("/api/v1/missions/analysis?asOf=2041-01-01").json(), "hadr", "surrounding-seas", id)).isFalse();
        assertThat(as("jpn.officer").get("/api/v1/missions/assignments?asOf=2041-01-01").body()).doesNotContain(id);
        assertThat(changes(as("jpn.officer").get("/api/v1/missions/analysis?asOf=2041-03-01&since=2040-06-01").json())).contains("ENDED 2041-01-01 " + id);
        // a correction of the end moves it
        assertThat(as("usa.planner").post(end, "{\"validTo\": \"2041-06-01\"}").status()).isEqualTo(200);
        assertThat(inCell(as("jpn.officer").get("/api/v1/missions/analysis?asOf=2041-03-01").json(), "hadr", "surrounding-seas", id)).isTrue();
        assertThat(changes(as("jpn.officer").get("/api/v1/missions/analysis?asOf=2041-07-01&since=2041-02-01").json())).contains("ENDED 2041-06-01 " + id);
    }

    @Test
    void endingAnAssignmentTheUserMayNotReadAnswersAsForOneThatDoesNotExist() {
        String id = as("usa.officer").post("/api/v1/missions/assignments",
                assignment("hadr", "japan", "usfj", "SUPPORTING", null, null, "2040-01-01", "SECRET//NOFORN")).json().get("id").asString();
        Api.Response hidden = as("jpn.officer").post("/api/v1/missions/assignments/" + id + "/end", "{\"validTo\": \"2041-01-01\"}");
        Api.Response missing = as("jpn.officer").post("/api/v1/missions/assignments/MA-00000000/end", "{\"validTo\": \"2041-01-01\"}");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body().replace(id, "ID")).isEqualTo(missing.body().replace("MA-00000000", "ID"));
        assertThat(as("usa.officer").get("/api/v1/missions/assignments/" + id).json().get("validity").has("to")).isFalse();
    }
}
