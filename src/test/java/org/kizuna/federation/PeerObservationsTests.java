package org.kizuna.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kizuna.federation.bench.Peering;
import org.kizuna.label.Reader;
import org.kizuna.picture.CotRejected;
import org.kizuna.picture.Picture;
import org.kizuna.picture.Source;
import org.kizuna.picture.TrackView;
import org.kizuna.testing.Api;
import org.kizuna.testing.TempDirs;

/**
 * Observations by agreement, end to end: a USA, a JPN and an AUS node in this JVM (H2, mutual TLS on loopback). The USA
 * node's administrator agrees to send JPN observations (through the API) and AUS tracks (the default); the JPN node is
 * configured to send AUS observations. A USA radar reports target A (releasable to USA, AUS and JPN) and target B
 * ({@code SECRET//NOFORN}). The JPN node fuses A from the USA radar's reports, never sees B, and passes nothing of the
 * USA's on to AUS; AUS gets the USA's tracks only.
 */
class PeerObservationsTests {

    static Path root;
    static FederatedNode usa, jpn, aus;
    static ScheduledExecutorService radar;
    static final AtomicInteger leaks = new AtomicInteger();
    static final List<String> refusals = new CopyOnWriteArrayList<>();

    static final double A_LAT = 40.0, A_LON = 140.0, B_LAT = 36.0, B_LON = 136.0, EAST_MPS = 150;

    @BeforeAll
    static void startThreeNodes() throws IOException {
        root = Files.createTempDirectory("kizuna-peerobs");
        Peering.Node u = new Peering.Node("USA", root.resolve("usa"), Peering.freePort());
        Peering.Node j = new Peering.Node("JPN", root.resolve("jpn"), Peering.freePort());
        Peering.Node a = new Peering.Node("AUS", root.resolve("aus"), Peering.freePort());
        usa = FederatedNode.start(u, List.of(Peering.Peer.of(j), Peering.Peer.of(a)));
        // JPN sends AUS observations by its configuration: were it to pass on the USA's, AUS would take them
        jpn = FederatedNode.start(j, List.of(Peering.Peer.of(u), Peering.Peer.of(a)), Map.of("kizuna.federation.peers[1].exchange", "observations"));
        aus = FederatedNode.start(a, List.of(Peering.Peer.of(u), Peering.Peer.of(j)));
        FederatedNode.settle(usa, jpn, aus);
        Api.Response agreed = usa.api("usa.admin").put("/api/v1/federation/peers/JPN/exchange", "{\"exchange\": \"observations\"}");
        assertThat(agreed.status()).isEqualTo(200);
        assertThat(agreed.json().path("exchange").asString()).isEqualTo("observations");
        long start = System.currentTimeMillis();
        Picture usaPicture = usa.bean(Picture.class);
        Source usaRadar = new Source("test-radar", "USA", null);
        radar = Executors.newSingleThreadScheduledExecutor();
        radar.scheduleAtFixedRate(() -> {
            long now = System.currentTimeMillis();
            double dt = (now - start) / 1000.0;
            try {
                usaPicture.ingest(PeerPictureTests.report("USA-TPY2-SHARIKI.A", now, A_LAT, east(A_LAT, A_LON, dt), null, "REL TO USA, AUS, JPN"), usaRadar);
                usaPicture.ingest(PeerPictureTests.report("USA-TPY2-KYOGA.B", now, B_LAT, east(B_LAT, B_LON, dt), "NOFORN", null), usaRadar);
            } catch (CotRejected | RuntimeException e) {
                refusals.add(String.valueOf(e.getMessage()));
            }
            watchForLeak();
        }, 0, 500, TimeUnit.MILLISECONDS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (radar != null) radar.shutdownNow();
        for (AutoCloseable c : new AutoCloseable[]{usa, jpn, aus}) {
            try {
                if (c != null) c.close();
            } catch (Exception e) {
                // the next one still closes
            }
        }
        TempDirs.delete(root);
    }

    static double east(double lat, double lon, double seconds) {
        return PeerPictureTests.east(lat, lon, seconds);
    }

    static boolean near(TrackView t, double lat, double lon) {
        return PeerPictureTests.near(t, lat, lon);
    }

    /** Every node but the USA's, its highest reader: nothing near B, nothing NOFORN. */
    static void watchForLeak() {
        try {
            for (FederatedNode n : new FederatedNode[]{jpn, aus}) {
                String reader = n == jpn ? "JPN/TOP SECRET" : "AUS/TOP SECRET";
                for (TrackView t : n.bean(Picture.class).tracks(Reader.parse(reader))) {
                    if (near(t, B_LAT, B_LON) || t.banner().contains("NOFORN")) leaks.incrementAndGet();
                }
            }
        } catch (RuntimeException e) {
            // a node is stopping
        }
    }

    @Test
    void jpnFusesTheUsaRadarsReportsItMayReadNeverTheNofornOnesAndPassesNoneOn() {
        TrackExchange usaExchange = usa.bean(TrackExchange.class);
        assertThat(usaExchange.observationPeers()).containsExactly("JPN");
        assertThat(usaExchange.peers()).containsExactly("AUS");
        Picture jpnPicture = jpn.bean(Picture.class), ausPicture = aus.bean(Picture.class);
        // the USA node sees both targets
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<TrackView> seen = usa.bean(Picture.class).tracks(Reader.parse("USA/TOP SECRET"));
            return seen.stream().anyMatch(t -> !t.selfReported() && near(t, A_LAT, A_LON))
                    && seen.stream().anyMatch(t -> !t.selfReported() && near(t, B_LAT, B_LON));
        });
        // JPN is sent no tracks by the USA: a track of A on JPN is JPN's own engine's, fused from the USA radar's reports
        Reader jpnReader = Reader.parse("JPN/SECRET");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> jpnPicture.tracks(jpnReader).stream().anyMatch(t -> near(t, A_LAT, A_LON)));
        TrackView a = jpnPicture.tracks(jpnReader).stream().filter(t -> near(t, A_LAT, A_LON)).findFirst().orElseThrow();
        assertThat(a.selfReported()).isFalse();
        assertThat(a.nations()).containsExactly("USA");
        assertThat(a.banner()).isEqualTo("SECRET//REL TO USA, AUS, JPN");
        assertThat(jpnPicture.peerObservations()).containsOnlyKeys("USA");
        // AUS is sent the USA's tracks, under its agreement: it shows A as the USA's
        Reader ausReader = Reader.parse("AUS/SECRET");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> ausPicture.tracks(ausReader).stream().anyMatch(t -> near(t, A_LAT, A_LON)));
        PeerPictureTests.showsOneTrackNearAAndNothingOfB(jpn, 5_000, PeerObservationsTests::watchForLeak);
        assertThat(leaks.get()).isZero();
        assertThat(refusals).isEmpty();
        // nothing of B reached JPN to be refused or counted: JPN counted only what the USA radar's A reports are
        assertThat(jpnPicture.refusedByReason()).doesNotContainKeys("label-not-held", "bad-label", "peer-time");
        long jpnTook = jpnPicture.peerObservations().get("USA");
        assertThat(jpnTook).isPositive();
        // AUS took no observation at all: the USA sends it tracks, and JPN, which sends it observations, has no sensor of
        // its own, so anything it sent would have been the USA's
        assertThat(ausPicture.peerObservations()).isEmpty();
        TrackView ausA = ausPicture.tracks(ausReader).stream().filter(t -> near(t, A_LAT, A_LON)).findFirst().orElseThrow();
        assertThat(ausA.nations()).containsExactly("USA");
        assertThat(jpn.bean(TrackExchange.class).observationPeers()).containsExactly("AUS");
    }

    @Test
    void anAgreementOtherThanTracksOrObservationsIsRefusedWithTheReason() {
        Api.Response bad = usa.api("usa.admin").put("/api/v1/federation/peers/JPN/exchange", "{\"exchange\": \"everything\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("tracks or observations");
        assertThat(usa.api("usa.officer").put("/api/v1/federation/peers/AUS/exchange", "{\"exchange\": \"observations\"}").status()).isEqualTo(403);
        assertThat(usa.api("usa.admin").get("/api/v1/federation/peers/AUS").json().path("exchange").asString()).isEqualTo("tracks");
    }
}
