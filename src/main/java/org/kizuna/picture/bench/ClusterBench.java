package org.kizuna.picture.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotRejected;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.Source;
import org.kizuna.picture.bench.ap.ApFiles;
import org.kizuna.picture.bench.metrics.PictureMetrics;
import org.kizuna.picture.cluster.LocalBroker;
import org.kizuna.picture.internal.cluster.LocalPictureCluster;
import org.kizuna.picture.internal.distribution.Frame;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.distribution.Subscriber;
import org.kizuna.picture.internal.distribution.TrackState;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import org.kizuna.picture.internal.tracking.Plane;

/**
 * The cluster benchmark behind {@code ./kizuna bench cluster}: one AP scenario's reports, as the CoT events of its sensors,
 * through one node's picture ({@code single}: a {@link LivePicture} on the embedded bus) and then through the picture on
 * Apache Kafka ({@code cluster}: a {@link LocalBroker}, one replica and N fusion workers in this JVM, each part its own
 * picture, wired as {@code ./kizuna cluster} wires its processes). The scenario is played at its own pace times
 * {@code speed}: every picture runs on a clock that goes {@code speed} times as fast as the wall clock, so that what the
 * tracker sees (reports' times, the targets' speeds, the picture's one-second publication) is the scenario's, only
 * sooner. Answers one JSON object with each side's throughput, latency, tracks, fan-out and quality.
 */
public final class ClusterBench {

    /**
     * The AP files, how many fusion workers and partitions, how many times the scenario's own pace, how many of its seconds
     * (0: all), how many audiences (readers of FanoutBench's list) are subscribed on the picture that serves them, whether
     * to score GOSPA, and the scratch directory of the broker.
     */
    public record Settings(Path detections, Path truth, int workers, int partitions, double speed, double seconds, int audiences, boolean score,
            Path data) {
        public Settings {
            if (workers < 1 || workers > 64) throw new IllegalArgumentException("--workers is 1 to 64; got " + workers);
            if (partitions < 1 || partitions > 1000) throw new IllegalArgumentException("--partitions is 1 to 1000; got " + partitions);
            if (!(speed > 0) || speed > 100) throw new IllegalArgumentException("--speed is more than 0 and at most 100; got " + speed);
            if (!(seconds >= 0)) throw new IllegalArgumentException("--seconds is 0 (all) or more; got " + seconds);
            if (audiences < 1 || audiences > READERS.length) throw new IllegalArgumentException("--audiences is 1 to " + READERS.length + "; got " + audiences);
        }
    }

    /** The readers whose audiences are subscribed, in order; the first one's view is timed and scored. */
    static final String[] READERS = {"USA/SECRET", "JPN/SECRET", "AUS/SECRET", "GBR/SECRET", "USA/CONFIDENTIAL"};
    /** Every sensor's reports carry this label: the first three readers see them all, GBR and CONFIDENTIAL readers none. */
    static final String LABEL = "SECRET//REL TO USA, AUS, JPN";
    private static final String NATION = "USA";
    private static final int BUCKET_US = 1_000, BUCKETS = 60_000; // 0 .. 60 s in 1 ms steps
    /** Units that report their own position once a scenario second, through the same pictures: their reports are timed from end to end. */
    static final int PROBES = 50;
    private static final Source UNITS = new Source("bench-units", NATION, null);

    private final Settings settings;
    private final ApFiles.Detections detections;
    private final ApFiles.States truth;
    /** The truth's distinct times, ascending. */
    private final double[] truthTimes;
    private final int reports;
    private final double lastSecond;

    private ClusterBench(Settings settings, ApFiles.Detections detections, ApFiles.States truth) {
        this.settings = settings;
        this.detections = detections;
        this.truth = truth;
        double end = detections.size() == 0 ? 0 : detections.t()[detections.size() - 1];
        this.lastSecond = settings.seconds() > 0 ? Math.min(settings.seconds(), end) : end;
        int n = 0;
        while (n < detections.size() && detections.t()[n] <= lastSecond) n++;
        this.reports = n;
        this.truthTimes = Arrays.stream(truth.t()).filter(t -> t <= lastSecond).distinct().sorted().toArray();
    }

    /** Plays the scenario through one node's picture and then through the cluster; answers both sides' figures as one JSON object. */
    public static String run(Settings s) throws Exception {
        ApFiles.Detections d = ApFiles.readDetections(s.detections());
        ApFiles.States t = ApFiles.readStates(s.truth());
        if (d.size() == 0) throw new IllegalArgumentException(s.detections() + " holds no detections");
        for (int i = 1; i < d.size(); i++) {
            if (d.t()[i] < d.t()[i - 1]) throw new IllegalArgumentException(s.detections() + " is not in time order at row " + (i + 1));
        }
        quiet();
        return new ClusterBench(s, d, t).both();
    }

    private String both() throws Exception {
        LabelKernel kernel = LabelKernel.standard().forNode(NATION, "TOP SECRET");
        SensorCatalog sensors = new SensorCatalog();
        Map<String, Sensor> sensorByName = new HashMap<>();
        Map<String, Source> sourceByName = new HashMap<>();
        for (int i = 0; i < reports; i++) {
            String name = detections.sensor()[i];
            if (sensorByName.containsKey(name)) continue;
            String nation = switch (name) {
                case "JP" -> "JPN";
                case "AU" -> "AUS";
                default -> "USA";
            };
            // AP-1's and AP-2's US radar is the surveyed one, as in ./kizuna bench fusion
            Sensor sensor = sensors.register(new Sensor(nation + "-" + name, nation, "AP " + name + " radar", "radar", LABEL, 50, Plane.ORIGIN_LAT,
                    Plane.ORIGIN_LON, name.equals("US")));
            sensorByName.put(name, sensor);
            sourceByName.put(name, new Source("bench-" + name.toLowerCase(Locale.ROOT), nation, null));
        }
        Side single = new Side(sensorByName, sourceByName);
        String one;
        {
            ScaledClock clock = new ScaledClock(settings.speed());
            try (LivePicture picture = new LivePicture(kernel, sensors, NATION, clock)) {
                one = single.run(clock, picture, picture::observations, () -> true, "");
            }
        }
        Side cluster = new Side(sensorByName, sourceByName);
        String many;
        try (LocalBroker broker = LocalBroker.start(settings.data().resolve("broker"), 0)) {
            ScaledClock clock = new ScaledClock(settings.speed());
            List<LivePicture> workers = new ArrayList<>();
            try (LivePicture replica = new LivePicture(kernel, sensors, NATION, clock)) {
                for (int i = 0; i < settings.workers(); i++) workers.add(new LivePicture(kernel, sensors, NATION, clock));
                String topics = "bench" + Long.toHexString(System.nanoTime());
                try (LocalPictureCluster c = LocalPictureCluster.start(broker.bootstrapServers(), topics, NATION, settings.partitions(), replica, workers)) {
                    LongSupplier taken = () -> workers.stream().mapToLong(LivePicture::observations).sum();
                    many = cluster.run(clock, replica, taken, () -> c.ready(settings.partitions(), settings.audiences()),
                            ", \"workers\": " + settings.workers() + ", \"partitions\": " + settings.partitions());
                    many = many.substring(0, many.length() - 1) + ", \"partitions_per_worker\": " + c.partitionsPerWorker() + "}";
                }
            } finally {
                for (LivePicture w : workers) w.close();
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("{\"bench\": \"cluster\", \"detections\": ").append(reports).append(", \"scenario_seconds\": ").append(lastSecond)
                .append(", \"speed\": ").append(settings.speed()).append(", \"audiences\": ").append(settings.audiences())
                .append(", \"available_processors\": ").append(Runtime.getRuntime().availableProcessors())
                .append(", \"load_average\": ").append(String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage()))
                .append(", \"single\": ").append(one).append(", \"cluster\": ").append(many);
        if (settings.score() && single.score != null && cluster.score != null) {
            b.append(", \"gospa_ratio\": ").append(cluster.score.gospaMean() / single.score.gospaMean());
        }
        return b.append('}').toString();
    }

    /** One side's run: its feed, its subscribers, its figures. */
    private final class Side {
        private final Map<String, Sensor> sensorByName;
        private final Map<String, Source> sourceByName;
        private final AtomicLongArray latency = new AtomicLongArray(BUCKETS + 1);
        private final AtomicLong frames = new AtomicLong(), deliveries = new AtomicLong();
        private volatile boolean measuring;
        private volatile long feedStartMs;
        /** The tracks shown to the first audience, sampled at truth times (its subscriber's thread only). */
        private final List<double[]> sampled = new ArrayList<>();
        private final List<String> sampledIds = new ArrayList<>();
        private final List<Double> sampledTimes = new ArrayList<>();
        private int nextTruth;
        private volatile int lastFrameTracks;
        /** When each probe unit's position report was handed to the picture (nanoTime), by uid and time, until it is seen. */
        private final Map<String, Long> probeSent = new ConcurrentHashMap<>();
        private final AtomicLongArray probeLatency = new AtomicLongArray(BUCKETS + 1);
        PictureMetrics.@org.jspecify.annotations.Nullable Result score;

        Side(Map<String, Sensor> sensorByName, Map<String, Source> sourceByName) {
            this.sensorByName = sensorByName;
            this.sourceByName = sourceByName;
        }

        String run(ScaledClock clock, LivePicture picture, LongSupplier taken, java.util.function.BooleanSupplier ready, String extra) throws Exception {
            List<AutoCloseable> subscriptions = new ArrayList<>();
            Map<String, Long> versions = new HashMap<>();
            try {
                for (int a = 0; a < settings.audiences(); a++) {
                    Reader reader = Reader.parse(READERS[a]);
                    subscriptions.add(picture.subscribe(reader, a == 0 ? first(clock, versions) : counting()));
                }
                long readyBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!ready.getAsBoolean()) {
                    if (System.nanoTime() > readyBy) throw new IllegalStateException("the fusion workers were not given every partition within 60 s");
                    Thread.sleep(100);
                }
                long takenBefore = taken.getAsLong();
                long[] fed = feed(clock, picture);
                long feedEnd = System.nanoTime();
                // drained: the count of reports taken has stopped growing for two seconds (at most a minute)
                long last = taken.getAsLong(), lastChange = feedEnd, giveUp = feedEnd + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(2) && System.nanoTime() < giveUp) {
                    Thread.sleep(50);
                    long now = taken.getAsLong();
                    if (now != last) {
                        last = now;
                        lastChange = System.nanoTime();
                    }
                }
                // two more of the pictures' publications: what the first audience sees once everything is through
                Thread.sleep(Math.round(2_000 / settings.speed()) + 200);
                measuring = false;
                long feedStart = fed[2];
                double feedSeconds = (feedEnd - feedStart) / 1e9, takenSeconds = (lastChange - feedStart) / 1e9;
                long tracks = picture.tracks(Reader.parse(READERS[0])).stream().filter(t -> !t.selfReported()).count();
                StringBuilder b = new StringBuilder("{");
                b.append("\"reports_fed\": ").append(fed[0]).append(", \"refused\": ").append(fed[1])
                        .append(", \"feed_seconds\": ").append(round(feedSeconds))
                        .append(", \"fed_per_s\": ").append(Math.round(fed[0] / feedSeconds))
                        .append(", \"behind_schedule_max_ms\": ").append(fed[3])
                        .append(", \"reports_taken\": ").append(last - takenBefore)
                        .append(", \"taken_seconds\": ").append(round(takenSeconds))
                        .append(", \"reports_per_s\": ").append(Math.round((fed[0] - fed[1]) / takenSeconds))
                        .append(", \"unit_report_latency_ms\": ").append(percentiles(probeLatency))
                        .append(", \"fused_track_age_ms\": ").append(percentiles(latency))
                        .append(", \"tracks_end\": ").append(tracks)
                        .append(", \"tracks_last_frame\": ").append(lastFrameTracks)
                        .append(", \"frames_per_s\": ").append(round(frames.get() / takenSeconds))
                        .append(", \"track_deliveries_per_s\": ").append(Math.round(deliveries.get() / takenSeconds));
                b.append(extra);
                if (settings.score()) {
                    score = scored();
                    b.append(", \"scored_times\": ").append(sampledTimes.size()).append(", ").append(score.json());
                }
                return b.append('}').toString();
            } finally {
                measuring = false;
                for (AutoCloseable c : subscriptions) c.close();
            }
        }

        /** Hands the reports to the picture at the scenario's pace times the speed: {fed, refused, start nanos, most behind (ms)}. */
        private long[] feed(ScaledClock clock, LivePicture picture) {
            long start = clock.millis() + 500; // the first scan half a (scaled) second from now
            feedStartMs = start;
            measuring = true;
            long refused = 0, behind = 0, startNanos = 0;
            double scanTime = Double.NaN, lastProbe = -1;
            for (int i = 0; i < reports; i++) {
                double t = detections.t()[i];
                long due = start + Math.round(t * 1000);
                if (t != scanTime) {
                    scanTime = t;
                    long ahead = due - clock.millis();
                    if (ahead > 0) LockSupport.parkNanos((long) (ahead * 1e6 / settings.speed()));
                    else behind = Math.max(behind, -ahead);
                    long now = System.nanoTime();
                    if (startNanos == 0) startNanos = now;
                    if (Math.floor(t) > lastProbe) {
                        lastProbe = Math.floor(t);
                        refused += probes(picture, clock.millis(), t);
                    }
                }
                String name = detections.sensor()[i];
                Sensor sensor = sensorByName.get(name);
                Source source = sourceByName.get(name);
                if (sensor == null || source == null) throw new IllegalStateException("no sensor registered for " + name);
                CotEvent e = new CotEvent(sensor.id() + ".r" + i, "a-u-A", "m-r", due, due, due + 30_000, Plane.lat(detections.y()[i]),
                        Plane.lon(detections.x()[i]), CotEvent.UNKNOWN, detections.sigma()[i], CotEvent.UNKNOWN, null, null, null, Double.NaN, Double.NaN,
                        null, null, null);
                try {
                    picture.ingest(e, source);
                } catch (CotRejected r) {
                    refused++;
                }
            }
            return new long[]{reports, refused, startNanos, behind};
        }

        /** One position report of each probe unit, at {@code nowMs}; answers how many were refused. */
        private int probes(LivePicture picture, long nowMs, double t) {
            int refused = 0;
            for (int u = 0; u < PROBES; u++) {
                // spread over the scenario's area (30-48N, 135-156E), so over every partition; 10 m/s east
                double lat = 30.5 + (u % 10) * 1.7, lon = Plane.lon(Plane.x(135.5 + Math.floorDiv(u, 10) * 4.1) + 10 * t);
                String uid = "BENCH-UNIT-" + u;
                CotEvent e = new CotEvent(uid, "a-f-G-U-C", "m-g", nowMs, nowMs, nowMs + 60_000, lat, lon, 10, 8, 10, "SECRET", null, "REL TO USA, AUS, JPN",
                        0, 90, uid, null, null);
                probeSent.put(uid + '@' + nowMs, System.nanoTime());
                try {
                    picture.ingest(e, UNITS);
                } catch (CotRejected r) {
                    refused++;
                }
            }
            return refused;
        }

        /** The first audience's subscriber: times each new version of a track from its scan's feed, samples the tracks at truth times, counts. */
        private Subscriber first(ScaledClock clock, Map<String, Long> versions) {
            return (Frame f) -> {
                if (f.replay() || !measuring) return;
                long now = System.nanoTime();
                frames.incrementAndGet();
                deliveries.addAndGet(f.count());
                int fused = 0;
                for (int i = 0; i < f.count(); i++) {
                    TrackState s = f.tracks()[i];
                    if (s.self) {
                        Long sent = probeSent.remove(s.uid + '@' + s.timeMs);
                        if (sent != null) add(probeLatency, now - sent);
                        continue;
                    }
                    fused++;
                    Long before = versions.put(s.uid, s.timeMs);
                    if (before == null || before != s.timeMs) add(latency, now - clock.realNanos(s.timeMs));
                }
                if (fused == 0) return; // a frame of units' own reports only: the fused tracks come in frames of their own, whole
                lastFrameTracks = fused;
                if (settings.score()) sample(f, (clock.millis() - feedStartMs) / 1000.0);
            };
        }

        /** The tracks of the frame, each predicted to the latest truth time not yet sampled at or before {@code scenarioSecond}. */
        private void sample(Frame f, double scenarioSecond) {
            int k = nextTruth;
            while (k + 1 < truthTimes.length && truthTimes[k + 1] <= scenarioSecond) k++;
            if (k >= truthTimes.length || truthTimes[k] > scenarioSecond) return;
            double at = truthTimes[k];
            nextTruth = k + 1;
            sampledTimes.add(at);
            for (int i = 0; i < f.count(); i++) {
                TrackState s = f.tracks()[i];
                if (s.self) continue;
                double dt = at - (s.timeMs - feedStartMs) / 1000.0;
                double c = Math.toRadians(s.course), vx = s.speed * Math.sin(c), vy = s.speed * Math.cos(c);
                sampled.add(new double[]{at, Plane.x(s.lon) + vx * dt, vx, Plane.y(s.lat) + vy * dt, vy});
                sampledIds.add(s.uid);
            }
        }

        private Subscriber counting() {
            return (Frame f) -> {
                if (f.replay() || !measuring) return;
                frames.incrementAndGet();
                deliveries.addAndGet(f.count());
            };
        }

        /** GOSPA and the rest of the tracks shown against the truth at the times sampled. */
        private PictureMetrics.Result scored() {
            java.util.Set<Long> at = new java.util.HashSet<>();
            for (double t : sampledTimes) at.add(Math.round(t * 1000));
            int n = 0;
            for (int i = 0; i < truth.size(); i++) if (at.contains(Math.round(truth.t()[i] * 1000))) n++;
            double[] t = new double[n], x = new double[n], vx = new double[n], y = new double[n], vy = new double[n];
            String[] id = new String[n];
            int k = 0;
            for (int i = 0; i < truth.size(); i++) {
                if (!at.contains(Math.round(truth.t()[i] * 1000))) continue;
                t[k] = truth.t()[i];
                id[k] = truth.id()[i];
                x[k] = truth.x()[i];
                vx[k] = truth.vx()[i];
                y[k] = truth.y()[i];
                vy[k] = truth.vy()[i];
                k++;
            }
            ApFiles.States tracks = ApFiles.states(sampled, sampledIds);
            return PictureMetrics.evaluate(new ApFiles.States(n, t, id, x, vx, y, vy), tracks);
        }

        private static void add(AtomicLongArray histogram, long nanos) {
            histogram.incrementAndGet((int) Math.min(BUCKETS, Math.max(0, nanos / 1000 / BUCKET_US)));
        }

        private static String percentiles(AtomicLongArray histogram) {
            long total = 0;
            for (int i = 0; i <= BUCKETS; i++) total += histogram.get(i);
            return "{\"samples\": " + total + ", \"p50\": " + percentile(histogram, total, 0.50) + ", \"p99\": " + percentile(histogram, total, 0.99)
                    + "}";
        }

        private static String percentile(AtomicLongArray histogram, long total, double p) {
            if (total == 0) return "null";
            long rank = (long) Math.ceil(p * total), seen = 0;
            for (int i = 0; i <= BUCKETS; i++) {
                seen += histogram.get(i);
                if (seen >= rank) return String.valueOf((i + 1) * BUCKET_US / 1000.0);
            }
            return "null";
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The connection and partition log lines of the parts would drown the figures. */
    private static void quiet() {
        for (String name : new String[]{"org.kizuna.picture", "org.apache.kafka", "kafka"}) {
            if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger l) l.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** A clock that goes {@code speed} times as fast as the wall clock from when it is made. */
    static final class ScaledClock extends Clock {
        private final long baseMs = System.currentTimeMillis(), baseNanos = System.nanoTime();
        private final double speed;

        ScaledClock(double speed) {
            this.speed = speed;
        }

        @Override
        public long millis() {
            return baseMs + (long) ((System.nanoTime() - baseNanos) / 1e6 * speed);
        }

        /** The wall clock's {@code System.nanoTime()} when this clock read {@code ms}. */
        long realNanos(long ms) {
            return baseNanos + (long) ((ms - baseMs) * 1e6 / speed);
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the bench's clock is UTC");
        }
    }
}
