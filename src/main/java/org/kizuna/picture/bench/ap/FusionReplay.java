package org.kizuna.picture.bench.ap;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kizuna.picture.bench.FusionBench.TrackFile;
import org.kizuna.picture.internal.tracking.FusionConfig;
import org.kizuna.picture.internal.tracking.FusionEngine;
import org.kizuna.picture.internal.tracking.PeerTrack;
import org.kizuna.picture.internal.tracking.SensorRole;

/**
 * Replays an AP detections file through the fusion engine, one scan (time and sensor) at a time, as
 * fast as it can, timing each scan. The truth column is never given to the engine. Sensors are numbered
 * for the engine in the order the file first names them; the sensors named as surveyed are marked so
 * ({@link SensorRole#SURVEYED}) before the first report, every other one is left for the engine to estimate.
 */
public final class FusionReplay {

    /**
     * What a replay produced: per-scan latencies (ns), the processor time the scans took (ns, the replaying
     * thread's; -1 where the platform does not measure it), the confirmed tracks at every scan time, the distinct
     * track count, and the engine's registration estimate of each sensor at the end, in the engine's sensor order.
     */
    public record Outcome(long[] scanNanos, long cpuNanos, ApFiles.States tracks, int tracksTotal, List<SensorEstimate> registration) {
        public double seconds() {
            return Arrays.stream(scanNanos).sum() / 1e9;
        }
    }

    /**
     * The engine's registration estimate of one sensor: its role, the offset of its reports east and north
     * (m) with their one-sigma uncertainties, the reports the estimate rests on, and when its bias was last
     * seen to jump (NaN: never). See {@link org.kizuna.picture.internal.tracking.RegistrationSink}.
     */
    public record SensorEstimate(String sensor, SensorRole role, double biasX, double biasY, double sigmaX, double sigmaY, long reportsUsed,
            double jumpedAt) {
    }

    private FusionReplay() {
    }

    /** A replay in which no sensor is marked surveyed. */
    public static Outcome run(ApFiles.Detections d, FusionConfig config, boolean keepTracks) {
        return run(d, config, keepTracks, TrackFile.HISTORY);
    }

    /** A replay in which no sensor is marked surveyed. */
    public static Outcome run(ApFiles.Detections d, FusionConfig config, boolean keepTracks, TrackFile mode) {
        return run(d, config, keepTracks, mode, List.of());
    }

    /**
     * A replay with the sensors named in {@code surveyed} marked surveyed.
     *
     * @throws IllegalArgumentException when a sensor named as surveyed has no report in {@code d}
     */
    public static Outcome run(ApFiles.Detections d, FusionConfig config, boolean keepTracks, TrackFile mode, Collection<String> surveyed) {
        FusionEngine engine = new FusionEngine(config);
        Scans scans = new Scans(d, keepTracks, mode);
        for (String name : surveyed) engine.role(scans.sensorIndex(name, "surveyed"), SensorRole.SURVEYED);
        while (scans.next()) {
            scans.timed(() -> {
                for (int k = scans.from; k < scans.to; k++) engine.report(d.t()[k], scans.sensorOf[k], d.x()[k], d.y()[k], d.sigma()[k], 0);
                engine.advance(scans.t);
            });
            scans.collect(engine);
        }
        return scans.outcome(engine, -1);
    }

    /**
     * Two nodes' pictures: the sensors named in {@code peerSensors} feed the partner's engine (the "USA" node), every
     * other sensor this node's engine (the "JPN" node). After each of the partner's scans, the partner's confirmed
     * tracks of its own reports ({@link FusionEngine#ownStates}), all of them releasable here, go to this node's engine as
     * track-level input ({@link FusionEngine#peerTracks}); this node's engine is what is timed and scored. Sensors named in
     * {@code surveyed} are surveyed in whichever engine they feed.
     *
     * @throws IllegalArgumentException when a sensor named has no report in {@code d}, or when either side has no sensor
     */
    public static Outcome runSplit(ApFiles.Detections d, FusionConfig config, FusionConfig peerConfig, boolean keepTracks, TrackFile mode,
            Collection<String> surveyed, Collection<String> peerSensors, FusionEngine.PeerFusion rule) {
        FusionEngine engine = new FusionEngine(config), peer = new FusionEngine(peerConfig);
        engine.peerFusion(rule);
        Scans scans = new Scans(d, keepTracks, mode);
        boolean[] peersSensor = new boolean[scans.sensors.size()];
        for (String name : peerSensors) peersSensor[scans.sensorIndex(name, "peer")] = true;
        if (peerSensors.containsAll(scans.sensors.keySet())) throw new IllegalArgumentException("every sensor is the partner's: this node would have none");
        for (String name : surveyed) {
            int index = scans.sensorIndex(name, "surveyed");
            (peersSensor[index] ? peer : engine).role(index, SensorRole.SURVEYED);
        }
        // the partner is a sensor index of this engine's own, after every real sensor
        int partner = scans.sensors.size();
        List<PeerTrack> released = new ArrayList<>();
        while (scans.next()) {
            double t = scans.t;
            if (peersSensor[scans.sensorOf[scans.from]]) {
                // the partner's node: its scan, then its tracks as they stand, sent (not timed: another node's work)
                for (int k = scans.from; k < scans.to; k++) peer.report(d.t()[k], scans.sensorOf[k], d.x()[k], d.y()[k], d.sigma()[k], 0);
                peer.advance(t);
                released.clear();
                peer.ownStates(t, (id, tt, x, y, vx, vy, pxx, pxv, vxx, pyy, pyv, vyy, labels, lc, sens, sc) -> released
                        .add(new PeerTrack(id, tt, x, y, vx, vy, pxx, pxv, vxx, pyy, pyv, vyy, 0)));
                scans.timed(() -> engine.peerTracks(partner, t, released));
            } else {
                scans.timed(() -> {
                    for (int k = scans.from; k < scans.to; k++) engine.report(d.t()[k], scans.sensorOf[k], d.x()[k], d.y()[k], d.sigma()[k], 0);
                    engine.advance(t);
                });
            }
            scans.collect(engine);
        }
        return scans.outcome(engine, partner);
    }

    /**
     * Two nodes under the observations agreement: the sensors named in {@code peerSensors} are the partner's (the "USA"
     * node), which sends each of their reports to this node (the "JPN" node) in batches: a report leaves with the first
     * batch after it was taken (every {@code batchSeconds}, at its multiples; 0: at once, as the tracks of {@link #runSplit} do) and arrives {@code latencySeconds} later;
     * this node's engine takes them as reports of those sensors (surveyed as the partner's registry says: the sensors
     * named in {@code surveyed}), with its own, processing reports {@code holdBackSeconds} behind (
     * {@link FusionEngine#holdBack}; 0: as they come). Each batch is taken, and the engine advanced, at its arrival;
     * what is scored is this node's engine after every scan of the file, as for {@link #run}: its view of the scan's time
     * as it stands then ({@code scoreLagSeconds} 0), or once the batches that arrive up to {@code scoreLagSeconds}
     * later have been taken (what this node's picture says of that time once the partner's reports of it are in).
     *
     * @throws IllegalArgumentException when a sensor named has no report in {@code d}, or when either side has no sensor
     */
    public static Outcome runObservations(ApFiles.Detections d, FusionConfig config, boolean keepTracks, TrackFile mode, Collection<String> surveyed,
            Collection<String> peerSensors, double batchSeconds, double latencySeconds, double holdBackSeconds, double scoreLagSeconds) {
        if (!(batchSeconds >= 0) || !(latencySeconds >= 0)) throw new IllegalArgumentException("a batch interval and a latency are 0 or more");
        FusionEngine engine = new FusionEngine(config);
        engine.holdBack(holdBackSeconds);
        Scans scans = new Scans(d, keepTracks, mode);
        boolean[] peersSensor = new boolean[scans.sensors.size()];
        for (String name : peerSensors) peersSensor[scans.sensorIndex(name, "peer")] = true;
        if (peerSensors.containsAll(scans.sensors.keySet())) throw new IllegalArgumentException("every sensor is the partner's: this node would have none");
        for (String name : surveyed) engine.role(scans.sensorIndex(name, "surveyed"), SensorRole.SURVEYED);
        // the partner's reports on their way: indices into d, in the order taken, and each one's arrival here
        int[] inFlight = new int[d.size()];
        double[] arrival = new double[d.size()];
        int[] head = {0, 0}; // next to deliver, count queued
        double[] lag = {0}; // how far past the scan's time batches are taken: 0 before the scan, scoreLagSeconds before it is scored
        while (scans.next()) {
            double t = scans.t;
            // the batches that arrived by this scan's time, each taken and the engine advanced at its arrival
            Runnable deliver = () -> {
                while (head[0] < head[1] && arrival[head[0]] <= t + lag[0]) {
                    double at = arrival[head[0]];
                    while (head[0] < head[1] && arrival[head[0]] == at) {
                        int k = inFlight[head[0]++];
                        engine.report(d.t()[k], scans.sensorOf[k], d.x()[k], d.y()[k], d.sigma()[k], 0);
                    }
                    engine.advance(at);
                }
            };
            lag[0] = 0;
            scans.timed(deliver);
            if (peersSensor[scans.sensorOf[scans.from]]) {
                // the partner's node takes its scan and sends it with its next batch
                double leaves = batchSeconds == 0 ? t : (Math.floor(t / batchSeconds + 1e-9) + 1) * batchSeconds;
                for (int k = scans.from; k < scans.to; k++) {
                    inFlight[head[1]] = k;
                    arrival[head[1]++] = leaves + latencySeconds;
                }
                scans.timed(deliver); // at once when nothing delays it
            } else {
                scans.timed(() -> {
                    for (int k = scans.from; k < scans.to; k++) engine.report(d.t()[k], scans.sensorOf[k], d.x()[k], d.y()[k], d.sigma()[k], 0);
                    engine.advance(t);
                });
            }
            if (scoreLagSeconds > 0) {
                lag[0] = scoreLagSeconds;
                scans.timed(deliver);
            }
            scans.collect(engine);
        }
        return scans.outcome(engine, -1);
    }

    /**
     * The replay of a detections file, one scan (a time and a sensor) at a time: the engine's numbers of the sensors (in
     * the order the file first names them), the timing of each scan (elapsed and, where measured, processor time: on a
     * machine others share, the elapsed time of a scan includes the time the replaying thread waited for a processor) and
     * the tracks collected after each scan.
     */
    private static final class Scans {
        final ApFiles.Detections d;
        final boolean keepTracks;
        final TrackFile mode;
        final Map<String, Integer> sensors = new LinkedHashMap<>();
        final int[] sensorOf;
        final List<Long> latencies = new ArrayList<>();
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final boolean cpu = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long cpuNanos;
        final StateCollector out;
        final Map<Long, History> histories = new LinkedHashMap<>();
        final List<Double> scanTimes = new ArrayList<>();
        /** The scan at hand: reports {@code from} (inclusive) to {@code to} (exclusive), at time {@code t}. */
        int from, to;
        double t;

        Scans(ApFiles.Detections d, boolean keepTracks, TrackFile mode) {
            this.d = d;
            this.keepTracks = keepTracks;
            this.mode = mode;
            this.sensorOf = new int[d.size()];
            for (int i = 0; i < d.size(); i++) sensorOf[i] = sensors.computeIfAbsent(d.sensor()[i], k -> sensors.size());
            this.out = new StateCollector(keepTracks ? d.size() * 2 : 0);
        }

        /** The index of a sensor named on the command line, or why it is refused (no report of it in the detections). */
        int sensorIndex(String name, String what) {
            Integer index = sensors.get(name);
            if (index == null) {
                throw new IllegalArgumentException(
                        what + " sensor '" + name + "' has no report in the detections (their sensors: " + String.join(", ", sensors.keySet()) + ")");
            }
            return index;
        }

        /** Moves to the next scan; false when there is none. */
        boolean next() {
            if (to >= d.size()) return false;
            from = to;
            int j = from + 1;
            while (j < d.size() && d.t()[j] == d.t()[from] && sensorOf[j] == sensorOf[from]) j++;
            to = j;
            t = d.t()[from];
            if (scanTimes.isEmpty() || scanTimes.getLast() != t) scanTimes.add(t);
            return true;
        }

        void timed(Runnable work) {
            long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
            long start = System.nanoTime();
            work.run();
            latencies.add(System.nanoTime() - start);
            if (cpu) cpuNanos += threads.getCurrentThreadCpuTime() - cpuStart;
        }

        /** The engine's tracks after the scan: as shown now ({@code LIVE}), or each track's history to be revised. */
        void collect(FusionEngine engine) {
            if (keepTracks && mode == TrackFile.LIVE) {
                engine.viewAt(t, (id, tt, x, y, vx, vy, var, labels, lc, sens, sc) -> out.add(tt, id, x, vx, y, vy));
            } else if (keepTracks) {
                engine.history(t, (id, confirmed, st, sx, sy, tt, x, y, vx, vy) -> {
                    History h = histories.computeIfAbsent(id, k -> new History(new State(st, sx, vx, sy, vy)));
                    h.add(tt, x, vx, y, vy);
                    if (confirmed && !h.confirmed) h.confirm();
                });
            }
        }

        /** What the replay produced; {@code partner} is the sensor index standing for the partner's node (-1: none). */
        Outcome outcome(FusionEngine engine, int partner) {
            if (mode == TrackFile.HISTORY) collectHistories(histories, scanTimes, out);
            String[] names = sensors.keySet().toArray(String[]::new);
            List<SensorEstimate> registration = new ArrayList<>();
            engine.registration((sensor, role, bx, by, sx, sy, used, jumped) -> registration.add(new SensorEstimate(
                    sensor < names.length ? names[sensor] : sensor == partner ? "partner" : "#" + sensor, role, bx, by, sx, sy, used, jumped)));
            return new Outcome(latencies.stream().mapToLong(Long::longValue).toArray(), cpu ? cpuNanos : -1, out.states(), out.distinct(),
                    List.copyOf(registration));
        }
    }

    /** The confirmed tracks' histories: each from its starting report, the scans before its first state predicted back. */
    private static void collectHistories(Map<Long, History> histories, List<Double> scanTimes, StateCollector out) {
        for (Map.Entry<Long, History> e : histories.entrySet()) {
            History h = e.getValue();
            if (!h.confirmed) continue;
            out.add(h.start.t(), e.getKey(), h.start.x(), h.start.vx(), h.start.y(), h.start.vy());
            // scans between the starting report and the track's first state: the state predicted back
            double t1 = h.s[0];
            for (double st : scanTimes) {
                if (st > h.start.t() && st < t1) {
                    out.add(st, e.getKey(), h.s[1] - h.s[2] * (t1 - st), h.s[2], h.s[3] - h.s[4] * (t1 - st), h.s[4]);
                }
            }
            for (int k = 0; k < h.n; k++) out.add(h.s[k * 5], e.getKey(), h.s[k * 5 + 1], h.s[k * 5 + 2], h.s[k * 5 + 3], h.s[k * 5 + 4]);
        }
    }

    /** A track's position and velocity at time t. */
    private record State(double t, double x, double vx, double y, double vy) {
    }

    /** The states of one track at the scan times it lived, and the report it started from. */
    private static final class History {
        State start;
        double[] s = new double[40];
        int n;
        boolean confirmed;

        History(State start) {
            this.start = start;
        }

        /**
         * The track has just been confirmed: nothing before now was ever shown, and its state now rests
         * on every report it had, so the states it had while tentative are replaced by that state
         * predicted back (the two or three seconds of a tentative track are too short for process noise
         * to matter). From here on the history holds what was shown.
         */
        void confirm() {
            confirmed = true;
            int last = (n - 1) * 5;
            double tc = s[last], xc = s[last + 1], vxc = s[last + 2], yc = s[last + 3], vyc = s[last + 4];
            start = new State(start.t(), xc - vxc * (tc - start.t()), vxc, yc - vyc * (tc - start.t()), vyc);
            for (int k = 0; k < n - 1; k++) {
                double back = tc - s[k * 5];
                s[k * 5 + 1] = xc - vxc * back;
                s[k * 5 + 2] = vxc;
                s[k * 5 + 3] = yc - vyc * back;
                s[k * 5 + 4] = vyc;
            }
        }

        void add(double t, double x, double vx, double y, double vy) {
            if ((n + 1) * 5 > s.length) s = Arrays.copyOf(s, s.length * 2);
            s[n * 5] = t;
            s[n * 5 + 1] = x;
            s[n * 5 + 2] = vx;
            s[n * 5 + 3] = y;
            s[n * 5 + 4] = vy;
            n++;
        }
    }

    private static final class StateCollector {
        double[] t, x, vx, y, vy;
        long[] id;
        int n;
        final java.util.HashSet<Long> ids = new java.util.HashSet<>();

        StateCollector(int capacity) {
            int c = Math.max(16, capacity);
            t = new double[c];
            x = new double[c];
            vx = new double[c];
            y = new double[c];
            vy = new double[c];
            id = new long[c];
        }

        void add(double tt, long tid, double px, double pvx, double py, double pvy) {
            if (n == t.length) {
                int c = n * 2;
                t = Arrays.copyOf(t, c);
                x = Arrays.copyOf(x, c);
                vx = Arrays.copyOf(vx, c);
                y = Arrays.copyOf(y, c);
                vy = Arrays.copyOf(vy, c);
                id = Arrays.copyOf(id, c);
            }
            t[n] = tt;
            x[n] = px;
            vx[n] = pvx;
            y[n] = py;
            vy[n] = pvy;
            id[n] = tid;
            ids.add(tid);
            n++;
        }

        int distinct() {
            return ids.size();
        }

        ApFiles.States states() {
            String[] names = new String[n];
            for (int k = 0; k < n; k++) names[k] = ("K" + id[k]).intern();
            return new ApFiles.States(n, Arrays.copyOf(t, n), names, Arrays.copyOf(x, n), Arrays.copyOf(vx, n),
                    Arrays.copyOf(y, n), Arrays.copyOf(vy, n));
        }
    }
}
