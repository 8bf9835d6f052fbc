package org.kizuna.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.writes.Cells.as;
import static org.kizuna.writes.Cells.assertAnswer;
import static org.kizuna.writes.Cells.assertLikeNonexistent;
import static org.kizuna.writes.Cells.count;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The neighbours rows of the write matrix (docs/architecture.md, "Who may write what"), over HTTP on a whole node:
 * recording a complaint and what was done about it, and setting a facility's noise budget, at Camp H. M. Smith (host
 * USA), Camp Hansen (host JPN) and a SECRET//NOFORN range of USA. A refused write is a 403 problem+json and changes
 * nothing; a facility or complaint the user may not read answers exactly as one that does not exist.
 */
@H2Node
class WhoMayWriteWhatInNeighboursTests {

    static final String HIDDEN = "matrix-noforn-range";

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    @BeforeEach
    void hiddenRange() {
        jdbc.sql("""
                merge into registry_facility (id, name, kind, operator, lat, lon, zone, host_nation, users, joint_use, joint_use_note, hosts, note,
                    valid_from, valid_to, sources, verification, label)
                key (id) values (?, 'Matrix Range', 'range', 'USA', 21.39, -157.91, 'Pacific/Honolulu', 'USA', 'USA', null, null, 'usindopacom',
                    null, null, null, 'pacom-history', 'unverified', 'SECRET//NOFORN')""").param(HIDDEN).update();
    }

    static String label(String facility) {
        return facility.equals(HIDDEN) ? "SECRET//NOFORN" : "UNCLASSIFIED";
    }

    static String complaint(String facility) {
        return """
                {"facility": "%s", "occurredAt": "%s", "kind": "NOISE", "source": "ward office", "description": "Helicopters at night",
                 "label": "%s"}""".formatted(facility, Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3)), label(facility));
    }

    long complaints() {
        return count(jdbc, "select count(*) from booking_complaint");
    }

    @ParameterizedTest(name = "{0} records a complaint about {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            usa.officer  | camp-hm-smith | 201
            usa.planner  | camp-hm-smith | 201
            usa.clerk    | camp-hm-smith | 403
            usa.releaser | camp-hm-smith | 403
            usa.admin    | camp-hm-smith | 403
            jpn.officer  | camp-hm-smith | 403
            jpn.officer  | camp-hansen   | 201
            usa.officer  | camp-hansen   | 403
            usa.officer  | matrix-noforn-range | 201
            jpn.officer  | matrix-noforn-range | 400
            """)
    void recordAComplaint(String user, String facility, int expected) {
        long before = complaints();
        String body = user.startsWith("jpn") ? complaint(facility).replace("SECRET//NOFORN", "UNCLASSIFIED") : complaint(facility);
        Api.Response r = as(port, user).post("/api/v1/booking/complaints", body);
        assertAnswer(r, expected);
        assertThat(complaints()).isEqualTo(expected == 201 ? before + 1 : before);
        if (expected == 400) {
            assertLikeNonexistent(r, facility, as(port, user).post("/api/v1/booking/complaints", body.replace(facility, "matrix-no-such-range")),
                    "matrix-no-such-range");
        }
    }

    @ParameterizedTest(name = "{0} records what was done about a complaint about {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            usa.officer  | camp-hm-smith | 200
            usa.planner  | camp-hm-smith | 200
            usa.clerk    | camp-hm-smith | 403
            usa.releaser | camp-hm-smith | 403
            usa.admin    | camp-hm-smith | 403
            jpn.officer  | camp-hm-smith | 403
            jpn.officer  | camp-hansen   | 200
            usa.officer  | camp-hansen   | 403
            usa.officer  | matrix-noforn-range | 200
            jpn.officer  | matrix-noforn-range | 404
            usa.clerk    | matrix-noforn-range | 404
            """)
    void recordAnAction(String user, String facility, int expected) {
        String recorder = facility.equals("camp-hansen") ? "jpn.officer" : "usa.officer";
        Api.Response recorded = as(port, recorder).post("/api/v1/booking/complaints", complaint(facility));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String id = recorded.json().get("id").asString();
        String body = "{\"action\": \"the squadron was briefed\"}";
        Api.Response r = as(port, user).post("/api/v1/booking/complaints/" + id + "/action", body);
        assertAnswer(r, expected);
        long answered = count(jdbc, "select count(*) from booking_complaint where id = ? and action is not null", id);
        assertThat(answered).as("a refused action changes nothing").isEqualTo(expected == 200 ? 1L : 0L);
        if (expected == 404) {
            assertLikeNonexistent(r, id, as(port, user).post("/api/v1/booking/complaints/NC-nothere/action", body), "NC-nothere");
        }
    }

    @ParameterizedTest(name = "{0} sets the noise budget of {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            usa.officer  | camp-hm-smith | 200
            usa.planner  | camp-hm-smith | 200
            usa.clerk    | camp-hm-smith | 403
            usa.releaser | camp-hm-smith | 403
            usa.admin    | camp-hm-smith | 403
            jpn.officer  | camp-hm-smith | 403
            usa.officer  | matrix-noforn-range | 200
            jpn.officer  | matrix-noforn-range | 404
            usa.clerk    | matrix-noforn-range | 404
            """)
    void setANoiseBudget(String user, String facility, int expected) {
        String path = "/api/v1/booking/facilities/" + facility + "/noise-budget";
        String body = "{\"hoursPerMonth\": 700}";
        Api.Response r = as(port, user).put(path, body);
        assertAnswer(r, expected);
        long budgets = count(jdbc, "select count(*) from booking_noise_budget where facility_id = ?", facility);
        assertThat(budgets).as("a refused budget changes nothing").isEqualTo(expected == 200 ? 1L : 0L);
        if (expected == 404) {
            assertLikeNonexistent(r, facility, as(port, user).put("/api/v1/booking/facilities/matrix-no-such-range/noise-budget", body),
                    "matrix-no-such-range");
        }
        // lifted again: the next cell starts from no budget
        if (expected == 200) assertThat(as(port, "usa.officer").put(path, "{\"hoursPerMonth\": null}").status()).isEqualTo(200);
        assertThat(count(jdbc, "select count(*) from booking_noise_budget where facility_id = ?", facility)).isZero();
    }
}
