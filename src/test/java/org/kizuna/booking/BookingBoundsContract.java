package org.kizuna.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Booking under hostile or broken input, on whichever database the subclass runs: requests within the
 * horizon, bounded facility lists without duplicates, a request the planner cannot handle refused with
 * nothing left behind, reasons that fit their column, and error bodies without exception or SQL text.
 */
abstract class BookingBoundsContract {

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    Api usa() {
        return Api.on(port).as("usa.officer", "demo");
    }

    long rows() {
        return jdbc.sql("select count(*) from booking_request").query(Long.class).single();
    }

    static Instant ahead(int days, int hours) {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(days)).plus(Duration.ofHours(hours));
    }

    static String request(String unit, List<String> facilities, int minutes, Object earliest, Object latest, Object preferred, boolean noisy) {
        String f = facilities.stream().map(x -> "\"" + x + "\"").collect(Collectors.joining(", "));
        return """
                {"unit": "%s", "facilities": [%s], "durationMinutes": %d, "earliestStart": "%s", "latestStart": "%s",
                 "preferredStart": "%s", "priority": 3, "noisy": %s, "label": "UNCLASSIFIED"}""".formatted(unit, f, minutes, earliest, latest,
                preferred, noisy);
    }

    /** A problem+json that says what was wrong and nothing of the exception or SQL behind it. */
    static void cleanProblem(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("sql").doesNotContainIgnoringCase("insert into")
                .doesNotContain("org.").doesNotContain("java.").doesNotContain("tools.jackson").doesNotContain("trace");
    }

    void aFreshRequestStillBooks(int day) {
        Instant at = ahead(day, 3);
        JsonNode ok = usa().post("/api/v1/booking/requests", request("iii-mef", List.of("yokosuka"), 60, at, at, at, false)).json();
        assertThat(ok.get("state").asString()).as(ok.toString()).isEqualTo("BOOKED");
    }

    @Test
    void aRequestDated9999IsRefusedAndLeavesNothingBehind() {
        long before = rows();
        Api.Response far = usa().post("/api/v1/booking/requests", request("iii-mef", List.of("yokosuka"), 60,
                "9999-01-01T00:00:00Z", "9999-01-01T00:00:00Z", "9999-01-01T00:00:00Z", false));
        cleanProblem(far, 400);
        assertThat(far.json().get("detail").asString()).contains("horizon");
        Api.Response past = usa().post("/api/v1/booking/requests", request("iii-mef", List.of("yokosuka"), 60,
                "2001-01-01T00:00:00Z", "2001-01-01T00:00:00Z", "2001-01-01T00:00:00Z", false));
        cleanProblem(past, 400);
        assertThat(past.json().get("detail").asString()).contains("in the past");
        Api.Response huge = usa().post("/api/v1/booking/requests", request("iii-mef", List.of("yokosuka"), 60,
                "+1000000000-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", false));
        cleanProblem(huge, 400);
        assertThat(rows()).isEqualTo(before);
        aFreshRequestStillBooks(20);
    }

    @Test
    void aStoredRequestBeyondTheHorizonDoesNotWedgeLaterPlanning() {
        // a row as an older node could have stored it: the planning period must not stretch to 9999
        jdbc.sql("""
                insert into booking_request (id, unit_id, nation, requester_zone, facilities, duration_minutes, earliest_start, latest_start,
                    preferred_start, priority, noisy, label, state, requested_by, created_at)
                values ('BR-far9999', 'iii-mef', 'USA', 'Asia/Tokyo', 'yokosuka', 60, ?, ?, ?, 3, false, 'UNCLASSIFIED', 'PENDING', 'usa.officer', ?)""")
                .params(far(), far(), far(), java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)).update();
        try {
            aFreshRequestStillBooks(27);
            assertThat(usa().get("/api/v1/booking/requests/BR-far9999").json().get("state").asString()).as("left as it was, not planned").isEqualTo("PENDING");
        } finally {
            jdbc.sql("delete from booking_request where id = 'BR-far9999'").update();
        }
    }

    static java.time.OffsetDateTime far() {
        return java.time.OffsetDateTime.parse("9999-01-01T00:00:00Z");
    }

    @Test
    void facilityListsAreBoundedAndWithoutDuplicates() {
        long before = rows();
        Instant at = ahead(21, 3);
        List<String> eleven = List.of("yokota", "yokosuka", "sasebo", "kadena", "futenma", "camp-schwab", "camp-hansen", "iwakuni", "misawa",
                "atsugi", "white-beach");
        Api.Response many = usa().post("/api/v1/booking/requests", request("iii-mef", eleven, 60, at, at, at, false));
        cleanProblem(many, 400);
        assertThat(many.json().get("detail").asString()).contains("at most 10");
        Api.Response twice = usa().post("/api/v1/booking/requests", request("iii-mef", List.of("yokosuka", "sasebo", "yokosuka"), 60, at, at, at, false));
        cleanProblem(twice, 400);
        assertThat(twice.json().get("detail").asString()).contains("'yokosuka' is named more than once");
        Api.Response longId = usa().post("/api/v1/booking/requests", request("iii-mef", List.of("x".repeat(5000)), 60, at, at, at, false));
        cleanProblem(longId, 400);
        assertThat(longId.json().get("detail").asString()).contains("facilities");
        Api.Response thousand = usa().post("/api/v1/booking/requests", request("iii-mef",
                IntStream.range(0, 1000).mapToObj(i -> "f" + i).toList(), 60, at, at, at, false));
        cleanProblem(thousand, 400);
        assertThat(rows()).isEqualTo(before);
        aFreshRequestStillBooks(22);
    }

    @Test
    void aRefusalNamingTheMostFacilitiesFitsItsColumnAndLaterRequestsStillPlan() {
        // noisy at 23:00-01:00 Tokyo: quiet hours block every start at all ten facilities, so the reason names each
        Instant at = ahead(23, 14);
        List<String> ten = List.of("yokota", "yokosuka", "sasebo", "kadena", "futenma", "camp-schwab", "camp-hansen", "iwakuni", "misawa", "camp-asaka");
        JsonNode refused = usa().post("/api/v1/booking/requests", request("iii-mef", ten, 120, at, at.plus(Duration.ofHours(1)), at, true)).json();
        assertThat(refused.get("state").asString()).as(refused.toString()).isEqualTo("REFUSED");
        assertThat(refused.get("reason").asString().length()).isBetween(100, 2000);
        aFreshRequestStillBooks(24);
    }

    @Test
    void aRequestThePlannerCannotHandleIsRefusedWith422AndLeavesNoRow() {
        jdbc.sql("delete from booking_capacity where facility_id = 'camp-zama'").update();
        jdbc.sql("insert into booking_capacity (facility_id, capacity) values ('camp-zama', 2000000)").update();
        try {
            long before = rows();
            Instant at = ahead(25, 3);
            Api.Response r = usa().post("/api/v1/booking/requests", request("iii-mef", List.of("camp-zama"), 60, at, at, at, false));
            cleanProblem(r, 422);
            assertThat(r.json().get("detail").asString()).contains("2000000 places");
            assertThat(rows()).isEqualTo(before);
        } finally {
            jdbc.sql("delete from booking_capacity where facility_id = 'camp-zama'").update();
        }
        aFreshRequestStillBooks(26);
    }

    @Test
    void aPlanThatWouldOutgrowTheLimitIsRefusedWith422AndTheRequestRolledBack() {
        // each request alone is within bounds; together, over a year, their places outgrow kizuna.booking.max-plan-cells
        jdbc.sql("delete from booking_capacity where facility_id in ('camp-zama', 'ichigaya')").update();
        jdbc.sql("insert into booking_capacity (facility_id, capacity) values ('camp-zama', 300)").update();
        jdbc.sql("insert into booking_capacity (facility_id, capacity) values ('ichigaya', 300)").update();
        try {
            Instant soon = ahead(2, 3), late = ahead(360, 3);
            JsonNode first = usa().post("/api/v1/booking/requests", request("iii-mef", List.of("camp-zama"), 60, soon, soon, soon, false)).json();
            assertThat(first.get("state").asString()).as(first.toString()).isEqualTo("BOOKED");
            long before = rows();
            Api.Response r = usa().post("/api/v1/booking/requests", request("iii-mef", List.of("ichigaya"), 60, late, late, late, false));
            cleanProblem(r, 422);
            assertThat(r.json().get("detail").asString()).contains("limit").doesNotContainPattern("[0-9]");
            assertThat(rows()).isEqualTo(before);
            assertThat(jdbc.sql("select count(*) from booking_request where facilities = 'ichigaya'").query(Long.class).single()).isZero();
            usa().delete("/api/v1/booking/requests/" + first.get("id").asString());
        } finally {
            jdbc.sql("delete from booking_capacity where facility_id in ('camp-zama', 'ichigaya')").update();
        }
        aFreshRequestStillBooks(28);
    }

    @Test
    void malformedBodiesAreProblemsWithoutExceptionText() {
        long before = rows();
        cleanProblem(usa().post("/api/v1/booking/requests", "{\"unit\": \"iii-mef\", \"facilities\": [\"yokosuka\"], \"earliestStart\": \"soon\""), 400);
        cleanProblem(usa().post("/api/v1/booking/requests", "{\"unit\": \"iii-mef\", \"facilities\": \"yokosuka\", \"durationMinutes\": \"sixty\"}"), 400);
        cleanProblem(usa().post("/api/v1/booking/requests", "{}"), 400);
        cleanProblem(usa().post("/api/v1/booking/requests/BR-nosuch00/proposal", "{\"preferredStart\": \"tomorrow\"}"), 400);
        cleanProblem(usa().get("/api/v1/booking/facilities/yokosuka/reserved?from=yesterday"), 400);
        assertThat(rows()).isEqualTo(before);
    }
}
