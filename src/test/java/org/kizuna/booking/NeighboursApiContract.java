package org.kizuna.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.booking.plan.Horizon;
import org.kizuna.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The neighbours of shared facilities, through the API on whichever database the subclass runs the node: a complaint
 * linked to the booking at the facility near it at that time, what a reader who may not read that booking sees, who may
 * record complaints, and a facility's noise budget kept by the planner and shown in its monthly report.
 */
abstract class NeighboursApiContract {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    Api as(String user) {
        return Api.on(port).as(user, "demo");
    }

    long complaints() {
        return jdbc.sql("select count(*) from booking_complaint").query(Long.class).single();
    }

    /** The latest half hour at least an hour ago that falls in Tokyo's quiet hours (22:00-06:00, Sundays): a night within the past day. */
    static Instant lastNight() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        while (!Horizon.quiet(t.atZone(TOKYO)) || !Horizon.quiet(t.plus(Duration.ofMinutes(90)).atZone(TOKYO))) t = t.minus(Duration.ofMinutes(30));
        return t;
    }

    static String request(String unit, String facility, int minutes, Instant start, int priority, boolean noisy, String label) {
        return """
                {"unit": "%s", "facilities": ["%s"], "durationMinutes": %d, "earliestStart": "%s", "latestStart": "%s",
                 "preferredStart": "%s", "priority": %d, "noisy": %s, "label": "%s"}""".formatted(unit, facility, minutes, start, start, start, priority,
                noisy, label);
    }

    static String complaint(String where, Instant at, String kind) {
        return """
                {%s, "occurredAt": "%s", "kind": "%s", "source": "Henoko ward office", "description": "Helicopters over the houses after midnight",
                 "label": "UNCLASSIFIED"}""".formatted(where, at, kind);
    }

    static List<String> linked(JsonNode complaint) {
        List<String> ids = new ArrayList<>();
        complaint.get("links").forEach(l -> ids.add(l.get("request").asString()));
        return ids;
    }

    @Test
    void aComplaintNearAFacilityDuringANightBookingIsLinkedToThatBooking() {
        Instant night = lastNight();
        JsonNode booking = as("usa.officer").post("/api/v1/booking/requests", request("iii-mef", "futenma", 60, night, 3, false, "UNCLASSIFIED")).json();
        assertThat(booking.get("state").asString()).as(booking.toString()).isEqualTo("BOOKED");
        // given by place: a point in Ginowan, about three kilometres from the air station (and more than ten from Kadena)
        Api.Response r = as("jpn.officer").post("/api/v1/booking/complaints",
                complaint("\"latitude\": 26.25, \"longitude\": 127.75", night.plus(Duration.ofMinutes(30)), "NOISE"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode c = r.json();
        assertThat(c.get("facilities").get(0).asString()).isEqualTo("futenma");
        assertThat(c.get("quietHours").asBoolean()).isTrue();
        assertThat(linked(c)).containsExactly(booking.get("id").asString());
        JsonNode link = c.get("links").get(0);
        assertThat(link.get("broken").get(0).asString()).startsWith("booked as quiet activity, reported as noise in quiet hours");
        assertThat(c.get("occupancy").get(0).get("reserved").asBoolean()).isTrue();
        // the same links when it is read again, by id and in the facility's list
        String id = c.get("id").asString();
        assertThat(linked(as("usa.officer").get("/api/v1/booking/complaints/" + id).json())).containsExactly(booking.get("id").asString());
        JsonNode list = as("usa.officer").get("/api/v1/booking/complaints?facility=futenma").json();
        assertThat(list.findValuesAsString("id")).contains(id);
    }

    @Test
    void aReaderWhoMayNotReadTheBookingSeesTheComplaintWithoutTheLink() {
        Instant night = lastNight();
        JsonNode hidden = as("usa.officer").post("/api/v1/booking/requests", request("iii-mef", "kadena", 60, night, 5, false, "SECRET//NOFORN")).json();
        assertThat(hidden.get("state").asString()).as(hidden.toString()).isEqualTo("BOOKED");
        JsonNode c = as("jpn.officer")
                .post("/api/v1/booking/complaints", complaint("\"facility\": \"kadena\"", night.plus(Duration.ofMinutes(10)), "LOW_FLIGHT"))
                .json();
        assertThat(linked(c)).isEmpty();
        assertThat(c.toString()).doesNotContain(hidden.get("id").asString()).doesNotContain("NOFORN").doesNotContain("iii-mef");
        // the facility's occupancy is shared with every reader of the facility, as its reserved times are
        assertThat(c.get("occupancy").get(0).get("reserved").asBoolean()).isTrue();
        assertThat(linked(as("usa.officer").get("/api/v1/booking/complaints/" + c.get("id").asString()).json()))
                .containsExactly(hidden.get("id").asString());
    }

    @Test
    void onlyThePlannersOfTheHostNationRecordComplaintsAndWhatWasDone() {
        long before = complaints();
        Api.Response refused = as("usa.officer").post("/api/v1/booking/complaints", complaint("\"facility\": \"camp-hansen\"", lastNight(), "NOISE"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("host nation").contains("JPN");
        assertThat(complaints()).isEqualTo(before);
        JsonNode c = as("jpn.officer").post("/api/v1/booking/complaints", complaint("\"facility\": \"camp-hansen\"", lastNight(), "NOISE")).json();
        String id = c.get("id").asString();
        assertThat(as("usa.officer").post("/api/v1/booking/complaints/" + id + "/action", "{\"action\": \"apologised\"}").status()).isEqualTo(403);
        JsonNode answered = as("jpn.officer").post("/api/v1/booking/complaints/" + id + "/action",
                "{\"action\": \"Explained the night landing practice to the ward office; asked III MEF to keep to the quiet hours\"}").json();
        assertThat(answered.get("action").asString()).startsWith("Explained the night landing practice");
        assertThat(answered.get("actionBy").asString()).isEqualTo("jpn.officer");
        // an unknown complaint is not found, in the same words as any other
        assertThat(as("jpn.officer").get("/api/v1/booking/complaints/NC-nosuch00").json().get("detail").asString()).isEqualTo("no complaint 'NC-nosuch00'");
    }

    @Test
    void aComplaintWithoutAPlaceOrInTheFutureIsRefusedAndChangesNothing() {
        long before = complaints();
        Api.Response nowhere = as("jpn.officer").post("/api/v1/booking/complaints", complaint("\"source\": \"x\"", lastNight(), "NOISE"));
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(nowhere.json().get("detail").asString()).contains("name the facility, or give latitude and longitude");
        Api.Response later = as("jpn.officer").post("/api/v1/booking/complaints",
                complaint("\"facility\": \"camp-hansen\"", Instant.now().plus(Duration.ofDays(2)), "NOISE"));
        assertThat(later.status()).isEqualTo(400);
        assertThat(later.json().get("detail").asString()).contains("future");
        Api.Response far = as("jpn.officer").post("/api/v1/booking/complaints", complaint("\"latitude\": 0.0, \"longitude\": 0.0", lastNight(), "NOISE"));
        assertThat(far.json().get("detail").asString()).contains("no facility lies within 10 km");
        assertThat(complaints()).isEqualTo(before);
    }

    @Test
    void theNoiseBudgetIsARuleOfThePlannerAndTheMonthlyReportCountsIt() {
        // a Tuesday morning in Tokyo three months ahead, clear of the demo bookings
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(90).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        Instant ten = day.atTime(LocalTime.of(10, 0)).atZone(TOKYO).toInstant(), two = day.atTime(LocalTime.of(14, 0)).atZone(TOKYO).toInstant();
        YearMonth month = YearMonth.from(day);
        assertThat(as("usa.officer").put("/api/v1/booking/facilities/camp-kengun/noise-budget", "{\"hoursPerMonth\": 2}").status())
                .as("only the host nation's range controller sets it").isEqualTo(403);
        JsonNode set = as("jpn.officer").put("/api/v1/booking/facilities/camp-kengun/noise-budget?month=" + month, "{\"hoursPerMonth\": 2}").json();
        assertThat(set.get("noiseBudget").asDouble()).isEqualTo(2.0);
        JsonNode first = as("jpn.officer").post("/api/v1/booking/requests", request("ardb", "camp-kengun", 90, ten, 4, true, "UNCLASSIFIED")).json();
        assertThat(first.get("state").asString()).isEqualTo("BOOKED");
        JsonNode second = as("jpn.officer").post("/api/v1/booking/requests", request("ardb", "camp-kengun", 90, two, 3, true, "UNCLASSIFIED")).json();
        assertThat(second.get("state").asString()).isEqualTo("REFUSED");
        assertThat(second.get("reason").asString()).contains("monthly noise budget");
        JsonNode quiet = as("jpn.officer")
                .post("/api/v1/booking/requests", request("ardb", "camp-kengun", 90, two.plus(Duration.ofHours(2)), 3, false, "UNCLASSIFIED")).json();
        assertThat(quiet.get("state").asString()).as("quiet activity spends nothing").isEqualTo("BOOKED");
        JsonNode report = as("usa.officer").get("/api/v1/booking/facilities/camp-kengun/report?month=" + month).json();
        assertThat(report.get("noisyHours").asDouble()).isEqualTo(1.5);
        assertThat(report.get("reservedHours").asDouble()).isEqualTo(3.0);
        assertThat(report.get("noiseBudget").asDouble()).isEqualTo(2.0);
        assertThat(report.get("bookings").findValuesAsString("id")).contains(first.get("id").asString(), quiet.get("id").asString());
        // lifting the budget re-plans: the noisy request that waited is booked
        as("jpn.officer").put("/api/v1/booking/facilities/camp-kengun/noise-budget", "{\"hoursPerMonth\": null}");
        assertThat(as("jpn.officer").get("/api/v1/booking/requests/" + second.get("id").asString()).json().get("state").asString()).isEqualTo("BOOKED");
        Api.Response badMonth = as("usa.officer").get("/api/v1/booking/facilities/camp-kengun/report?month=2026-13");
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.json().get("detail").asString()).contains("a month in ISO form YYYY-MM");
    }
}
