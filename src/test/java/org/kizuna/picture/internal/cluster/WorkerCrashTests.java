package org.kizuna.picture.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotRejected;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.Source;
import org.kizuna.picture.TrackView;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.sensors.JdbcSensors;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import org.kizuna.picture.internal.tracking.Plane;
import org.kizuna.testing.NodeProcess;
import org.kizuna.testing.Readers;

/**
 * Failover (issue 18, point 2): a fusion worker in a process of its own is killed outright ({@code kill -9}) mid-stream. The
 * other worker is given its regions when its session times out, reads their last 30 s again and names its tracks as the
 * dead worker did: on the replica every target keeps its one track and its uid, and the picture each reader sees is again
 * what one node fed the same events shows it. The gap in updates is printed.
 */
class WorkerCrashTests {

    static final Reader USA = Readers.usa(), JPN = Readers.jpn();
    static final Source USA_RADAR = new Source("usa-radar", "USA", null), JPN_RADAR = new Source("jpn-radar", "JPN", null);

    static @TempDir Path dir;
    @RegisterExtension static final TestBus.Broker KAFKA = new TestBus.Broker();

    /** A radar report of an aircraft flying east at 150 m/s from {@code from}, now; the JPN radar's half a second later, 40 m off. */
    static void feed(List<double[]> targets, long startMs, long nowMs, LivePicture... pictures) throws CotRejected {
        for (LivePicture p : pictures) {
            for (int i = 0; i < targets.size(); i++) {
                double[] t = targets.get(i);
                double x = Plane.x(t[1]) + 150 * (nowMs - startMs) / 1000.0;
                p.ingest(report("USA-TPY2-KYOGA.c" + i, t[0], Plane.lon(x), nowMs), USA_RADAR);
                p.ingest(report("JPN-FPS5-SADO.c" + i, t[0], Plane.lon(x + 75 + 40), nowMs + 500), JPN_RADAR);
            }
        }
    }

    static CotEvent report(String uid, double lat, double lon, long timeMs) {
        return new CotEvent(uid, "a-u-A", "m-r", timeMs, timeMs, timeMs + 30_000, lat, lon, CotEvent.UNKNOWN, 60, CotEvent.UNKNOWN, null, null, null,
                Double.NaN, Double.NaN, null, null, null);
    }

    /** The uid of the fused track within 1 km of each target now, "none", or "many". */
    static List<String> uids(List<TrackView> tracks, List<double[]> targets, long startMs) {
        List<String> out = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (double[] t : targets) {
            double x = Plane.x(t[1]) + 150 * (now - startMs) / 1000.0, y = Plane.y(t[0]);
            List<String> near = tracks.stream().filter(v -> !v.selfReported() && Math.hypot(Plane.x(v.lon()) - x, Plane.y(v.lat()) - y) < 1_000)
                    .map(TrackView::id).toList();
            out.add(near.isEmpty() ? "none" : near.size() > 1 ? "many" : near.getFirst());
        }
        return out;
    }

    /** As many tracks, each within 300 m of one of the other's, under the same label. */
    static boolean same(List<TrackView> a, List<TrackView> b) {
        return a.size() == b.size() && a.stream().allMatch(x -> b.stream().anyMatch(y -> y.banner().equals(x.banner())
                && Math.hypot(Plane.x(x.lon()) - Plane.x(y.lon()), Plane.y(x.lat()) - Plane.y(y.lat())) < 300));
    }

    @Test
    void whenAWorkerIsKilledTheOtherTakesItsRegionsAndEveryTrackKeepsItsUid() throws Exception {
        String servers = KAFKA.get().bootstrapServers();
        TestBus bus = TestBus.of(KAFKA.get(), "crash");
        Cells cells = bus.cells();
        SensorCatalog sensors = new SensorCatalog();
        for (Sensor s : JdbcSensors.demo()) sensors.register(s);
        LabelKernel kernel = LabelKernel.standard().forNode("USA", "TOP SECRET");
        String json = "{\"kizuna.picture.bus.kind\":\"kafka\",\"kizuna.picture.bus.role\":\"worker\",\"kizuna.picture.bus.bootstrap-servers\":\""
                + servers + "\",\"kizuna.picture.bus.topics\":\"crash\",\"kizuna.picture.bus.partitions\":12}";
        try (NodeProcess process = NodeProcess.start(dir.resolve("worker"), Map.of("SPRING_APPLICATION_JSON", json));
                LivePicture single = new LivePicture(kernel, sensors, "USA"); LivePicture replicaPicture = new LivePicture(kernel, sensors, "USA");
                LivePicture survivorPicture = new LivePicture(kernel, sensors, "USA");
                FusionWorker survivor = bus.worker(survivorPicture);
                KafkaReplica replica = bus.replica(replicaPicture);
                AutoCloseable a = replicaPicture.subscribe(USA, f -> {}); AutoCloseable b = replicaPicture.subscribe(JPN, f -> {});
                AutoCloseable c = single.subscribe(USA, f -> {}); AutoCloseable d = single.subscribe(JPN, f -> {})) {
            // the process took some partitions: targets in cells of the process's partitions and one of the survivor's
            await().atMost(Duration.ofSeconds(60)).until(() -> !survivor.owned().isEmpty() && survivor.owned().size() < 12);
            Set<Integer> theirs = new HashSet<>();
            for (int p = 0; p < 12; p++) if (!survivor.owned().contains(p)) theirs.add(p);
            List<double[]> targets = new ArrayList<>();
            // one target a row of cells, away from the cells' edges (0.3 to 0.8 degrees into a cell while the test runs)
            for (int row = 0; targets.size() < 3 && row < 14; row++) {
                for (int column = 0; column < 20; column++) {
                    double lat = 30.5 + row, lon = 125.3 + column;
                    boolean want = targets.size() < 2 ? theirs.contains(cells.partition(lat, lon)) : !theirs.contains(cells.partition(lat, lon));
                    if (want) {
                        targets.add(new double[]{lat, lon});
                        break;
                    }
                }
            }
            assertThat(targets).hasSize(3);
            long start = System.currentTimeMillis();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                feed(targets, start, System.currentTimeMillis(), single, replicaPicture);
                List<String> u = uids(replicaPicture.tracks(USA), targets, start);
                return !u.contains("none") && !u.contains("many") && same(replicaPicture.tracks(USA), single.tracks(USA))
                        && same(replicaPicture.tracks(JPN), single.tracks(JPN));
            });
            List<String> before = uids(replicaPicture.tracks(USA), targets, start);

            process.kill();
            long killed = System.currentTimeMillis();
            long[] tookOver = {0};
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                feed(targets, start, System.currentTimeMillis(), single, replicaPicture);
                if (tookOver[0] == 0 && survivor.owned().size() == 12) tookOver[0] = System.currentTimeMillis();
                List<TrackView> usa = replicaPicture.tracks(USA);
                return tookOver[0] > 0 && uids(usa, targets, start).equals(before)
                        && usa.stream().allMatch(t -> t.lastUpdate().toEpochMilli() > tookOver[0]);
            });
            long updated = System.currentTimeMillis();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                feed(targets, start, System.currentTimeMillis(), single, replicaPicture);
                return same(replicaPicture.tracks(USA), single.tracks(USA)) && same(replicaPicture.tracks(JPN), single.tracks(JPN))
                        && uids(replicaPicture.tracks(USA), targets, start).equals(before);
            });
            assertThat(replicaPicture.tracks(JPN)).allSatisfy(t -> assertThat(t.banner()).doesNotContain("NOFORN"));
            System.out.printf("picture on Kafka: worker killed; its partitions moved after %d ms; every track updated again, under its uid, after %d ms%n",
                    tookOver[0] - killed, updated - killed);
        }
    }
}
