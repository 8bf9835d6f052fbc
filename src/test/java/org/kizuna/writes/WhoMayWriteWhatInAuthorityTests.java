package org.kizuna.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.writes.Cells.as;
import static org.kizuna.writes.Cells.assertAnswer;
import static org.kizuna.writes.Cells.assertLikeNonexistent;
import static org.kizuna.writes.Cells.count;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The authority rows of the write matrix (docs/architecture.md, "Who may write what"), over HTTP on a whole node:
 * setting the level in force, requesting support and deciding a request. The demo has no administrator or releaser of
 * JPN, so this node adds {@code jpn.matrix-admin} and {@code jpn.matrix-releaser}, and it designates every user it
 * tries as a level setter, so that a refusal there is the write matrix's (a designation lifts neither its roles nor its
 * nation rule).
 * A refused write is a 403 problem+json and changes nothing; a request the user may not read answers exactly as one
 * that does not exist.
 */
@H2Node
@TestPropertySource(properties = "kizuna.authority.level-setters=jpn.officer,jpn.matrix-admin,jpn.matrix-releaser,usa.admin,usa.officer,jpn.clerk")
class WhoMayWriteWhatInAuthorityTests {

    static final LocalDate SOON = LocalDate.now(ZoneOffset.UTC).plusDays(20);

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    @BeforeEach
    void japaneseAdministratorAndReleaser() {
        // the same password hash as the demo users ("demo")
        for (String[] u : new String[][]{{"jpn.matrix-admin", "ADMINISTRATOR,VIEWER"}, {"jpn.matrix-releaser", "RELEASER,VIEWER"}}) {
            jdbc.sql("""
                    merge into kizuna_user (username, password_hash, nation, clearance, accesses, roles, zone, created_at, enabled)
                    key (username) select ?, password_hash, 'JPN', 'SECRET', '', ?, 'Asia/Tokyo', current_timestamp, true
                    from kizuna_user where username = 'usa.admin'""").params(u[0], u[1]).update();
        }
    }

    static String request(String from, String to, String label) {
        return """
                {"from": "%s", "to": "%s", "kind": "supplies-services", "region": "global", "neededFrom": "%s", "neededTo": "%s", "label": "%s",
                 "description": "fuel for a destroyer squadron"}""".formatted(from, to, SOON, SOON.plusDays(3), label);
    }

    @ParameterizedTest(name = "{0} sets the level in force: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            jpn.officer         | 201
            jpn.matrix-admin    | 201
            jpn.matrix-releaser | 403
            jpn.clerk           | 403
            usa.officer         | 403
            usa.admin           | 403
            usa.planner         | 403
            """)
    void setALevel(String user, int expected) {
        long before = count(jdbc, "select count(*) from authority_level");
        Api.Response r = as(port, user).post("/api/v1/authority/levels", "{\"region\": \"global\", \"level\": \"peacetime\", \"note\": \"matrix\"}");
        assertAnswer(r, expected);
        assertThat(count(jdbc, "select count(*) from authority_level")).isEqualTo(expected == 201 ? before + 1 : before);
    }

    @ParameterizedTest(name = "{0} requests support of {1} from {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            usa.officer  | USA | JPN | 201
            usa.planner  | USA | JPN | 201
            usa.clerk    | USA | JPN | 403
            usa.releaser | USA | JPN | 403
            usa.admin    | USA | JPN | 403
            jpn.officer  | USA | JPN | 403
            jpn.officer  | JPN | USA | 201
            usa.officer  | JPN | USA | 403
            """)
    void requestSupport(String user, String from, String to, int expected) {
        long before = count(jdbc, "select count(*) from authority_support_request");
        assertAnswer(as(port, user).post("/api/v1/authority/support-requests", request(from, to, "UNCLASSIFIED")), expected);
        assertThat(count(jdbc, "select count(*) from authority_support_request")).isEqualTo(expected == 201 ? before + 1 : before);
    }

    @ParameterizedTest(name = "{0} decides a {1} request to {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            usa.officer         | UNCLASSIFIED            | USA | 200
            usa.planner         | UNCLASSIFIED            | USA | 200
            usa.releaser        | UNCLASSIFIED            | USA | 200
            usa.clerk           | UNCLASSIFIED            | USA | 403
            usa.admin           | UNCLASSIFIED            | USA | 403
            jpn.officer         | UNCLASSIFIED            | USA | 403
            jpn.matrix-releaser | UNCLASSIFIED            | AUS | 403
            aus.officer         | UNCLASSIFIED            | AUS | 200
            jpn.officer         | SECRET//REL TO USA, AUS | AUS | 404
            jpn.matrix-releaser | SECRET//REL TO USA, AUS | AUS | 404
            """)
    void decideARequest(String user, String label, String to, int expected) {
        // a request of JPN to USA, or of USA to AUS: support by a nation other than JPN always waits for that nation's decision
        String from = to.equals("USA") ? "JPN" : "USA";
        Api.Response filed = as(port, from.toLowerCase() + ".officer").post("/api/v1/authority/support-requests", request(from, to, label));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("outcome").asString()).isEqualTo("PENDING_DECISION");
        String id = filed.json().get("id").asString();
        String body = "{\"allow\": true, \"reason\": \"matrix\"}";
        Api.Response r = as(port, user).post("/api/v1/authority/support-requests/" + id + "/decision", body);
        assertAnswer(r, expected);
        String outcome = jdbc.sql("select outcome from authority_support_request where id = ?").param(id).query(String.class).single();
        assertThat(outcome).as("a refused decision changes nothing").isEqualTo(expected == 200 ? "ALLOWED" : "PENDING_DECISION");
        if (expected == 404) {
            assertLikeNonexistent(r, id, as(port, user).post("/api/v1/authority/support-requests/SR-nothere/decision", body), "SR-nothere");
        }
    }
}
