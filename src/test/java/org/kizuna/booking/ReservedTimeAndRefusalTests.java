package org.kizuna.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The policy of docs/label.md, "What a booking refusal and a facility's reserved time show": a refusal
 * reads the same whether a readable or a NOFORN booking holds the time, and the reserved times show
 * only times and counts.
 */
@H2Node
class ReservedTimeAndRefusalTests {

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    /** A day of its own at Misawa, 50 days ahead, 09:00 Tokyo (00:00 UTC) on a weekday. */
    static Instant day(int offset) {
        Instant d = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(50 + offset));
        return d;
    }

    static String request(String unit, String facility, Instant at, int priority, String label) {
        return """
                {"unit": "%s", "facilities": ["%s"], "durationMinutes": 60, "earliestStart": "%s", "latestStart": "%s",
                 "preferredStart": "%s", "priority": %d, "noisy": false, "label": "%s"}""".formatted(unit, facility, at, at, at, priority, label);
    }

    @Test
    void aRefusalReadsTheSameWhetherTheBookingThatHoldsTheTimeIsReadableOrNot() {
        Api usa = Api.on(port).as("usa.officer", "demo"), jpn = Api.on(port).as("jpn.officer", "demo");
        Instant hidden = day(0), visible = day(1);
        JsonNode nf = usa.post("/api/v1/booking/requests", request("iii-mef", "misawa", hidden, 5, "SECRET//NOFORN")).json();
        JsonNode open = usa.post("/api/v1/booking/requests", request("iii-mef", "misawa", visible, 4, "UNCLASSIFIED")).json();
        assertThat(nf.get("state").asString()).isEqualTo("BOOKED");
        assertThat(open.get("state").asString()).isEqualTo("BOOKED");

        JsonNode byHidden = jpn.post("/api/v1/booking/requests", request("ardb", "misawa", hidden, 3, "UNCLASSIFIED")).json();
        JsonNode byVisible = jpn.post("/api/v1/booking/requests", request("ardb", "misawa", visible, 3, "UNCLASSIFIED")).json();
        assertThat(byHidden.get("state").asString()).isEqualTo("REFUSED");
        assertThat(byVisible.get("state").asString()).isEqualTo("REFUSED");
        String reason = byHidden.get("reason").asString();
        assertThat(reason).isEqualTo(byVisible.get("reason").asString()).contains("reserved")
                .doesNotContain("priority").doesNotContain("BR-").doesNotContain("NOFORN").doesNotContain("iii-mef").doesNotContain("USA");
    }

    @Test
    void reservedTimesShowOnlyTimesAndPlacesToEveryReaderOfTheFacility() {
        Api usa = Api.on(port).as("usa.officer", "demo"), jpn = Api.on(port).as("jpn.officer", "demo");
        Instant a = day(3), b = day(3).plus(Duration.ofHours(1)), c = day(3).plus(Duration.ofHours(5));
        // two touching bookings (one NOFORN) and a third apart
        assertThat(usa.post("/api/v1/booking/requests", request("iii-mef", "misawa", a, 3, "SECRET//NOFORN")).json().get("state").asString())
                .isEqualTo("BOOKED");
        assertThat(usa.post("/api/v1/booking/requests", request("iii-mef", "misawa", b, 2, "UNCLASSIFIED")).json().get("state").asString()).isEqualTo("BOOKED");
        assertThat(jpn.post("/api/v1/booking/requests", request("ardb", "misawa", c, 1, "UNCLASSIFIED")).json().get("state").asString()).isEqualTo("BOOKED");

        String path = "/api/v1/booking/facilities/misawa/reserved?from=" + day(3) + "&to=" + day(4);
        Api.Response r = jpn.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode reserved = r.json().get("reserved");
        List<String> intervals = new ArrayList<>();
        for (JsonNode i : reserved) {
            List<String> fields = new ArrayList<>();
            i.propertyNames().forEach(fields::add);
            assertThat(fields).containsExactlyInAnyOrder("start", "end", "places");
            intervals.add(i.get("start").asString() + "/" + i.get("end").asString() + "/" + i.get("places").asInt());
        }
        // the NOFORN hour and the next merge into one reserved interval: nothing tells them apart
        assertThat(intervals).containsExactly(a + "/" + a.plus(Duration.ofHours(2)) + "/1", c + "/" + c.plus(Duration.ofHours(1)) + "/1");
        assertThat(r.body()).doesNotContain("BR-").doesNotContain("NOFORN").doesNotContain("iii-mef").doesNotContain("ardb").doesNotContain("priority");
        assertThat(usa.get(path).body()).isEqualTo(r.body());

        assertThat(jpn.get("/api/v1/booking/facilities/no-such-facility/reserved").status()).isEqualTo(404);
        Api.Response backwards = jpn.get("/api/v1/booking/facilities/misawa/reserved?from=" + day(4) + "&to=" + day(3));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.contentType()).startsWith("application/problem+json");
        assertThat(jpn.get("/api/v1/booking/facilities/misawa/reserved?from=" + day(0) + "&to=" + day(90)).status()).isEqualTo(400);
    }

    @Test
    void aFacilityTheReaderMayNotReadHasNoReservedTimes() {
        if (jdbc.sql("select count(*) from registry_facility where id = 'nf-range'").query(Long.class).single() == 0) {
            jdbc.sql("""
                    insert into registry_facility (id, name, kind, operator, lat, lon, zone, host_nation, users, joint_use, joint_use_note, hosts,
                        note, valid_from, valid_to, sources, verification, label)
                    values ('nf-range', 'Range NF', 'range', null, 35.0, 139.0, 'Asia/Tokyo', 'USA', 'USA', null, null, '', null, null, null,
                        'usfj-about', 'unverified', 'SECRET//NOFORN')""").update();
        }
        Api.Response hidden = Api.on(port).as("jpn.officer", "demo").get("/api/v1/booking/facilities/nf-range/reserved");
        Api.Response none = Api.on(port).as("jpn.officer", "demo").get("/api/v1/booking/facilities/nf-rangf/reserved");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body().replace("nf-range", "X")).isEqualTo(none.body().replace("nf-rangf", "X"));
        assertThat(Api.on(port).as("usa.officer", "demo").get("/api/v1/booking/facilities/nf-range/reserved").status()).isEqualTo(200);
    }
}
