package org.kizuna.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.internal.cot.CotXmlWriter;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * One test per cell of the write matrix (docs/architecture.md, "Who may write what"), over HTTP on a whole
 * node: each row is a user, a write, its target and the answer. A refused write is a 403 problem+json and
 * changes nothing; a target the user may not read answers 404 exactly like an id that does not exist.
 */
@H2Node
class WhoMayWriteWhatTests {

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    /**
     * The booking targets: a USA and a JPN request (UNCLASSIFIED) and a USA SECRET//NOFORN request at Atsugi (host JPN),
     * and a USA request at Camp H. M. Smith (host USA).
     */
    enum Target {
        USA_REQUEST,
        JPN_REQUEST,
        USA_NOFORN_REQUEST,
        USA_REQUEST_AT_US_HOST,
        NO_SUCH_REQUEST
    }

    private static final AtomicInteger SLOT = new AtomicInteger();
    /** A start inside the booking horizon, proposed to requests the user may not see or that do not exist. */
    private static final String SOMEDAY = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(40)).toString();
    private static final Map<Target, String> SHARED = new ConcurrentHashMap<>();

    static Stream<Arguments> matrix() {
        return Stream.of(
                // file a booking request: a planner of the unit's nation
                Arguments.of("usa.officer", "file", "iii-mef", 201),
                Arguments.of("usa.planner", "file", "iii-mef", 201),
                Arguments.of("usa.clerk", "file", "iii-mef", 403),
                Arguments.of("usa.releaser", "file", "iii-mef", 403),
                Arguments.of("usa.admin", "file", "iii-mef", 403),
                Arguments.of("jpn.officer", "file", "iii-mef", 403),
                Arguments.of("jpn.clerk", "file", "iii-mef", 403),
                Arguments.of("jpn.officer", "file", "ardb", 201),
                Arguments.of("usa.officer", "file", "ardb", 403),
                // cancel: a planner of the requesting unit's nation
                Arguments.of("usa.officer", "cancel", "USA_REQUEST", 200),
                Arguments.of("usa.planner", "cancel", "USA_REQUEST", 200),
                Arguments.of("usa.clerk", "cancel", "USA_REQUEST", 403),
                Arguments.of("usa.releaser", "cancel", "USA_REQUEST", 403),
                Arguments.of("usa.admin", "cancel", "USA_REQUEST", 403),
                Arguments.of("jpn.officer", "cancel", "USA_REQUEST", 403),
                Arguments.of("jpn.clerk", "cancel", "USA_REQUEST", 403),
                Arguments.of("jpn.officer", "cancel", "JPN_REQUEST", 200),
                Arguments.of("usa.clerk", "cancel", "JPN_REQUEST", 403),
                Arguments.of("usa.officer", "cancel", "JPN_REQUEST", 403),
                Arguments.of("usa.officer", "cancel", "USA_NOFORN_REQUEST", 200),
                Arguments.of("jpn.officer", "cancel", "USA_NOFORN_REQUEST", 404),
                Arguments.of("usa.clerk", "cancel", "USA_NOFORN_REQUEST", 404),
                Arguments.of("jpn.officer", "cancel", "NO_SUCH_REQUEST", 404),
                // propose a new start (move): a planner of the requesting unit's nation
                Arguments.of("usa.officer", "propose", "USA_REQUEST", 200),
                Arguments.of("usa.clerk", "propose", "USA_REQUEST", 403),
                Arguments.of("usa.releaser", "propose", "USA_REQUEST", 403),
                Arguments.of("usa.admin", "propose", "USA_REQUEST", 403),
                Arguments.of("jpn.officer", "propose", "USA_REQUEST", 403),
                Arguments.of("usa.clerk", "propose", "JPN_REQUEST", 403),
                Arguments.of("jpn.officer", "propose", "JPN_REQUEST", 200),
                Arguments.of("jpn.officer", "propose", "USA_NOFORN_REQUEST", 404),
                // confirm: a planner of the facility's host nation (Atsugi: JPN)
                Arguments.of("jpn.officer", "confirm", "USA_REQUEST", 200),
                Arguments.of("jpn.officer", "confirm", "JPN_REQUEST", 200),
                Arguments.of("usa.officer", "confirm", "USA_REQUEST", 403),
                Arguments.of("usa.clerk", "confirm", "USA_REQUEST", 403),
                Arguments.of("usa.admin", "confirm", "USA_REQUEST", 403),
                Arguments.of("jpn.clerk", "confirm", "USA_REQUEST", 403),
                Arguments.of("usa.officer", "confirm", "USA_NOFORN_REQUEST", 403),
                Arguments.of("jpn.officer", "confirm", "USA_NOFORN_REQUEST", 404),
                Arguments.of("usa.officer", "confirm", "USA_REQUEST_AT_US_HOST", 200),
                Arguments.of("jpn.officer", "confirm", "USA_REQUEST_AT_US_HOST", 403),
                Arguments.of("usa.clerk", "confirm", "USA_REQUEST_AT_US_HOST", 403),
                // register a sensor: a planner or administrator of the sensor's nation, cleared SECRET or above
                Arguments.of("usa.officer", "sensor", "USA", 201),
                Arguments.of("usa.admin", "sensor", "USA", 201),
                Arguments.of("usa.planner", "sensor", "USA", 403),
                Arguments.of("usa.clerk", "sensor", "USA", 403),
                Arguments.of("usa.releaser", "sensor", "USA", 403),
                Arguments.of("jpn.officer", "sensor", "USA", 403),
                Arguments.of("jpn.officer", "sensor", "JPN", 201),
                Arguments.of("jpn.clerk", "sensor", "JPN", 403),
                // post an event to the picture: a planner, reporting as its own nation
                Arguments.of("usa.planner", "event", "USA", 202),
                Arguments.of("usa.officer", "event", "USA", 202),
                Arguments.of("jpn.officer", "event", "JPN", 202),
                Arguments.of("usa.clerk", "event", "USA", 403),
                Arguments.of("usa.releaser", "event", "USA", 403),
                Arguments.of("usa.admin", "event", "USA", 403),
                Arguments.of("jpn.clerk", "event", "JPN", 403),
                // disable a user of the node: an administrator of the node's nation
                Arguments.of("usa.admin", "disable", "jpn.clerk", 200),
                Arguments.of("usa.officer", "disable", "jpn.clerk", 403),
                Arguments.of("usa.releaser", "disable", "jpn.clerk", 403),
                Arguments.of("usa.clerk", "disable", "jpn.clerk", 403),
                Arguments.of("jpn.officer", "disable", "jpn.clerk", 403));
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @MethodSource("matrix")
    void eachCellOfTheMatrix(String user, String action, String target, int expected) throws Exception {
        Api as = Api.on(port).as(user, "demo");
        switch (action) {
            case "file" -> {
                long before = rows();
                Api.Response r = as.post("/api/v1/booking/requests", request(target, "atsugi", nextSlot(), "UNCLASSIFIED"));
                assertAnswer(r, expected);
                assertThat(rows()).isEqualTo(expected == 201 ? before + 1 : before);
            }
            case "cancel", "propose", "confirm" -> {
                Target t = Target.valueOf(target);
                // an allowed write changes its target, so it gets a fresh one; refused writes share one (they change nothing)
                String id = expected / 100 == 2 ? create(t) : shared(t);
                JsonNode before = state(id);
                Api.Response r = switch (action) {
                    case "cancel" -> as.delete("/api/v1/booking/requests/" + id);
                    case "propose" -> as.post("/api/v1/booking/requests/" + id + "/proposal",
                            "{\"preferredStart\": \"" + before.path("latestStart").asString(before.path("earliestStart").asString(SOMEDAY)) + "\"}");
                    default -> as.post("/api/v1/booking/requests/" + id + "/confirmation?confirmed=true", "");
                };
                assertAnswer(r, expected);
                JsonNode after = state(id);
                if (expected / 100 == 2) {
                    switch (action) {
                        case "cancel" -> assertThat(after.get("state").asString()).isEqualTo("CANCELLED");
                        case "propose" -> assertThat(after.get("preferredStart").asString()).isEqualTo(before.get("latestStart").asString());
                        default -> assertThat(after.get("confirmed").asBoolean()).isTrue();
                    }
                } else {
                    assertThat(after).as("a refused write changes nothing").isEqualTo(before);
                }
                if (expected == 404) {
                    // exactly what an id that does not exist answers
                    Api.Response none = action.equals("cancel")
                            ? as.delete("/api/v1/booking/requests/BR-nosuch00")
                            : as.post("/api/v1/booking/requests/BR-nosuch00/" + (action.equals("propose") ? "proposal" : "confirmation?confirmed=true"),
                                    action.equals("propose") ? "{\"preferredStart\": \"" + SOMEDAY + "\"}" : "");
                    assertThat(none.status()).isEqualTo(404);
                    assertThat(r.body().replace(id, "ID")).isEqualTo(none.body().replace("BR-nosuch00", "ID"));
                }
            }
            case "sensor" -> {
                String id = target + "-MATRIX-" + SLOT.incrementAndGet();
                String label = target.equals("USA") ? "CONFIDENTIAL//REL TO USA, JPN" : "//JPN CONFIDENTIAL//REL TO USA, JPN";
                Api.Response r = as.post("/api/v1/picture/sensors", """
                        {"id":"%s","nation":"%s","platform":"matrix test radar","kind":"radar","defaultLabel":"%s","accuracyMetres":100,"lat":35,"lon":139}"""
                        .formatted(id, target, label));
                assertAnswer(r, expected);
                String owner = target.equals("USA") ? "usa.officer" : "jpn.officer";
                assertThat(Api.on(port).as(owner, "demo").get("/api/v1/picture/sensors").body().contains(id)).isEqualTo(expected == 201);
                assertThat(jdbc.sql("select count(*) from picture_sensor where id = ?").param(id).query(Long.class).single())
                        .isEqualTo(expected == 201 ? 1L : 0L);
            }
            case "event" -> {
                String uid = "MATRIX-EV-" + SLOT.incrementAndGet();
                long now = System.currentTimeMillis();
                byte[] xml = new CotXmlWriter().write(new CotEvent(uid, "a-f-G-U-C", "m-g", now, now, now + 300_000, 35.4, 139.4, 10, 10, 10,
                        "UNCLASSIFIED", null, null, 0, 0, uid, null));
                HttpResponse<String> r = HttpClient.newHttpClient()
                        .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/picture/events"))
                                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "application/xml").header("Accept", "application/json, application/problem+json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(xml)).build(), HttpResponse.BodyHandlers.ofString());
                assertAnswer(new Api.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body()), expected);
                Api reader = Api.on(port).as(target.equals("USA") ? "usa.officer" : "jpn.officer", "demo");
                if (expected == 202) {
                    // the picture takes an accepted event asynchronously: its track shows once the picture has it
                    await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                            .untilAsserted(() -> assertThat(reader.get("/api/v1/picture/tracks").body()).contains(uid));
                } else {
                    assertThat(reader.get("/api/v1/picture/tracks").body()).doesNotContain(uid);
                }
            }
            case "disable" -> {
                Api.Response r = as.post("/api/v1/users/" + target + "/disable", "");
                assertAnswer(r, expected);
                int me = Api.on(port).as(target, "demo").get("/api/v1/me").status();
                if (expected == 200) {
                    assertThat(me).as("a disabled user cannot sign in").isEqualTo(401);
                    assertThat(Api.on(port).as("usa.admin", "demo").post("/api/v1/users/" + target + "/enable", "").status()).isEqualTo(200);
                    assertThat(Api.on(port).as(target, "demo").get("/api/v1/me").status()).isEqualTo(200);
                } else {
                    assertThat(me).as("a refused disable changes nothing").isEqualTo(200);
                }
            }
            default -> throw new IllegalArgumentException(action);
        }
    }

    @Test
    void aUnitAPlannerMayNotReadIsRefusedExactlyLikeAUnitThatDoesNotExist() {
        jdbc.sql("""
                merge into registry_organization (id, valid_from, valid_to, nation, kind, parent_id, component_of, name, abbreviation,
                    site, lat, lon, zone, note, sources, verification, label)
                key (id) values ('matrix-noforn-cell', '2020-01-01', null, 'USA', 'unit', 'usfj', null, 'Matrix Cell', 'MC',
                    'Yokota', 35.7, 139.3, 'Asia/Tokyo', null, 'usfj-about', 'unverified', 'SECRET//NOFORN')""").update();
        Api jpn = Api.on(port).as("jpn.officer", "demo");
        long before = rows();
        Api.Response hidden = jpn.post("/api/v1/booking/requests", request("matrix-noforn-cell", "atsugi", nextSlot(), "UNCLASSIFIED"));
        Api.Response none = jpn.post("/api/v1/booking/requests", request("matrix-no-such-cell", "atsugi", nextSlot(), "UNCLASSIFIED"));
        assertThat(hidden.status()).isEqualTo(400);
        assertThat(hidden.body().replace("matrix-noforn-cell", "X")).isEqualTo(none.body().replace("matrix-no-such-cell", "X"));
        assertThat(rows()).isEqualTo(before);
    }

    private void assertAnswer(Api.Response r, int expected) {
        assertThat(r.status()).as(r.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(r.contentType()).startsWith("application/problem+json");
            if (expected == 403) assertThat(r.json().get("detail").asString()).contains("needs the");
        }
    }

    private long rows() {
        return jdbc.sql("select count(*) from booking_request").query(Long.class).single();
    }

    private JsonNode state(String id) {
        Api owner = Api.on(port).as(id.startsWith("BR-nosuch") ? "usa.officer" : ownerOf(id), "demo");
        Api.Response r = owner.get("/api/v1/booking/requests/" + id);
        return r.status() == 404 ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode() : r.json();
    }

    private String ownerOf(String id) {
        return jdbc.sql("select requested_by from booking_request where id = ?").param(id).query(String.class).optional().orElse("usa.officer");
    }

    private String shared(Target t) {
        if (t == Target.NO_SUCH_REQUEST) return "BR-nosuch01";
        return SHARED.computeIfAbsent(t, this::create);
    }

    private String create(Target t) {
        String owner = t == Target.JPN_REQUEST ? "jpn.officer" : "usa.officer";
        String unit = t == Target.JPN_REQUEST ? "ardb" : "iii-mef";
        String label = t == Target.USA_NOFORN_REQUEST ? "SECRET//NOFORN" : "UNCLASSIFIED";
        String facility = t == Target.USA_REQUEST_AT_US_HOST ? "camp-hm-smith" : "atsugi";
        JsonNode r = Api.on(port).as(owner, "demo").post("/api/v1/booking/requests", request(unit, facility, nextSlot(), label)).json();
        assertThat(r.get("state").asString()).as(r.toString()).isEqualTo("BOOKED");
        return r.get("id").asString();
    }

    /** A two-hour slot of its own, 40 days ahead (every request here is booked where it asks). */
    private static Instant nextSlot() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(40)).plus(Duration.ofHours(2L * SLOT.incrementAndGet()));
    }

    /** A one-hour request that may start from its slot to an hour later. */
    static String request(String unit, String facility, Instant slot, String label) {
        return """
                {"unit": "%s", "facilities": ["%s"], "durationMinutes": 60, "earliestStart": "%s", "latestStart": "%s",
                 "preferredStart": "%s", "priority": 3, "noisy": false, "label": "%s"}"""
                .formatted(unit, facility, slot, slot.plus(Duration.ofHours(1)), slot, label);
    }
}
