package org.kizuna.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Situation levels and support requests through the API on whichever database the subclass runs the node. Each test
 * sets the level it needs in a region of its own first (the demo node's designated setter is jpn.officer).
 */
abstract class AuthorityApiContract {

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    static final LocalDate SOON = LocalDate.now(ZoneOffset.UTC).plusDays(30);

    Api as(String user) {
        return Api.on(port).as(user, "demo");
    }

    static String level(String region, String level) {
        return """
                {"region": "%s", "level": "%s", "note": "test"}""".formatted(region, level);
    }

    static String request(String from, String to, String kind, String region, LocalDate neededFrom, LocalDate neededTo, String label) {
        return """
                {"from": "%s", "to": "%s", "kind": "%s", "region": "%s", "neededFrom": "%s", "neededTo": "%s", "label": "%s",
                 "description": "fuel and ammunition for a destroyer squadron"}""".formatted(from, to, kind, region, neededFrom, neededTo, label);
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    void set(String region, String level) {
        Api.Response r = as("jpn.officer").post("/api/v1/authority/levels", level(region, level));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void aSupportRequestIsRefusedUnderPeacetimeAndAllowedUnderTheLevelThatPermitsIt() {
        set("surrounding-areas", "peacetime");
        String rearArea = request("USA", "JPN", "rear-area-support", "surrounding-areas", SOON, SOON.plusDays(7), "UNCLASSIFIED");
        Api.Response refused = as("usa.officer").post("/api/v1/authority/support-requests", rearArea);
        assertThat(refused.status()).as(refused.body()).isEqualTo(201);
        assertThat(refused.json().get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(refused.json().get("level").asString()).isEqualTo("peacetime");
        assertThat(refused.json().get("basis").asString()).isEqualTo("Important Influence Situations Act");
        assertThat(refused.json().get("reason").asString()).startsWith("refused under Peacetime").contains("situation of important influence")
                .contains("(Important Influence Situations Act)");

        set("surrounding-areas", "important-influence");
        Api.Response allowed = as("usa.officer").post("/api/v1/authority/support-requests", rearArea);
        assertThat(allowed.json().get("outcome").asString()).as(allowed.body()).isEqualTo("ALLOWED");
        assertThat(allowed.json().get("level").asString()).isEqualTo("important-influence");
        assertThat(allowed.json().get("reason").asString()).startsWith("allowed under").contains("ammunition");

        JsonNode levels = as("usa.clerk").get("/api/v1/authority/levels").json();
        assertThat(levels.toString()).contains("\"region\":\"surrounding-areas\",\"level\":\"important-influence\"");
        // the first request keeps the outcome of its check: it is not re-decided by a later level
        assertThat(as("usa.officer").get("/api/v1/authority/support-requests/" + refused.json().get("id").asString()).json()
                .get("outcome").asString()).isEqualTo("REFUSED");
    }

    @Test
    void aRequestSentForADecisionIsDecidedByTheSupportingNationOnly() {
        set("global", "peacetime");
        Api.Response pending = as("usa.officer").post("/api/v1/authority/support-requests",
                request("USA", "JPN", "asset-protection", "global", SOON, SOON.plusDays(2), "CONFIDENTIAL//REL TO USA, JPN"));
        assertThat(pending.json().get("outcome").asString()).as(pending.body()).isEqualTo("PENDING_DECISION");
        assertThat(pending.json().get("reason").asString()).contains("SDF Act Art. 95-2");
        String id = pending.json().get("id").asString();
        String path = "/api/v1/authority/support-requests/" + id + "/decision";
        String allow = """
                {"allow": true, "reason": "escort during the exercise approved by the Minister"}""";

        assertThat(as("usa.officer").post(path, allow).status()).isEqualTo(403);
        assertThat(as("jpn.clerk").post(path, allow).status()).isEqualTo(403);
        assertThat(as("usa.officer").get("/api/v1/authority/support-requests/" + id).json().get("outcome").asString()).isEqualTo("PENDING_DECISION");

        Api.Response decided = as("jpn.officer").post(path, allow);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().get("outcome").asString()).isEqualTo("ALLOWED");
        assertThat(decided.json().get("decidedBy").asString()).isEqualTo("jpn.officer");
        assertThat(decided.json().get("decisionNote").asString()).contains("Minister");
        Api.Response again = as("jpn.officer").post(path, """
                {"allow": false, "reason": "changed my mind"}""");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(as("usa.officer").get("/api/v1/authority/support-requests/" + id).json().get("outcome").asString()).isEqualTo("ALLOWED");
    }

    @Test
    void aRequestTheReaderMayNotReadIsNotFoundLikeOneThatDoesNotExist() {
        Api.Response toAus = as("usa.officer").post("/api/v1/authority/support-requests",
                request("USA", "AUS", "supplies-services", "global", SOON, SOON, "SECRET//REL TO USA, AUS"));
        assertThat(toAus.status()).as(toAus.body()).isEqualTo(201);
        assertThat(toAus.json().get("outcome").asString()).isEqualTo("PENDING_DECISION");
        String id = toAus.json().get("id").asString();
        assertThat(as("jpn.officer").get("/api/v1/authority/support-requests").body()).doesNotContain(id);
        Api.Response hidden = as("jpn.officer").get("/api/v1/authority/support-requests/" + id);
        Api.Response missing = as("jpn.officer").get("/api/v1/authority/support-requests/SR-00000000");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().get("detail").asString().replace(id, "X")).isEqualTo(missing.json().get("detail").asString().replace("SR-00000000", "X"));
        // nor can it be decided by anyone who may not read it: not found before any write check
        assertThat(as("jpn.officer").post("/api/v1/authority/support-requests/" + id + "/decision", """
                {"allow": true, "reason": "x"}""").status()).isEqualTo(404);
        assertThat(as("aus.officer").get("/api/v1/authority/support-requests/" + id).status()).isEqualTo(200);
    }

    @Test
    void onlyADesignatedUserOfJapanMaySetALevelAndARefusalChangesNothing() {
        long before = count("authority_level");
        for (String user : List.of("usa.officer", "usa.admin", "jpn.clerk", "aus.officer")) {
            Api.Response r = as(user).post("/api/v1/authority/levels", level("japan", "armed-attack"));
            assertThat(r.status()).as(user).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(count("authority_level")).isEqualTo(before);
        assertThat(as("jpn.officer").get("/api/v1/authority/me").json().get("maySetLevels").asBoolean()).isTrue();
        assertThat(as("usa.officer").get("/api/v1/authority/me").json().get("maySetLevels").asBoolean()).isFalse();
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        long levels = count("authority_level"), requests = count("authority_support_request");
        record Case(String path, String user, String body, String field) {
        }
        String r = "/api/v1/authority/support-requests";
        List<Case> cases = List.of(
                new Case("/api/v1/authority/levels", "jpn.officer", level("atlantis", "peacetime"), "region:"),
                new Case("/api/v1/authority/levels", "jpn.officer", level("japan", "martial-law"), "level:"),
                new Case("/api/v1/authority/levels", "jpn.officer", """
                        {"region": "japan", "level": "peacetime", "note": "%s"}""".formatted("n".repeat(501)), "note:"),
                new Case(r, "usa.officer", request("USA", "JPN", "moral-support", "japan", SOON, SOON, "UNCLASSIFIED"), "kind:"),
                new Case(r, "usa.officer", request("USA", "JPN", "rear-area-support", "mars", SOON, SOON, "UNCLASSIFIED"), "region:"),
                new Case(r, "usa.officer", request("USA", "JPN", "rear-area-support", "japan", SOON, SOON.minusDays(1), "UNCLASSIFIED"), "neededTo:"),
                new Case(r, "usa.officer", request("USA", "JPN", "rear-area-support", "japan", SOON, SOON.plusDays(400), "UNCLASSIFIED"), "neededTo:"),
                new Case(r, "usa.officer", request("USA", "USA", "rear-area-support", "japan", SOON, SOON, "UNCLASSIFIED"), "to:"),
                new Case(r, "usa.officer", request("USA", "jp", "rear-area-support", "japan", SOON, SOON, "UNCLASSIFIED"), "to:"),
                new Case(r, "usa.officer", request("USA", "JPN", "rear-area-support", "japan", SOON, SOON, "secret"), "label:"),
                new Case(r, "usa.officer", request("USA", "JPN", "rear-area-support", "japan", SOON, SOON, "SECRET//NOFORN"), "label:"),
                new Case(r, "usa.officer", """
                        {"from": "USA", "to": "JPN", "kind": "rear-area-support", "region": "japan", "neededFrom": "2026-02-30",
                         "neededTo": "2026-03-01", "label": "UNCLASSIFIED", "description": "x"}""", "neededFrom:"),
                new Case(r, "usa.officer", """
                        {"from": "USA", "to": "JPN", "kind": "rear-area-support", "region": "japan", "neededFrom": "%s",
                         "neededTo": "%s", "label": "UNCLASSIFIED"}""".formatted(SOON, SOON), "description:"),
                new Case(r + "/SR-00000000/decision", "jpn.officer", """
                        {"reason": "x"}""", "allow:"));
        for (Case c : cases) {
            Api.Response response = as(c.user()).post(c.path(), c.body());
            assertThat(response.status()).as(c.body() + " -> " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).as(c.body()).contains(c.field());
        }
        Api.Response history = as("usa.officer").get("/api/v1/authority/levels/history?region=atlantis");
        assertThat(history.status()).isEqualTo(400);
        assertThat(history.json().get("detail").asString()).contains("region");
        // a request in another nation's name is a write the user may not make
        assertThat(as("usa.officer").post(r, request("JPN", "USA", "supplies-services", "japan", SOON, SOON, "UNCLASSIFIED")).status()).isEqualTo(403);
        assertThat(as("usa.clerk").post(r, request("USA", "JPN", "supplies-services", "japan", SOON, SOON, "UNCLASSIFIED")).status()).isEqualTo(403);
        assertThat(count("authority_level")).isEqualTo(levels);
        assertThat(count("authority_support_request")).isEqualTo(requests);
    }
}
