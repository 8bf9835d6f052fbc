package org.kizuna.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Booking requests through the API on whichever database the subclass runs the node. */
abstract class BookingApiContract {

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    Api usa() {
        return Api.on(port).as("usa.officer", "demo");
    }

    Api jpn() {
        return Api.on(port).as("jpn.officer", "demo");
    }

    static String request(String unit, String facilities, int minutes, String earliest, String latest, String preferred, int priority,
            boolean noisy, String label) {
        return """
                {"unit": "%s", "facilities": [%s], "durationMinutes": %d, "earliestStart": "%s", "latestStart": "%s",
                 "preferredStart": "%s", "priority": %d, "noisy": %s, "label": "%s"}""".formatted(unit, facilities, minutes, earliest, latest,
                preferred, priority, noisy, label);
    }

    String ics(String user, String path) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
                .header("Accept", "text/calendar").build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /**
     * The first Tuesday at least 90 days ahead (UTC): day 0 of these tests, always inside the booking horizon
     * ({@code kizuna.booking.horizon-days}) and clear of the demo bookings of the coming week. Each test keeps the
     * weekday and UTC time it was written for (day 0 was Tuesday 2 March 2027); the facilities are in Japan,
     * which keeps no daylight-saving time, so the local times (quiet hours in Tokyo) are kept too.
     */
    static final LocalDate DAY_0 = LocalDate.now(ZoneOffset.UTC).plusDays(90).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));

    /** Day {@code day} after {@link #DAY_0} at {@code time} UTC, as the API writes an instant. */
    static String at(int day, String time) {
        return DAY_0.plusDays(day).atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC).toString();
    }

    long requests() {
        return jdbc.sql("select count(*) from booking_request").query(Long.class).single();
    }

    @Test
    void aRequestIsBookedAtItsPreferredTimeAndAConflictGoesToTheHigherPriority() {
        JsonNode first = usa().post("/api/v1/booking/requests", request("iii-mef", "\"camp-schwab\"", 120,
                at(0, "00:00"), at(0, "00:00"), at(0, "00:00"), 2, false, "UNCLASSIFIED")).json();
        assertThat(first.get("state").asString()).as(first.toString()).isEqualTo("BOOKED");
        assertThat(first.get("facility").asString()).isEqualTo("camp-schwab");
        assertThat(first.get("start").asString()).isEqualTo(at(0, "00:00"));
        Api.Response second = usa().post("/api/v1/booking/requests", request("iii-mef", "\"camp-schwab\"", 60,
                at(0, "00:30"), at(0, "00:30"), at(0, "00:30"), 5, false, "UNCLASSIFIED"));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("state").asString()).isEqualTo("BOOKED");
        JsonNode bumped = usa().get("/api/v1/booking/requests/" + first.get("id").asString()).json();
        assertThat(bumped.get("state").asString()).isEqualTo("REFUSED");
        assertThat(bumped.get("reason").asString()).contains("is reserved").doesNotContain("BR-").doesNotContain("priority");
    }

    @Test
    void noisyActivityThatOnlyFitsInQuietHoursIsRefusedWithTheRule() {
        // 13:00-15:00 UTC is 22:00-24:00 in Tokyo
        JsonNode r = usa().post("/api/v1/booking/requests", request("iii-mef", "\"white-beach\"", 120,
                at(1, "13:00"), at(1, "13:00"), at(1, "13:00"), 3, true, "UNCLASSIFIED")).json();
        assertThat(r.get("state").asString()).isEqualTo("REFUSED");
        assertThat(r.get("reason").asString()).contains("quiet hours").contains("Asia/Tokyo");
    }

    @Test
    void usForcesUseAJapaneseTwoFourBFacilityOnlyInAgreedPeriods() {
        JsonNode us = usa().post("/api/v1/booking/requests", request("usarj", "\"camp-asaka\"", 60,
                at(2, "01:00"), at(2, "03:00"), at(2, "01:00"), 3, false, "UNCLASSIFIED")).json();
        assertThat(us.get("state").asString()).isEqualTo("REFUSED");
        assertThat(us.get("reason").asString()).contains("II-4(b)");
        JsonNode jp = jpn().post("/api/v1/booking/requests", request("ardb", "\"camp-asaka\"", 60,
                at(2, "01:00"), at(2, "03:00"), at(2, "01:00"), 3, false, "UNCLASSIFIED")).json();
        assertThat(jp.get("state").asString()).isEqualTo("BOOKED");
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        long before = requests();
        Api.Response noUnit = usa().post("/api/v1/booking/requests", request("no-such-unit", "\"camp-schwab\"", 60,
                at(3, "00:00"), at(3, "01:00"), at(3, "00:00"), 3, false, "UNCLASSIFIED"));
        Api.Response badWindow = usa().post("/api/v1/booking/requests", request("iii-mef", "\"camp-schwab\"", 60,
                at(3, "05:00"), at(3, "01:00"), at(3, "00:00"), 3, false, "UNCLASSIFIED"));
        Api.Response badLabel = usa().post("/api/v1/booking/requests", request("iii-mef", "\"camp-schwab\"", 60,
                at(3, "00:00"), at(3, "01:00"), at(3, "00:00"), 3, false, "secret//rel to usa"));
        Api.Response clerk = Api.on(port).as("usa.clerk", "demo").post("/api/v1/booking/requests", request("iii-mef", "\"camp-schwab\"", 60,
                at(3, "00:00"), at(3, "01:00"), at(3, "00:00"), 3, false, "UNCLASSIFIED"));
        for (Api.Response r : new Api.Response[]{noUnit, badWindow, badLabel}) {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(noUnit.json().get("detail").asString()).contains("no-such-unit");
        assertThat(badWindow.json().get("detail").asString()).contains("window");
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void aRequestMayNotNameAUnitOrFacilityUnderALabelItsReadersCouldNotRead() {
        if (jdbc.sql("select count(*) from registry_organization where id = 'booking-noforn-cell'").query(Long.class).single() == 0) {
            jdbc.sql("""
                    insert into registry_organization (id, valid_from, valid_to, nation, kind, parent_id, component_of, name, abbreviation,
                        site, lat, lon, zone, note, sources, verification, label)
                    values ('booking-noforn-cell', '2020-01-01', null, 'USA', 'unit', 'usfj', null, 'Planning Cell', 'PC',
                        'Yokota', 35.7, 139.3, 'Asia/Tokyo', null, 'usfj-about', 'unverified', 'SECRET//NOFORN')""").update();
        }
        long before = requests();
        Api.Response understated = usa().post("/api/v1/booking/requests", request("booking-noforn-cell", "\"camp-schwab\"", 60,
                at(5, "00:00"), at(5, "01:00"), at(5, "00:00"), 3, false, "SECRET//REL TO USA, JPN"));
        assertThat(understated.status()).isEqualTo(400);
        assertThat(understated.contentType()).startsWith("application/problem+json");
        assertThat(understated.json().get("detail").asString()).contains("booking-noforn-cell").contains("SECRET//NOFORN");
        assertThat(requests()).isEqualTo(before);
        assertThat(jpn().get("/api/v1/booking/requests").body()).doesNotContain("booking-noforn-cell");
        // under a label that covers the unit it is filed
        assertThat(usa().post("/api/v1/booking/requests", request("booking-noforn-cell", "\"camp-schwab\"", 60,
                at(5, "00:00"), at(5, "01:00"), at(5, "00:00"), 3, false, "SECRET//NOFORN")).status()).isEqualTo(201);
    }

    @Test
    void aNofornRequestLeavesNoTraceForAJapaneseReader() throws Exception {
        JsonNode secret = usa().post("/api/v1/booking/requests", request("iii-mef", "\"kadena\"", 60,
                at(4, "02:00"), at(4, "02:00"), at(4, "02:00"), 3, false, "SECRET//NOFORN")).json();
        String id = secret.get("id").asString();
        assertThat(jpn().get("/api/v1/booking/requests/" + id).status()).isEqualTo(404);
        assertThat(jpn().get("/api/v1/booking/requests?facility=kadena").body()).doesNotContain(id);
        assertThat(ics("jpn.officer", "/api/v1/booking/facilities/kadena/calendar.ics")).doesNotContain(id);
        assertThat(ics("usa.officer", "/api/v1/booking/facilities/kadena/calendar.ics")).contains(id);
    }

    @Test
    void theCalendarExportParsesWithIcal4jAndCarriesTheFacilitysZone() throws Exception {
        JsonNode b = jpn().post("/api/v1/booking/requests", request("ardb", "\"camp-ainoura\"", 90,
                at(6, "00:00"), at(6, "00:00"), at(6, "00:00"), 3, false, "UNCLASSIFIED")).json();
        assertThat(b.get("state").asString()).isEqualTo("BOOKED");
        String ics = ics("jpn.officer", "/api/v1/booking/facilities/camp-ainoura/calendar.ics");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.getComponents("VTIMEZONE")).isNotEmpty();
        VEvent event = calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getUid().orElseThrow().getValue().startsWith(b.get("id").asString())).findFirst().orElseThrow();
        var start = event.getProperty("DTSTART").orElseThrow();
        String tzid = start.getParameter("TZID").orElseThrow().getValue();
        assertThat(tzid).isEqualTo("Asia/Tokyo");
        Instant parsed = LocalDateTime.parse(start.getValue(), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")).atZone(ZoneId.of(tzid)).toInstant();
        assertThat(parsed).isEqualTo(Instant.parse(at(6, "00:00")));
    }

    @Test
    void aFacilityWithCapacityTwoHoldsTwoBookingsAtOnceAndNoMore() {
        if (jdbc.sql("select count(*) from booking_capacity where facility_id = 'iwakuni'").query(Long.class).single() == 0) {
            jdbc.sql("insert into booking_capacity (facility_id, capacity) values ('iwakuni', 2)").update();
        }
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            ids[i] = usa().post("/api/v1/booking/requests", request("iii-mef", "\"iwakuni\"", 60,
                    at(8, "00:00"), at(8, "00:00"), at(8, "00:00"), 3 + i, false, "UNCLASSIFIED")).json().get("id").asString();
        }
        assertThat(usa().get("/api/v1/booking/requests/" + ids[0]).json().get("state").asString()).isEqualTo("REFUSED");
        for (int i = 1; i < 3; i++) {
            JsonNode b = usa().get("/api/v1/booking/requests/" + ids[i]).json();
            assertThat(b.get("state").asString()).isEqualTo("BOOKED");
            assertThat(b.get("facility").asString()).isEqualTo("iwakuni");
        }
    }

    @Test
    void cancellingFreesTheFacilityForTheNextRequest() {
        JsonNode a = usa().post("/api/v1/booking/requests", request("iii-mef", "\"futenma\"", 60,
                at(7, "00:00"), at(7, "00:00"), at(7, "00:00"), 5, false, "UNCLASSIFIED")).json();
        JsonNode b = usa().post("/api/v1/booking/requests", request("iii-mef", "\"futenma\"", 60,
                at(7, "00:00"), at(7, "00:00"), at(7, "00:00"), 1, false, "UNCLASSIFIED")).json();
        assertThat(usa().get("/api/v1/booking/requests/" + b.get("id").asString()).json().get("state").asString()).isEqualTo("REFUSED");
        assertThat(usa().delete("/api/v1/booking/requests/" + a.get("id").asString()).json().get("state").asString()).isEqualTo("CANCELLED");
        assertThat(usa().get("/api/v1/booking/requests/" + b.get("id").asString()).json().get("state").asString()).isEqualTo("BOOKED");
    }
}
