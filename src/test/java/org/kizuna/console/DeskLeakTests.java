package org.kizuna.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The desk tells nothing of a facility the reader may not read, even beside a booking the reader may read (a
 * facility's label can be raised after bookings were made, and a partner's booking arrives under its own node's
 * decision): not the facility's host nation (by putting another nation's booking on the desk because the hidden
 * facility is hosted by the reader's nation), not its zone, not its local day.
 */
@H2Node
class DeskLeakTests {

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    @Test
    void aBookingAtAFacilityTheReaderMayNotReadTellsNeitherItsHostNorItsZone() {
        String facility = "desk-leak-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into registry_facility (id, name, kind, operator, lat, lon, zone, host_nation, users, joint_use, joint_use_note, hosts, note,
                    valid_from, valid_to, sources, verification, label)
                values (?, 'Desk Leak Pier', 'pier', 'JMSDF', 26.30, 127.91, 'Europe/London', 'JPN', 'JPN,USA', null, null, '', null, null, null,
                    'usfj-about', 'unverified', 'UNCLASSIFIED')""").param(facility).update();
        // a zone within an hour of UTC, so that tomorrow there is tomorrow in UTC too
        ZoneId london = ZoneId.of("Europe/London");
        LocalDate tomorrow = LocalDate.now(london).plusDays(1);
        Instant usaAt = tomorrow.atTime(9, 0).atZone(london).toInstant(), jpnAt = tomorrow.atTime(13, 0).atZone(london).toInstant();
        Api.Response usa = Api.on(port).as("usa.officer", "demo").post("/api/v1/booking/requests", DeskTests.booking("iii-mef", facility, usaAt,
                "UNCLASSIFIED"));
        assertThat(usa.status()).as(usa.body()).isEqualTo(201);
        assertThat(usa.json().get("state").asString()).as(usa.body()).isEqualTo("BOOKED");
        Api.Response jpn = Api.on(port).as("jpn.officer", "demo").post("/api/v1/booking/requests", DeskTests.booking("ardb", facility, jpnAt,
                "UNCLASSIFIED"));
        assertThat(jpn.status()).as(jpn.body()).isEqualTo(201);
        assertThat(jpn.json().get("state").asString()).as(jpn.body()).isEqualTo("BOOKED");
        Instant jpnStart = Instant.parse(jpn.json().get("start").asString());

        // readable to JPN, both bookings are on the JPN desk while the facility is
        assertThat(items(desk("jpn.officer"), facility)).hasSize(2);

        // the facility becomes one JPN may not read; both bookings stay readable to JPN
        jdbc.sql("update registry_facility set label = 'SECRET//NOFORN' where id = ?").param(facility).update();
        assertThat(Api.on(port).as("jpn.officer", "demo").get("/api/v1/booking/requests/" + usa.json().get("id").asString()).status()).isEqualTo(200);

        JsonNode section = DeskTests.section(desk("jpn.officer"), "booking");
        List<JsonNode> shown = items(desk("jpn.officer"), facility);
        assertThat(shown).as("only the booking of JPN's own unit: that the hidden facility is hosted by JPN is not said: " + section).hasSize(1);
        JsonNode own = shown.getFirst();
        assertThat(own.get("text").asString()).contains("ardb").contains(facility).doesNotContain("Desk Leak Pier");
        assertThat(own.get("zone") == null || own.get("zone").isNull()).as("no zone of a hidden facility: " + own).isTrue();
        assertThat(own.get("link").asString()).endsWith("&week=" + LocalDate.ofInstant(jpnStart, ZoneOffset.UTC));
        assertThat(section.toString()).doesNotContain("iii-mef at " + facility);

        // the USA, which may read the facility, still sees both with its zone
        List<JsonNode> usaItems = items(desk("usa.officer"), facility);
        assertThat(usaItems).isNotEmpty();
        assertThat(usaItems).allSatisfy(i -> assertThat(i.get("zone").asString()).isEqualTo("Europe/London"));
    }

    private JsonNode desk(String user) {
        Api.Response r = Api.on(port).as(user, "demo").acceptingLanguage("en").get("/api/v1/console/desk");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** The booking items of the desk that link to the facility. */
    private static List<JsonNode> items(JsonNode desk, String facility) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode section = DeskTests.section(desk, "booking");
        if (section == null) return out;
        for (JsonNode i : section.get("items")) {
            if (i.get("link").asString().contains("facility=" + facility + "&")) out.add(i);
        }
        return out;
    }
}
