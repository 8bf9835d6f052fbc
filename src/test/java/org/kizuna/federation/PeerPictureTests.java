package org.kizuna.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kizuna.federation.bench.Peering;
import org.kizuna.label.Reader;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotRejected;
import org.kizuna.picture.Picture;
import org.kizuna.picture.Source;
import org.kizuna.picture.TrackView;
import org.kizuna.testing.Api;
import org.kizuna.testing.TempDirs;
import tools.jackson.databind.JsonNode;

/**
 * The picture across nodes, end to end: a USA and a JPN node in this JVM (H2, mutual TLS on loopback), a USA radar's
 * reports into the USA node's picture; the JPN node shows the track the guard releases to JPN, as the USA's, and never
 * the one under {@code SECRET//NOFORN}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeerPictureTests {

    static Path root;
    static FederatedNode usa, jpn;
    static ScheduledExecutorService radar;
    /** Times the JPN node was seen to hold a track near the NOFORN target (any reader, any way of asking). */
    static final AtomicInteger leaks = new AtomicInteger();
    /** What the USA node refused of the radar's reports (nothing, or the test is not what it says). */
    static final List<String> refusals = new CopyOnWriteArrayList<>();

    // two targets far apart: A under SECRET//REL TO USA, JPN; B under SECRET//NOFORN (the sensor's own label)
    static final double A_LAT = 40.0, A_LON = 140.0, B_LAT = 36.0, B_LON = 136.0, EAST_MPS = 150;

    @BeforeAll
    static void startTwoNodes() throws IOException {
        root = Files.createTempDirectory("kizuna-peerpic");
        Peering.Node u = new Peering.Node("USA", root.resolve("usa"), Peering.freePort());
        Peering.Node j = new Peering.Node("JPN", root.resolve("jpn"), Peering.freePort());
        // a short idle: a link that carries only tracks must still be answered well within it (it pings)
        usa = FederatedNode.start(u, List.of(Peering.Peer.of(j)), java.util.Map.of("kizuna.federation.idle", "4s"));
        jpn = FederatedNode.start(j, List.of(Peering.Peer.of(u)), java.util.Map.of("kizuna.federation.idle", "4s"));
        FederatedNode.settle(usa, jpn);
        long start = System.currentTimeMillis();
        Picture usaPicture = usa.bean(Picture.class);
        Source usaRadar = new Source("test-radar", "USA", null);
        radar = Executors.newSingleThreadScheduledExecutor();
        radar.scheduleAtFixedRate(() -> {
            long now = System.currentTimeMillis();
            double dt = (now - start) / 1000.0;
            try {
                usaPicture.ingest(report("USA-TPY2-SHARIKI.A", now, A_LAT, east(A_LAT, A_LON, dt), null, "REL TO USA, JPN"), usaRadar);
                usaPicture.ingest(report("USA-TPY2-KYOGA.B", now, B_LAT, east(B_LAT, B_LON, dt), "NOFORN", null), usaRadar);
            } catch (CotRejected | RuntimeException e) {
                refusals.add(String.valueOf(e.getMessage())); // the test fails on it; the next report is sent all the same
            }
            watchForLeak();
        }, 0, 500, TimeUnit.MILLISECONDS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (radar != null) radar.shutdownNow();
        for (AutoCloseable c : new AutoCloseable[]{usa, jpn}) {
            try {
                if (c != null) c.close();
            } catch (Exception e) {
                // the next one still closes
            }
        }
        TempDirs.delete(root);
    }

    static double east(double lat, double lon, double seconds) {
        return lon + EAST_MPS * seconds / (111_320 * Math.cos(Math.toRadians(lat)));
    }

    static CotEvent report(String uid, long now, double lat, double lon, String caveat, String releasableTo) {
        return new CotEvent(uid, "a-u-A", "m-r", now, now, now + 30_000, lat, lon, CotEvent.UNKNOWN, 50, CotEvent.UNKNOWN, "SECRET", caveat, releasableTo,
                EAST_MPS, 90, null, null);
    }

    static boolean near(TrackView t, double lat, double lon) {
        return Math.abs(t.lat() - lat) < 0.3 && Math.abs(t.lon() - lon) < 0.5;
    }

    /** Every way the JPN node shows its picture: the picture for its highest reader, and the REST API of a JPN officer. */
    static void watchForLeak() {
        try {
            for (TrackView t : jpn.bean(Picture.class).tracks(Reader.parse("JPN/TOP SECRET"))) {
                if (near(t, B_LAT, B_LON) || t.banner().contains("NOFORN")) leaks.incrementAndGet();
            }
        } catch (RuntimeException e) {
            // the node is stopping
        }
    }

    /**
     * For {@code millis}, as a JPN officer asks through the API, {@code node} shows exactly one track near A (one target,
     * one track: a peer's track is not shown twice) and nothing of B; {@code watch} looks for a leak between the asks.
     */
    static void showsOneTrackNearAAndNothingOfB(FederatedNode node, long millis, Runnable watch) {
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            watch.run();
            JsonNode tracks = node.api("jpn.officer").get("/api/v1/picture/tracks").json();
            int nearA = 0;
            for (JsonNode t : tracks) {
                assertThat(t.toString()).doesNotContain("NOFORN");
                assertThat(Math.abs(t.path("lat").asDouble() - B_LAT) < 0.3 && Math.abs(t.path("lon").asDouble() - B_LON) < 0.5).isFalse();
                if (Math.abs(t.path("lat").asDouble() - A_LAT) < 0.3 && Math.abs(t.path("lon").asDouble() - A_LON) < 0.5) nearA++;
            }
            assertThat(nearA).isEqualTo(1);
            await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        }
    }

    @Test
    @Order(1)
    void theJpnNodeShowsTheUsaTrackReleasableToJpnAsTheUsasAndNeverTheNoforn() {
        Reader jpnReader = Reader.parse("JPN/SECRET");
        Picture jpnPicture = jpn.bean(Picture.class);
        // the USA node sees both targets: the NOFORN one exists, so its absence on JPN is the guard's doing
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<TrackView> seen = usa.bean(Picture.class).tracks(Reader.parse("USA/TOP SECRET"));
            return seen.stream().anyMatch(t -> !t.selfReported() && near(t, A_LAT, A_LON))
                    && seen.stream().anyMatch(t -> !t.selfReported() && near(t, B_LAT, B_LON));
        });
        // within a few seconds the JPN node shows A, a track of the USA's (the only nation it rests on), under its label
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> jpnPicture.tracks(jpnReader).stream().anyMatch(t -> near(t, A_LAT, A_LON)));
        TrackView a = jpnPicture.tracks(jpnReader).stream().filter(t -> near(t, A_LAT, A_LON)).findFirst().orElseThrow();
        assertThat(a.selfReported()).isFalse();
        assertThat(a.nations()).containsExactly("USA");
        assertThat(a.banner()).isEqualTo("SECRET//REL TO USA, JPN");
        // for a while longer, however asked, the JPN node holds nothing of B
        showsOneTrackNearAAndNothingOfB(jpn, 6_000, PeerPictureTests::watchForLeak);
        assertThat(leaks.get()).isZero();
        assertThat(refusals).isEmpty();
        // nothing of B arrived to be refused either: the JPN node counted no refusal of a peer's track
        assertThat(jpnPicture.refusedByReason()).doesNotContainKeys("label-not-held", "bad-label", "peer-time");
        // tracks every second and no record for longer than the idle time: neither link passed for dead
        for (FederatedNode node : List.of(usa, jpn)) {
            JsonNode peer = node.api(node == usa ? "usa.admin" : "jpn.admin").get("/api/v1/federation/peers/" + (node == usa ? "JPN" : "USA")).json();
            assertThat(peer.path("lastError").asString("")).as(peer.toString()).doesNotContain("did not answer");
        }
    }

    /** Last: it ends the link. */
    @Test
    @Order(100)
    void revokingThePeerTakesItsTracksOutOfThePictureAtOnce() {
        Reader jpnReader = Reader.parse("JPN/SECRET");
        Picture jpnPicture = jpn.bean(Picture.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> jpnPicture.tracks(jpnReader).stream().anyMatch(t -> near(t, A_LAT, A_LON)));
        Api.Response revoked = jpn.api("jpn.admin").post("/api/v1/federation/peers/USA/revocation", "{}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        long at = System.nanoTime();
        // gone well before the 30 s a silent peer's tracks are kept
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> jpnPicture.tracks(jpnReader).stream().noneMatch(t -> near(t, A_LAT, A_LON)));
        assertThat(Duration.ofNanos(System.nanoTime() - at)).isLessThan(Duration.ofSeconds(5));
        assertThat(jpn.api("jpn.officer").get("/api/v1/picture/tracks").json().toString()).doesNotContain("REL TO USA, JPN");
    }
}
