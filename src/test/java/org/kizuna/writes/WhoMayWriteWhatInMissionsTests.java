package org.kizuna.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.writes.Cells.as;
import static org.kizuna.writes.Cells.assertAnswer;
import static org.kizuna.writes.Cells.assertLikeNonexistent;
import static org.kizuna.writes.Cells.count;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The missions row of the write matrix (docs/architecture.md, "Who may write what"), over HTTP on a whole node:
 * recording a nation's role and ending an assignment. The assignments lie decades ahead, so that today's matrix stays
 * the demo's. A refused write is a 403 problem+json and changes nothing; an organization or assignment the user may
 * not read answers exactly as one that does not exist.
 */
@H2Node
class WhoMayWriteWhatInMissionsTests {

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    static String assignment(String organization, String label) {
        return """
                {"area": "logistics", "region": "surrounding-seas", "organization": "%s", "role": "SUPPORTED", "validFrom": "2090-01-01",
                 "label": "%s"}""".formatted(organization, label);
    }

    /** A SECRET//NOFORN unit of USA (stored as reference data would be): JPN users may not read it. */
    void hiddenUnit() {
        jdbc.sql("""
                merge into registry_organization (id, valid_from, valid_to, nation, kind, parent_id, component_of, name, abbreviation,
                    site, lat, lon, zone, note, sources, verification, label)
                key (id) values ('matrix-missions-cell', '2020-01-01', null, 'USA', 'unit', 'usfj', null, 'Matrix Missions Cell', 'MMC',
                    'Yokota', 35.7, 139.3, 'Asia/Tokyo', null, 'usfj-about', 'unverified', 'SECRET//NOFORN')""").update();
    }

    long assignments() {
        return count(jdbc, "select count(*) from missions_assignment");
    }

    @ParameterizedTest(name = "{0} records a role of {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            usa.officer  | usfj                 | 201
            usa.planner  | usfj                 | 201
            usa.clerk    | usfj                 | 403
            usa.releaser | usfj                 | 403
            usa.admin    | usfj                 | 403
            jpn.officer  | usfj                 | 403
            jpn.officer  | ardb                 | 201
            usa.officer  | ardb                 | 403
            jpn.clerk    | ardb                 | 403
            usa.officer  | matrix-missions-cell | 201
            jpn.officer  | matrix-missions-cell | 400
            """)
    void recordARole(String user, String organization, int expected) {
        hiddenUnit();
        // the hidden unit's assignment is labelled to cover it where the user may read it
        String label = organization.startsWith("matrix") && user.startsWith("usa") ? "SECRET//NOFORN" : "UNCLASSIFIED";
        long before = assignments();
        Api.Response r = as(port, user).post("/api/v1/missions/assignments", assignment(organization, label));
        assertAnswer(r, expected);
        assertThat(assignments()).isEqualTo(expected == 201 ? before + 1 : before);
        if (expected == 400) {
            // an organization the user may not read is "no organization", as one that does not exist
            assertLikeNonexistent(r, organization, as(port, user).post("/api/v1/missions/assignments", assignment("matrix-no-such-unit", "UNCLASSIFIED")),
                    "matrix-no-such-unit");
        }
    }

    @ParameterizedTest(name = "{0} ends a {1} assignment of USA: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            usa.officer  | UNCLASSIFIED   | 200
            usa.planner  | UNCLASSIFIED   | 200
            usa.clerk    | UNCLASSIFIED   | 403
            usa.releaser | UNCLASSIFIED   | 403
            usa.admin    | UNCLASSIFIED   | 403
            jpn.officer  | UNCLASSIFIED   | 403
            usa.officer  | SECRET//NOFORN | 200
            jpn.officer  | SECRET//NOFORN | 404
            usa.clerk    | SECRET//NOFORN | 404
            """)
    void endAnAssignment(String user, String label, int expected) {
        Api.Response recorded = as(port, "usa.officer").post("/api/v1/missions/assignments", assignment("usfj", label));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String id = recorded.json().get("id").asString();
        String body = "{\"validTo\": \"2091-01-01\", \"note\": \"matrix\"}";
        Api.Response r = as(port, user).post("/api/v1/missions/assignments/" + id + "/end", body);
        assertAnswer(r, expected);
        long ended = count(jdbc, "select count(*) from missions_assignment where id = ? and valid_to is not null", id);
        assertThat(ended).as("a refused end changes nothing").isEqualTo(expected == 200 ? 1L : 0L);
        if (expected == 404) {
            assertLikeNonexistent(r, id, as(port, user).post("/api/v1/missions/assignments/MA-nothere/end", body), "MA-nothere");
        }
    }
}
