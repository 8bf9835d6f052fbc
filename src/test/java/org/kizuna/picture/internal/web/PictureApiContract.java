package org.kizuna.picture.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.kizuna.audit.AuditLog;
import org.kizuna.audit.TreeHead;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.internal.cot.CotXmlWriter;
import org.kizuna.picture.internal.cot.TakCodec;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.ingest.CotServer;
import org.kizuna.picture.internal.sensors.JdbcSensors;
import org.kizuna.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The picture's REST API on a whole node: events in over REST and CoT TCP, tracks out per reader,
 * sensors, history. Run on H2 and on PostgreSQL.
 */
abstract class PictureApiContract {

    @LocalServerPort int port;

    @Autowired CotServer cot;

    @Autowired AuditLog audit;

    @Autowired LivePicture picture;

    @Autowired JdbcClient jdbc;

    static CotEvent event(String uid, String access, String caveat, String rel) {
        long now = System.currentTimeMillis();
        return new CotEvent(uid, "a-h-A-M-F", "m-g", now, now, now + 120_000, 36.5, 133.25, 9000, 50, 50, access, caveat, rel, 230, 95, uid, null);
    }

    HttpResponse<String> post(String user, byte[] body, String contentType) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/picture/events"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType).header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
    }

    JsonNode track(String user, String uid) {
        for (JsonNode t : Api.on(port).as(user, "demo").get("/api/v1/picture/tracks").json()) {
            if (t.get("id").asString().equals(uid)) return t;
        }
        return null;
    }

    @Test
    void postedEventsAppearForReadersThatMaySeeThemOnly() throws Exception {
        var rel = post("usa.officer", new CotXmlWriter().write(event("REST-REL-1", "SECRET", null, "REL TO USA, JPN")), "application/xml");
        assertThat(rel.statusCode()).isEqualTo(202);
        var nf = post("usa.officer", TakCodec.encode(event("REST-NF-1", "SECRET", "NOFORN", null)), "application/x-protobuf");
        assertThat(nf.statusCode()).isEqualTo(202);
        JsonNode atUsa = track("usa.officer", "REST-REL-1");
        assertThat(atUsa).isNotNull();
        assertThat(atUsa.get("banner").asString()).isEqualTo("SECRET//REL TO USA, JPN");
        assertThat(atUsa.get("affiliation").asString()).isEqualTo("h");
        assertThat(atUsa.get("dimension").asString()).isEqualTo("A");
        assertThat(atUsa.get("speed").asDouble()).isEqualTo(230.0);
        assertThat(atUsa.get("lastUpdate").asString()).endsWith("Z");
        assertThat(track("usa.officer", "REST-NF-1")).isNotNull();
        assertThat(track("jpn.officer", "REST-REL-1")).isNotNull();
        assertThat(track("jpn.officer", "REST-NF-1")).as("NOFORN never reaches a JPN reader").isNull();
        assertThat(track("usa.clerk", "REST-REL-1")).as("CONFIDENTIAL clerk may not read SECRET").isNull();

        JsonNode geo = Api.on(port).as("jpn.officer", "demo").get("/api/v1/picture/tracks.geojson").json();
        assertThat(geo.get("type").asString()).isEqualTo("FeatureCollection");
        boolean found = false;
        for (JsonNode f : geo.get("features")) {
            assertThat(f.get("id").asString()).isNotEqualTo("REST-NF-1");
            if (f.get("id").asString().equals("REST-REL-1")) {
                found = true;
                assertThat(f.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(133.25);
                assertThat(f.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(36.5);
            }
        }
        assertThat(found).isTrue();
    }

    static CotEvent unlabelled(String uid) {
        long now = System.currentTimeMillis();
        return new CotEvent(uid, "a-f-G-U-C", "m-g", now, now, now + 300_000, 35.4, 139.4, 10, 10, 10, null, null, null, 0, 0, uid, null);
    }

    /** The track of that uid the user sees, waiting up to 5 s for it; fails when it never comes. */
    JsonNode awaitTrack(String user, String uid) {
        return Awaitility.await(user + " sees " + uid).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> track(user, uid), java.util.Objects::nonNull);
    }

    /** The journalled points of a track the user reads over the last five minutes, once there are that many; fails after 8 s. */
    JsonNode awaitHistory(String user, String path, int points) {
        return Awaitility.await(points + " points of " + path + " for " + user).atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(100))
                .until(() -> Api.on(port).as(user, "demo").get(path).json(), history -> history.size() == points);
    }

    @Test
    void anUnlabelledEventPostedOverRestTakesTheSendersOwnNationOnlyLabel() throws Exception {
        var r = post("usa.officer", new CotXmlWriter().write(unlabelled("REST-UNLABELLED-USA")), "application/xml");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode mine = awaitTrack("usa.officer", "REST-UNLABELLED-USA");
        assertThat(mine).as("the sender's own track list holds its unlabelled event").isNotNull();
        assertThat(mine.get("banner").asString()).as("a USA SECRET planner's default: own nation only").isEqualTo("SECRET//NOFORN");
        assertThat(track("jpn.officer", "REST-UNLABELLED-USA")).as("own nation only: never a JPN reader").isNull();
        assertThat(track("usa.clerk", "REST-UNLABELLED-USA")).as("a CONFIDENTIAL clerk may not read SECRET").isNull();
    }

    /**
     * A JPN planner's own-nation-only default is {@code //JPN SECRET}, which this USA node may not hold (rule 5:
     * USA is not in its releasability), so nobody on the node may read it, the sender included. Such an event
     * is refused with the reason instead of being taken (202), journalled and shown to nobody.
     */
    @Test
    void anUnlabelledEventWhoseDefaultTheNodeMayNotHoldIsRefusedAndChangesNothing() throws Exception {
        long refusedBefore = picture.refusedByReason().getOrDefault("label-not-held", 0L);
        var r = post("jpn.officer", new CotXmlWriter().write(unlabelled("REST-UNLABELLED-JPN")), "application/xml");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(r.body()).contains("no label").contains("//JPN SECRET").contains("may not hold").contains("rule 5");
        var tak = post("jpn.officer", TakCodec.encode(unlabelled("REST-UNLABELLED-JPN-TAK")), "application/x-protobuf");
        assertThat(tak.statusCode()).as(tak.body()).isEqualTo(400);
        assertThat(picture.refusedByReason().get("label-not-held")).isEqualTo(refusedBefore + 2);

        // labelled releasable to the node's nation, the same report is taken and the sender sees it
        CotEvent labelled = event("REST-LABELLED-JPN", "SECRET", null, "REL TO USA, JPN");
        assertThat(post("jpn.officer", new CotXmlWriter().write(labelled), "application/xml").statusCode()).isEqualTo(202);
        assertThat(awaitTrack("jpn.officer", "REST-LABELLED-JPN")).isNotNull();
        assertThat(track("jpn.officer", "REST-UNLABELLED-JPN")).isNull();
        assertThat(track("jpn.officer", "REST-UNLABELLED-JPN-TAK")).isNull();
        Awaitility.await("the journal writes REST-LABELLED-JPN").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> journalled("REST-LABELLED-JPN") > 0);
        assertThat(journalled("REST-LABELLED-JPN")).as("the journal writes what was taken").isPositive();
        assertThat(journalled("REST-UNLABELLED-JPN") + journalled("REST-UNLABELLED-JPN-TAK")).as("and never what the node may not hold").isZero();
    }

    long journalled(String uid) {
        return jdbc.sql("select count(*) from picture_track_history where track_id = ?").param(uid).query(Long.class).single();
    }

    @Test
    void historyIsJournalledAndFilteredByReader() throws Exception {
        long now = System.currentTimeMillis();
        for (int i = 0; i < 3; i++) {
            CotEvent e = new CotEvent("HIST-NF-1", "a-h-S", "m-g", now + i * 1000, now + i * 1000, now + 120_000, 30 + i * 0.01, 130, 0, 5, 5,
                    "SECRET", "NOFORN", null, 5, 0, null, null);
            assertThat(post("usa.officer", new CotXmlWriter().write(e), "application/xml").statusCode()).isEqualTo(202);
        }
        JsonNode points = awaitHistory("usa.officer", "/api/v1/picture/tracks/HIST-NF-1/history?minutes=5", 3);
        assertThat(points.get(0).get("lat").asDouble()).isEqualTo(30.0);
        assertThat(points.get(2).get("lat").asDouble()).isEqualTo(30.02);
        var jpn = Api.on(port).as("jpn.officer", "demo").get("/api/v1/picture/tracks/HIST-NF-1/history?minutes=5");
        assertThat(jpn.status()).isEqualTo(200);
        assertThat(jpn.json().size()).as("a NOFORN history is as empty for JPN as an unknown track").isZero();
        var bad = Api.on(port).as("usa.officer", "demo").get("/api/v1/picture/tracks/HIST-NF-1/history?minutes=0");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("minutes: must be between 1 and 1440");
    }

    @Test
    void historyIsTheReadersOwnAndTwoNationsTracksWithOneUidStayApart() throws Exception {
        long now = System.currentTimeMillis();
        for (int i = 0; i < 2; i++) {
            CotEvent usa = new CotEvent("HIST-SHIP-1", "a-f-S", "m-g", now + i * 1000, now + i * 1000, now + 120_000, 30 + i * 0.01, 130, 0, 5, 5,
                    "SECRET", null, "REL TO USA, JPN", 5, 0, null, null);
            CotEvent jpn = new CotEvent("HIST-SHIP-1", "a-f-S", "m-g", now + 500 + i * 1000, now + 500 + i * 1000, now + 120_000, 40 + i * 0.01, 140, 0, 5, 5,
                    "SECRET", null, "REL TO USA, JPN", 5, 0, null, null);
            assertThat(post("usa.officer", new CotXmlWriter().write(usa), "application/xml").statusCode()).isEqualTo(202);
            assertThat(post("jpn.officer", new CotXmlWriter().write(jpn), "application/xml").statusCode()).isEqualTo(202);
        }
        JsonNode usaTrack = awaitHistory("jpn.officer", "/api/v1/picture/tracks/HIST-SHIP-1/history?minutes=5&nation=USA", 2);
        JsonNode jpnTrack = awaitHistory("usa.officer", "/api/v1/picture/tracks/HIST-SHIP-1/history?minutes=5&nation=JPN", 2);
        for (JsonNode p : usaTrack) assertThat(p.get("lat").asDouble()).as("only USA's track").isLessThan(31);
        for (JsonNode p : jpnTrack) assertThat(p.get("lat").asDouble()).as("only JPN's track").isGreaterThanOrEqualTo(40);
        var bad = Api.on(port).as("usa.officer", "demo").get("/api/v1/picture/tracks/HIST-SHIP-1/history?minutes=5&nation=usa%27");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void eventsFarFromTheNodesClockAreRefusedAndChangeNothing() throws Exception {
        long now = System.currentTimeMillis(), year = 365L * 86_400_000L;
        CotEvent future = new CotEvent("REST-FUTURE-1", "a-h-A", "m-g", now + year, now + year, now + 2 * year, 36, 133, 0, 5, 5,
                "SECRET", null, "REL TO USA, JPN", 5, 0, null, null);
        var r = post("usa.officer", new CotXmlWriter().write(future), "application/xml");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("after the node's clock");
        CotEvent past = new CotEvent("REST-PAST-1", "a-h-A", "m-g", now - year, now - year, now + year, 36, 133, 0, 5, 5,
                "SECRET", null, "REL TO USA, JPN", 5, 0, null, null);
        var p = post("usa.officer", TakCodec.encode(past), "application/x-protobuf");
        assertThat(p.statusCode()).isEqualTo(400);
        assertThat(p.body()).contains("before the node's clock");
        assertThat(track("usa.officer", "REST-FUTURE-1")).isNull();
        assertThat(track("usa.officer", "REST-PAST-1")).isNull();
    }

    long auditSize() {
        audit.flush();
        return audit.latestTreeHead().map(TreeHead::size).orElse(0L);
    }

    /** Posts the events, then a visible marker, and reads the JPN stream until the marker arrives. */
    long auditGrowthWhileStreaming(BufferedReader jpnStream, String label, String caveat, String rel, String marker) throws Exception {
        long before = auditSize();
        long now = System.currentTimeMillis();
        for (int i = 0; i < 5; i++) {
            CotEvent e = new CotEvent(marker + "-" + i, "a-h-A", "m-g", now, now, now + 60_000, 36, 133, 0, 5, 5, label, caveat, rel, 5, 0, null, null);
            assertThat(post("usa.officer", new CotXmlWriter().write(e), "application/xml").statusCode()).isEqualTo(202);
        }
        assertThat(post("usa.officer", new CotXmlWriter().write(event(marker, "SECRET", null, "REL TO USA, JPN")), "application/xml").statusCode())
                .isEqualTo(202);
        for (String line = jpnStream.readLine(); line != null; line = jpnStream.readLine()) {
            if (line.contains("\"" + marker + "\"")) break;
        }
        return auditSize() - before;
    }

    @Test
    void aPictureStreamRecordsNothingInTheAuditLogPerHiddenEvent() throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/picture/stream"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("jpn.officer:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader stream = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(response.statusCode()).isEqualTo(200);
            long hidden = auditGrowthWhileStreaming(stream, "SECRET", "NOFORN", null, "AUDIT-MARK-HIDDEN");
            long visible = auditGrowthWhileStreaming(stream, "SECRET", null, "REL TO USA, JPN", "AUDIT-MARK-SEEN");
            assertThat(hidden).as("the log grows the same whether the events the stream carries are hidden or not").isEqualTo(visible);
            assertThat(hidden).as("a stream records nothing per event").isZero();
        }
    }

    @Test
    void badEventsAreProblemsAndChangeNothing() throws Exception {
        var badLabel = post("usa.officer", new CotXmlWriter().write(event("REST-BAD-1", "SECRET", null, "REL TO JPN, USA")), "application/xml");
        assertThat(badLabel.statusCode()).isEqualTo(400);
        assertThat(badLabel.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(badLabel.body()).contains("label does not parse");
        String doctype = "<!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + new String(new CotXmlWriter().write(event("REST-XXE", "SECRET", null, "REL TO USA, JPN")), StandardCharsets.UTF_8);
        var xxe = post("usa.officer", doctype.getBytes(StandardCharsets.UTF_8), "application/xml");
        assertThat(xxe.statusCode()).isEqualTo(400);
        assertThat(xxe.body()).contains("DOCTYPE is not allowed");
        var clerk = post("usa.clerk", new CotXmlWriter().write(event("REST-CLERK", "CONFIDENTIAL", null, "REL TO USA, JPN")), "application/xml");
        assertThat(clerk.statusCode()).isEqualTo(403);
        // the picture takes events in order: once a good event posted after them shows, the refused ones would have too
        assertThat(post("usa.officer", new CotXmlWriter().write(event("REST-AFTER-BAD", "SECRET", null, "REL TO USA, JPN")), "application/xml").statusCode())
                .isEqualTo(202);
        awaitTrack("usa.officer", "REST-AFTER-BAD");
        assertThat(track("usa.officer", "REST-BAD-1")).isNull();
        assertThat(track("usa.officer", "REST-XXE")).isNull();
        assertThat(track("usa.officer", "REST-CLERK")).isNull();
    }

    @Test
    void eventOverCotTcpShowsInTheApi() throws Exception {
        try (Socket s = new Socket("localhost", cot.tcpPort())) {
            OutputStream out = s.getOutputStream();
            out.write(new CotXmlWriter().write(event("TCP-API-1", "SECRET", null, "REL TO USA, AUS, JPN")));
            out.flush();
            JsonNode t = awaitTrack("aus.officer", "TCP-API-1");
            assertThat(t.get("nations").get(0).asString()).isEqualTo("USA");
        }
    }

    @Test
    void sensorsAreListedPerReaderAndRegisteredWithValidation() {
        Api usa = Api.on(port).as("usa.officer", "demo");
        Api jpn = Api.on(port).as("jpn.officer", "demo");
        JsonNode all = usa.get("/api/v1/picture/sensors").json();
        assertThat(all.size()).isGreaterThanOrEqualTo(6);
        assertThat(usa.get("/api/v1/picture/sensors").body()).contains("USA-TPY2-KYOGA");
        assertThat(jpn.get("/api/v1/picture/sensors").body()).contains("JPN-FPS5-SADO").doesNotContain("USA-TPY2-KYOGA");

        var created = usa.post("/api/v1/picture/sensors", """
                {"id":"USA-E2D-VAW125","nation":"USA","platform":"E-2D Hawkeye, VAW-125","kind":"aircraft",
                 "defaultLabel":"SECRET//REL TO USA, JPN","accuracyMetres":250,"lat":35.3,"lon":139.4}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(jpn.get("/api/v1/picture/sensors").body()).contains("USA-E2D-VAW125");

        var bad = usa.post("/api/v1/picture/sensors",
                """
                        {"id":"USA-BAD","nation":"USA","platform":"x","kind":"radar","defaultLabel":"SECRET//REL TO JPN, USA","accuracyMetres":50,"lat":35,"lon":139}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("problem+json");
        assertThat(bad.body()).contains("default label does not parse");
        var duplicate = usa.post("/api/v1/picture/sensors",
                """
                        {"id":"USA-E2D-VAW125","nation":"USA","platform":"again","kind":"aircraft","defaultLabel":"SECRET//REL TO USA, JPN","accuracyMetres":250,"lat":35.3,"lon":139.4}""");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.body()).contains("already registered");
        assertThat(usa.get("/api/v1/picture/sensors").body()).doesNotContain("USA-BAD").contains("E-2D Hawkeye, VAW-125");
        var foreign = jpn.post("/api/v1/picture/sensors",
                """
                        {"id":"USA-TPY2-KYOGA","nation":"USA","platform":"probe","kind":"radar","defaultLabel":"SECRET//REL TO USA, JPN","accuracyMetres":50,"lat":35,"lon":135}""");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body()).contains("the sensor's nation (USA)").doesNotContain("already registered");
    }

    @Test
    void whetherASensorWasSurveyedIsStoredAndReadBack() {
        Api usa = Api.on(port).as("usa.officer", "demo");
        var surveyed = usa.post("/api/v1/picture/sensors", """
                {"id":"USA-TPS80-YOKOTA","nation":"USA","platform":"AN/TPS-80, Yokota","kind":"radar",
                 "defaultLabel":"SECRET//REL TO USA, JPN","accuracyMetres":60,"lat":35.75,"lon":139.35,"surveyed":true}""");
        assertThat(surveyed.status()).as(surveyed.body()).isEqualTo(201);
        var unsaid = usa.post("/api/v1/picture/sensors", """
                {"id":"USA-MQ9-REAPER1","nation":"USA","platform":"MQ-9A, Kanoya","kind":"aircraft",
                 "defaultLabel":"SECRET//REL TO USA, JPN","accuracyMetres":200,"lat":31.37,"lon":130.84}""");
        assertThat(unsaid.status()).as(unsaid.body()).isEqualTo(201);
        // a registry loaded afresh from the database: what a restarted node has
        JdbcSensors stored = new JdbcSensors(jdbc);
        assertThat(stored.find("USA-TPS80-YOKOTA")).map(Sensor::surveyed).contains(true);
        assertThat(stored.find("USA-MQ9-REAPER1")).map(Sensor::surveyed).contains(false);
        assertThat(stored.find("JPN-FPS5-SADO")).as("a demo land radar").map(Sensor::surveyed).contains(true);
        assertThat(stored.find("JPN-DDG-MAYA")).as("a demo ship").map(Sensor::surveyed).contains(false);
    }

    @Test
    void theRegistrationEstimatesAreTheSignedInReadersOwn() {
        var jpn = Api.on(port).as("jpn.officer", "demo").get("/api/v1/picture/sensors/registration");
        assertThat(jpn.status()).isEqualTo(200);
        assertThat(jpn.contentType()).contains("application/json");
        assertThat(jpn.json().isArray()).isTrue();
        // only sensors the reader is listed: never Kyogamisaki's radar (SECRET//NOFORN) to a JPN reader
        for (JsonNode e : jpn.json()) assertThat(e.get("sensor").asString()).isNotEqualTo("USA-TPY2-KYOGA");
        assertThat(Api.on(port).get("/api/v1/picture/sensors/registration").status()).as("signed in only").isEqualTo(401);
    }
}
