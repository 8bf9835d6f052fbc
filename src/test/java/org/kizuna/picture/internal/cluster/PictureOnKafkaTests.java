package org.kizuna.picture.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotRejected;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.Source;
import org.kizuna.picture.TrackView;
import org.kizuna.picture.internal.distribution.AudienceName;
import org.kizuna.picture.internal.distribution.Frame;
import org.kizuna.picture.internal.distribution.LabelKeys;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.distribution.TrackState;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import org.kizuna.picture.internal.tracking.Plane;
import org.kizuna.testing.Readers;

/**
 * The picture over Apache Kafka (issue 18, docs/scaling.md), on a real broker in KRaft mode in this JVM: replicas take the
 * events and serve the readers, fusion workers in one consumer group own region cells. What a reader sees on a replica is
 * what it sees on one node fed the same events, each track decided for its audience on the replica: a JPN reader never
 * sees a track or a version that rolls up a USA NOFORN report.
 */
class PictureOnKafkaTests {

    static final Reader USA = Readers.usa(), JPN = Readers.jpn();
    static final Source USA_RADAR = new Source("usa-radar", "USA", null), JPN_RADAR = new Source("jpn-radar", "JPN", null),
            JPN_UNIT = new Source("jpn-unit", "JPN", null), USA_UNIT = new Source("usa-unit", "USA", null);
    /** Three aircraft in three region cells, flying east at 150 m/s: {lat, lon at the start}; the third only the NOFORN radar sees. */
    static final double[][] TARGETS = {{37.3, 134.2}, {35.4, 139.3}, {30.6, 128.1}};

    @RegisterExtension static final TestBus.Broker KAFKA = new TestBus.Broker();
    static final SensorCatalog sensors = new SensorCatalog();
    static final LabelKernel kernel = LabelKernel.standard().forNode("USA", "TOP SECRET");

    static {
        sensors.register(new Sensor("USA-TPY2-KYOGA", "USA", "AN/TPY-2", "radar", "SECRET//NOFORN", 50, 35.77, 135.22));
        sensors.register(new Sensor("JPN-FPS5-SADO", "JPN", "J/FPS-5", "radar", "//JPN SECRET//REL TO USA, JPN", 50, 38.08, 138.40));
    }

    /** The events of one second: each radar's report of the targets it sees, and two units' own positions. */
    static List<CotEvent[]> second(long startMs, long nowMs) {
        List<CotEvent[]> out = new ArrayList<>();
        for (int i = 0; i < TARGETS.length; i++) {
            double metresEast = 150 * (nowMs - startMs) / 1000.0;
            double lon = Plane.lon(Plane.x(TARGETS[i][1]) + metresEast);
            CotEvent us = new CotEvent("USA-TPY2-KYOGA.t" + i, "a-u-A", "m-r", nowMs, nowMs, nowMs + 30_000, TARGETS[i][0], lon, CotEvent.UNKNOWN, 50,
                    CotEvent.UNKNOWN, null, null, null, Double.NaN, Double.NaN, null, null, null);
            CotEvent jp = i == 2
                    ? null
                    : new CotEvent("JPN-FPS5-SADO.t" + i, "a-u-A", "m-r", nowMs + 300, nowMs + 300, nowMs + 30_000, TARGETS[i][0],
                            Plane.lon(Plane.x(TARGETS[i][1]) + metresEast + 45), CotEvent.UNKNOWN, 50, CotEvent.UNKNOWN, null, null, null, Double.NaN,
                            Double.NaN, null, null, null);
            out.add(new CotEvent[]{us, jp});
        }
        return out;
    }

    static CotEvent unit(String uid, double lat, double lon, long nowMs, String access, @Nullable String caveat, @Nullable String releasableTo) {
        return new CotEvent(uid, "a-f-G-U-C", "m-g", nowMs, nowMs, nowMs + 60_000, lat, lon, 10, 8, 10, access, caveat, releasableTo, 0, 0, uid, null,
                null);
    }

    /** Feeds both pictures the same events, one second of them per call. */
    static void feed(long startMs, long nowMs, LivePicture... pictures) throws CotRejected {
        for (LivePicture p : pictures) {
            for (CotEvent[] pair : second(startMs, nowMs)) {
                p.ingest(pair[0], USA_RADAR);
                if (pair[1] != null) p.ingest(pair[1], JPN_RADAR);
            }
            p.ingest(unit("JGSDF-1", 35.0, 139.0, nowMs, "SECRET", null, "REL TO USA, JPN"), JPN_UNIT);
            p.ingest(unit("USMC-7", 26.3, 127.8, nowMs, "SECRET", "NOFORN", null), USA_UNIT);
        }
    }

    static LivePicture picture() {
        return new LivePicture(kernel, sensors, "USA");
    }

    static double distance(TrackView a, TrackView b) {
        return Math.hypot(Plane.x(a.lon()) - Plane.x(b.lon()), Plane.y(a.lat()) - Plane.y(b.lat()));
    }

    /** Each track of {@code replica} stands within 300 m of one of {@code single}'s, of the same kind, and they are as many. */
    static boolean sameTracks(List<TrackView> replica, List<TrackView> single) {
        if (replica.size() != single.size()) return false;
        for (TrackView r : replica) {
            if (single.stream().noneMatch(s -> s.selfReported() == r.selfReported() && s.banner().equals(r.banner()) && distance(r, s) < 300)) return false;
        }
        return true;
    }

    @Test
    void aReaderSeesOnAReplicaWhatOneNodeShowsItAndAJapaneseReaderNothingOfTheNofornRadar() throws Exception {
        LivePicture single = picture(), replicaPicture = picture(), workerPicture = picture();
        TestBus bus = TestBus.of(KAFKA.get(), "one");
        Cells cells = bus.cells();
        try (single; replicaPicture; workerPicture;
                FusionWorker worker = bus.worker(workerPicture);
                KafkaReplica replica = bus.replica(replicaPicture)) {
            List<Frame> jpnFrames = new CopyOnWriteArrayList<>();
            try (AutoCloseable a = replicaPicture.subscribe(USA, f -> {}); AutoCloseable b = replicaPicture.subscribe(JPN, jpnFrames::add);
                    AutoCloseable c = single.subscribe(USA, f -> {}); AutoCloseable d = single.subscribe(JPN, f -> {})) {
                await().atMost(Duration.ofSeconds(30)).until(() -> worker.owned().size() == 12);
                long start = System.currentTimeMillis();
                await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    feed(start, System.currentTimeMillis(), single, replicaPicture);
                    return sameTracks(replicaPicture.tracks(USA), single.tracks(USA)) && sameTracks(replicaPicture.tracks(JPN), single.tracks(JPN))
                            && single.tracks(USA).stream().filter(t -> !t.selfReported()).count() == 3;
                });
                List<TrackView> usa = replicaPicture.tracks(USA), jpn = replicaPicture.tracks(JPN);
                assertThat(usa).as("three fused tracks and two units").hasSize(5);
                assertThat(jpn).as("two fused tracks and the Japanese unit").hasSize(3);
                assertThat(jpn).allSatisfy(t -> assertThat(t.banner()).doesNotContain("NOFORN").doesNotContain("NF"));
                assertThat(jpn).noneMatch(t -> Math.abs(t.lat() - TARGETS[2][0]) < 0.2);
                // what only the USA may read: the target only the NOFORN radar sees, and the NOFORN unit; the tracks both
                // radars see carry one uid for both audiences (common track numbers), each audience its own version
                Set<String> usaOnly = new HashSet<>();
                for (TrackView t : usa) {
                    if (Math.abs(t.lat() - TARGETS[2][0]) < 0.2 || t.id().equals("USMC-7")) usaOnly.add(t.id());
                }
                assertThat(usaOnly).hasSize(2);
                assertThat(usa).filteredOn(t -> !t.selfReported()).allSatisfy(t -> assertThat(t.banner()).contains("NOFORN"));
                assertThat(jpnFrames).allSatisfy(f -> assertThat(Arrays.stream(f.tracks(), 0, f.count()))
                        .allSatisfy(t -> assertThat(t.marking.banner()).doesNotContain("NOFORN"))
                        .extracting(t -> t.uid).doesNotContainAnyElementsOf(usaOnly));

                // a record on the tracks topic is decided again on the replica: a NOFORN version put under the JPN
                // audience's key (a worker's fault, or a misrouted record), and a NOFORN unit, never reach the JPN reader
                long now = System.currentTimeMillis();
                LabelKeys.Marking noforn = workerPicture.labels().intern(Label.parse("SECRET//NOFORN"));
                try (KafkaProducer<String, byte[]> producer = Clients.producer(bus.client())) {
                    producer.send(new ProducerRecord<>(bus.topics().tracks(), AudienceName.of(JPN) + "|KZ-USA-FORGED", Wire.track(new TrackState(
                            "KZ-USA-FORGED", "a-u-A", "m-f", 36.0, 136.0, CotEvent.UNKNOWN, 50, CotEvent.UNKNOWN, 150, 90, null, null, noforn, now,
                            now + 60_000, new String[]{"USA"}, false), new long[0]))).get();
                    producer.send(
                            new ProducerRecord<>(bus.topics().tracks(), "*|USA|FORGED-UNIT", Wire.track(new TrackState("FORGED-UNIT", "a-f-G", "m-g", 36.0,
                                    136.0, 0, 10, 10, 0, 0, null, null, noforn, now, now + 60_000, new String[]{"USA"}, true), new long[0])))
                            .get();
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> replicaPicture.tracks(USA).stream().anyMatch(t -> t.id().equals("FORGED-UNIT")));
                await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(5)).until(() -> replicaPicture.tracks(JPN).stream()
                        .noneMatch(t -> t.id().equals("KZ-USA-FORGED") || t.id().equals("FORGED-UNIT")));
                assertThat(jpnFrames).allSatisfy(f -> assertThat(Arrays.stream(f.tracks(), 0, f.count())).extracting(t -> t.uid)
                        .doesNotContain("KZ-USA-FORGED", "FORGED-UNIT"));
                assertThat(replicaPicture.observations()).as("a replica fuses nothing itself").isZero();
                assertThat(workerPicture.observations()).isPositive();
            }
        }
    }

    @Test
    void twoWorkersShareTheRegionsAndWhenOneStopsTheOtherTakesItsRegionsOver() throws Exception {
        LivePicture replicaPicture = picture(), firstPicture = picture(), secondPicture = picture();
        TestBus bus = TestBus.of(KAFKA.get(), "two");
        Cells cells = bus.cells();
        try (replicaPicture; firstPicture; secondPicture; KafkaReplica replica = bus.replica(replicaPicture);
                FusionWorker first = bus.worker(firstPicture)) {
            FusionWorker second = bus.worker(secondPicture);
            try (second; AutoCloseable a = replicaPicture.subscribe(USA, f -> {})) {
                await().atMost(Duration.ofSeconds(30)).until(() -> first.owned().size() + second.owned().size() == 12 && !first.owned().isEmpty()
                        && !second.owned().isEmpty());
                assertThat(first.owned()).doesNotContainAnyElementsOf(second.owned());
                long start = System.currentTimeMillis();
                await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    feed(start, System.currentTimeMillis(), replicaPicture);
                    return fusedPerTarget(replicaPicture.tracks(USA), start).equals(List.of(1, 1, 1));
                });
                assertThat(firstPicture.observations() > 0 || secondPicture.observations() > 0).isTrue();
                // the targets' cells are fused where their partitions are, and nowhere else
                for (double[] t : TARGETS) {
                    int p = cells.partition(t[0], t[1]);
                    assertThat(first.owned().contains(p) ^ second.owned().contains(p)).isTrue();
                }

                // one worker stops: the other is given its partitions, reads their last 30 s again, and names its tracks of
                // those reports as the stopped worker did: every target keeps its one track and its uid
                List<String> before = uidPerTarget(replicaPicture.tracks(USA), start);
                second.close();
                long stopped = System.currentTimeMillis();
                await().atMost(Duration.ofSeconds(30)).until(() -> first.owned().size() == 12);
                await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    feed(start, System.currentTimeMillis(), replicaPicture);
                    List<TrackView> now = replicaPicture.tracks(USA);
                    return fusedPerTarget(now, start).equals(List.of(1, 1, 1)) && uidPerTarget(now, start).equals(before)
                            && now.stream().filter(t -> !t.selfReported()).allMatch(t -> t.lastUpdate().toEpochMilli() > stopped + 1_000);
                });
                System.out.printf("picture on Kafka: every target's track, under its uid, updated by the remaining worker %d ms after the other stopped%n",
                        System.currentTimeMillis() - stopped);
            }
        }
    }

    @Test
    void aTargetThatCrossesIntoAnotherWorkersCellsKeepsItsOneTrackAndItsUid() throws Exception {
        LivePicture replicaPicture = picture(), firstPicture = picture(), secondPicture = picture();
        TestBus bus = TestBus.of(KAFKA.get(), "cross");
        Cells cells = bus.cells();
        try (replicaPicture; firstPicture; secondPicture; KafkaReplica replica = bus.replica(replicaPicture);
                FusionWorker first = bus.worker(firstPicture);
                FusionWorker second = bus.worker(secondPicture);
                AutoCloseable a = replicaPicture.subscribe(USA, f -> {})) {
            await().atMost(Duration.ofSeconds(30)).until(() -> first.owned().size() + second.owned().size() == 12 && !first.owned().isEmpty()
                    && !second.owned().isEmpty());
            // a boundary between a cell of one worker (west) and a cell of the other (east)
            double lat = 36.5;
            double boundary = java.util.stream.IntStream.rangeClosed(125, 150).mapToDouble(d -> d)
                    .filter(b -> first.owned().contains(cells.partition(lat, b - 0.5)) != first.owned().contains(cells.partition(lat, b + 0.5)))
                    .findFirst().orElseThrow();
            // an aircraft at 300 m/s from 0.04 degrees west of it (within the halo: both workers track it) to 0.12 east (beyond it)
            double x0 = Plane.x(boundary - 0.04), y = Plane.y(lat), xEnd = Plane.x(boundary + 0.12);
            long start = System.currentTimeMillis();
            Set<String> uids = new java.util.LinkedHashSet<>();
            List<Integer> counts = new ArrayList<>();
            // one report a second, and a look at the replica's picture near the target, until it is past the halo
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                long now = System.currentTimeMillis();
                double x = x0 + 300 * (now - start) / 1000.0;
                replicaPicture.ingest(new CotEvent("USA-TPY2-KYOGA.x", "a-u-A", "m-r", now, now, now + 30_000, Plane.lat(y), Plane.lon(x), CotEvent.UNKNOWN, 50,
                        CotEvent.UNKNOWN, null, null, null, Double.NaN, Double.NaN, null, null, null), USA_RADAR);
                List<String> near = replicaPicture.tracks(USA).stream().filter(t -> !t.selfReported())
                        .filter(t -> Math.hypot(Plane.x(t.lon()) - x, Plane.y(t.lat()) - y) < 3_000).map(TrackView::id).toList();
                if (!near.isEmpty() || !uids.isEmpty()) {
                    counts.add(near.size());
                    uids.addAll(near);
                }
                return x >= xEnd;
            });
            assertThat(counts).as("a track was shown before the crossing, and after it").hasSizeGreaterThan(20);
            assertThat(counts).as("one track near the target every second from its first").containsOnly(1);
            assertThat(uids).as("under one uid, on either side of the boundary").hasSize(1);
        }
    }

    @Test
    void aReaderOnOneReplicaSeesWhatClientsSentAnother() throws Exception {
        LivePicture front = picture(), back = picture(), workerPicture = picture();
        TestBus bus = TestBus.of(KAFKA.get(), "replicas");
        try (front; back; workerPicture; FusionWorker worker = bus.worker(workerPicture); KafkaReplica taking = bus.replica(front);
                KafkaReplica serving = bus.replica(back); AutoCloseable a = back.subscribe(USA, f -> {}); AutoCloseable b = back.subscribe(JPN, f -> {})) {
            await().atMost(Duration.ofSeconds(30)).until(() -> worker.owned().size() == 12);
            long start = System.currentTimeMillis();
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                feed(start, System.currentTimeMillis(), front);
                return fusedPerTarget(back.tracks(USA), start).equals(List.of(1, 1, 1)) && back.tracks(JPN).size() == 3;
            });
            assertThat(back.tracks(JPN)).extracting(TrackView::id).contains("JGSDF-1").doesNotContain("USMC-7");
            assertThat(back.tracks(JPN)).allSatisfy(t -> assertThat(t.banner()).doesNotContain("NOFORN"));
            assertThat(front.observations()).isZero();
            assertThat(back.observations()).isZero();
        }
    }

    @Test
    void aWorkerFusesForTheAudiencesTheReplicasAnnounceAndForgetsOnesNoReplicaAnnouncesAnyMore() throws Exception {
        LivePicture workerPicture = picture();
        TestBus bus = TestBus.of(KAFKA.get(), "forget");
        try (workerPicture; FusionWorker worker = new FusionWorker(workerPicture, bus.topics(), bus.cells(), bus.client(), Duration.ofSeconds(3));
                KafkaProducer<String, byte[]> producer = Clients.producer(bus.client())) {
            Reader aus = org.kizuna.testing.Readers.aus();
            producer.send(new ProducerRecord<>(bus.topics().audiences(), AudienceName.of(aus), Wire.audience(aus))).get();
            await().atMost(Duration.ofSeconds(10)).until(() -> worker.audiences() == 1 && workerPicture.audiences() == 1);
            // announced again within the time: kept
            producer.send(new ProducerRecord<>(bus.topics().audiences(), AudienceName.of(aus), Wire.audience(aus))).get();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> worker.audiences() == 1);
            // no more announcements: forgotten
            await().atMost(Duration.ofSeconds(15)).until(() -> worker.audiences() == 0);
        }
    }

    /** The uid of the fused track nearest each target now (within 1 km), or "none". */
    static List<String> uidPerTarget(List<TrackView> tracks, long startMs) {
        List<String> out = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (double[] t : TARGETS) {
            double x = Plane.x(t[1]) + 150 * (now - startMs) / 1000.0, y = Plane.y(t[0]);
            out.add(tracks.stream().filter(v -> !v.selfReported() && Math.hypot(Plane.x(v.lon()) - x, Plane.y(v.lat()) - y) < 1_000)
                    .map(TrackView::id).findFirst().orElse("none"));
        }
        return out;
    }

    /** How many fused tracks stand within 1 km of each target now. */
    static List<Integer> fusedPerTarget(List<TrackView> tracks, long startMs) {
        List<Integer> out = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (double[] t : TARGETS) {
            double x = Plane.x(t[1]) + 150 * (now - startMs) / 1000.0, y = Plane.y(t[0]);
            out.add((int) tracks.stream().filter(v -> !v.selfReported() && Math.hypot(Plane.x(v.lon()) - x, Plane.y(v.lat()) - y) < 1_000).count());
        }
        return out;
    }
}
