package org.kizuna.picture.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kizuna.picture.bench.ap.ApFiles;
import org.kizuna.picture.bench.ap.FusionReplay;
import org.kizuna.picture.bench.ap.ReferenceTracks;
import org.kizuna.picture.bench.metrics.PictureMetrics;
import org.kizuna.picture.internal.tracking.FusionConfig;
import org.kizuna.picture.internal.tracking.FusionEngine;

/**
 * The fusion benchmark behind {@code ./kizuna bench fusion}: replays an AP detections file through the
 * tracker as fast as it can and answers speed and quality (GOSPA, OSPA, SIAP against the truth) as one
 * JSON object, ending with the tracker's registration estimate of each sensor (scored against the true
 * offsets when a registration file is given).
 */
public final class FusionBench {

    /**
     * The AP files to replay and score against, where to write the tracks too (or nowhere), which track
     * file to write, how many unmeasured replays run first so that the JIT has compiled the engine, the
     * sensors the engine is told were surveyed, and the sensors' true registration offsets (or none).
     */
    public record Settings(Path detections, Path truth, @Nullable Path tracksOut, TrackFile trackFile, int warmup, List<String> surveyed,
            @Nullable Path registration, boolean reference) {
        public Settings {
            surveyed = List.copyOf(surveyed);
        }

        /** Settings for the tracker (not the reference). */
        public Settings(Path detections, Path truth, @Nullable Path tracksOut, TrackFile trackFile, int warmup, List<String> surveyed,
                @Nullable Path registration) {
            this(detections, truth, tracksOut, trackFile, warmup, surveyed, registration, false);
        }
    }

    /** How the track file is written: what was shown live at each scan, or each confirmed track's whole history. */
    public enum TrackFile {
        LIVE,
        HISTORY
    }

    /** The repository's AP benchmarks, by name: the folder of that name under {@code bench/}, with its detections and truth files (as {@code bench/ap1/ap1_detections.csv}), relative to the repository root. */
    public enum Scenario {
        AP1,
        AP2;

        private String name(String file) {
            String n = name().toLowerCase(Locale.ROOT);
            return "bench/" + n + "/" + n + "_" + file;
        }

        public Path detections() {
            return Path.of(name("detections.csv"));
        }

        public Path truth() {
            return Path.of(name("truth.csv"));
        }
    }

    private FusionBench() {
    }

    /** The registration file beside a detections file {@code PREFIX_detections.csv}: {@code PREFIX_registration.csv}, if there is one. */
    public static @Nullable Path registrationBeside(Path detections) {
        String name = detections.getFileName().toString();
        if (!name.endsWith("_detections.csv")) return null;
        Path sibling = detections.resolveSibling(name.substring(0, name.length() - "detections.csv".length()) + "registration.csv");
        return Files.isRegularFile(sibling) ? sibling : null;
    }

    /**
     * Replays the detections through the engine and scores its tracks against the truth, as one JSON object.
     *
     * @throws IllegalArgumentException when a sensor named as surveyed has no report in the detections file
     *                                  (before any replay)
     */
    public static String run(Settings s) throws IOException {
        ApFiles.Detections d = ApFiles.readDetections(s.detections());
        ApFiles.States truth = ApFiles.readStates(s.truth());
        Map<String, ApFiles.Offset> offsets = new HashMap<>();
        if (s.registration() != null) ApFiles.readRegistration(s.registration()).forEach(o -> offsets.put(o.sensor(), o));
        sensorsOf(s, d, List.of());
        if (s.reference()) return reference(s, d, truth, offsets);
        for (int i = 0; i < s.warmup(); i++) FusionReplay.run(d, FusionConfig.defaults(), false, TrackFile.HISTORY, s.surveyed());
        FusionReplay.Outcome o = FusionReplay.run(d, FusionConfig.defaults(), true, s.trackFile(), s.surveyed());
        if (s.tracksOut() != null) ApFiles.writeStates(s.tracksOut(), "t_s,track_id,x_m,vx_mps,y_m,vy_mps", o.tracks());
        long[] lat = o.scanNanos().clone();
        Arrays.sort(lat);
        double seconds = o.seconds();
        return "{\"detections\": " + d.size() + ", \"seconds\": " + seconds
                + ", \"detections_per_s\": " + Math.round(d.size() / seconds)
                + (o.cpuNanos() > 0
                        ? ", \"cpu_seconds\": " + o.cpuNanos() / 1e9 + ", \"detections_per_cpu_s\": " + Math.round(d.size() / (o.cpuNanos() / 1e9))
                        : "")
                + ", \"scan_latency_ms\": {\"p50\": " + percentile(lat, 0.50) + ", \"p99\": " + percentile(lat, 0.99) + "}"
                + ", \"tracks_total\": " + o.tracksTotal() + ", " + PictureMetrics.evaluate(truth, o.tracks()).json()
                + ", \"registration\": " + registration(o.registration(), offsets) + "}";
    }

    /** What the partner of the split benchmark sends: its tracks, or its sensors' reports. */
    public enum PeerExchange {
        TRACKS,
        OBSERVATIONS
    }

    /** How the split benchmark's node combines a partner's track with its own track of the same target. */
    public enum PeerFusion {
        /** As independent estimates (neither node's track ever takes the other's). */
        INDEPENDENT,
        /** Covariance intersection. */
        CI
    }

    /**
     * Two nodes ({@link FusionReplay#runSplit}): the sensors in {@code peerSensors} feed the partner's engine, which sends
     * its tracks after each of its scans; the other sensors feed this node's engine, which fuses them with the partner's
     * tracks. Answers this node's figures ({@code split}), those of one engine fed every report ({@code single}, as
     * {@link #run}; every report of the files is releasable to this node) and the ratio of their GOSPA. The partner's
     * engine is set for its sensors' revisit ({@link FusionConfig#forRevisit}, the slowest of them).
     */
    public static String split(Settings s, List<String> peerSensors, PeerFusion rule) throws IOException {
        return split(s, peerSensors, rule, 0);
    }

    /**
     * As {@link #split(Settings, List, PeerFusion)}; with {@code scoreFrom} above 0 the JSON also has both engines'
     * metrics over the truth and tracks from {@code scoreFrom} seconds on ({@code split_from}, {@code single_from},
     * {@code gospa_ratio_from}): the pictures once both nodes' tracks have formed.
     */
    public static String split(Settings s, List<String> peerSensors, PeerFusion rule, double scoreFrom) throws IOException {
        ApFiles.Detections d = ApFiles.readDetections(s.detections());
        ApFiles.States truth = ApFiles.readStates(s.truth());
        Set<String> sensors = sensorsOf(s, d, peerSensors);
        double revisit = 0;
        for (String name : peerSensors) revisit = Math.max(revisit, revisitOf(d, name));
        FusionConfig peerConfig = FusionConfig.forRevisit(revisit);
        // this node's engine as the single engine's (the defaults): set for a 10 s radar alone, it keeps tentative tracks of the
        // clutter for 25 s and confirms many (measured: docs/benchmarks.md)
        FusionConfig localConfig = FusionConfig.defaults();
        FusionEngine.PeerFusion r = rule == PeerFusion.CI ? FusionEngine.PeerFusion.COVARIANCE_INTERSECTION : FusionEngine.PeerFusion.INDEPENDENT;
        for (int i = 0; i < s.warmup(); i++) FusionReplay.runSplit(d, localConfig, peerConfig, false, TrackFile.HISTORY, s.surveyed(), peerSensors, r);
        FusionReplay.Outcome o = FusionReplay.runSplit(d, localConfig, peerConfig, true, s.trackFile(), s.surveyed(), peerSensors, r);
        return scored(s, d, truth, sensors, peerSensors, o, ", \"peer_fusion\": \"" + rule + "\", \"partner_revisit_s\": " + revisit, scoreFrom);
    }

    /**
     * The JSON of a two-node run {@code o}, scored with the single engine over the same file: the sensors of each node,
     * {@code settings} (the run's own fields, each after a comma), the split's and the single engine's metrics, their
     * GOSPA ratio, and with {@code scoreFrom} above 0 the same from then on. Writes the split's tracks where asked.
     */
    private static String scored(Settings s, ApFiles.Detections d, ApFiles.States truth, Set<String> sensors, List<String> peerSensors,
            FusionReplay.Outcome o, String settings, double scoreFrom) throws IOException {
        if (s.tracksOut() != null) ApFiles.writeStates(s.tracksOut(), "t_s,track_id,x_m,vx_mps,y_m,vy_mps", o.tracks());
        FusionReplay.Outcome single = FusionReplay.run(d, FusionConfig.defaults(), true, s.trackFile(), s.surveyed());
        PictureMetrics.Result split = PictureMetrics.evaluate(truth, o.tracks()), one = PictureMetrics.evaluate(truth, single.tracks());
        long[] lat = o.scanNanos().clone();
        Arrays.sort(lat);
        List<String> local = sensors.stream().filter(n -> !peerSensors.contains(n)).sorted().toList();
        return "{\"detections\": " + d.size() + ", \"partner_sensors\": " + names(peerSensors) + ", \"local_sensors\": " + names(local)
                + settings
                + ", \"split\": {\"seconds\": " + o.seconds() + ", \"scan_latency_ms\": {\"p50\": " + percentile(lat, 0.50) + ", \"p99\": "
                + percentile(lat, 0.99) + "}, \"tracks_total\": " + o.tracksTotal() + ", " + split.json() + ", \"registration\": "
                + registration(o.registration(), Map.of()) + "}"
                + ", \"single\": {\"tracks_total\": " + single.tracksTotal() + ", " + one.json() + "}"
                + ", \"gospa_ratio\": " + split.gospaMean() / one.gospaMean()
                + (scoreFrom > 0 ? from(truth, o.tracks(), single.tracks(), scoreFrom) : "") + "}";
    }

    /** The sensors of the file; refuses a {@code --surveyed} or {@code --peer-sensors} name the file has no report of. */
    private static Set<String> sensorsOf(Settings s, ApFiles.Detections d, List<String> peerSensors) {
        Set<String> sensors = new HashSet<>(Arrays.asList(d.sensor()));
        for (String name : s.surveyed()) {
            if (!sensors.contains(name)) {
                throw new IllegalArgumentException("--surveyed " + name + ": " + s.detections() + " has no report of sensor '" + name + "'");
            }
        }
        for (String name : peerSensors) {
            if (!sensors.contains(name)) {
                throw new IllegalArgumentException("--peer-sensors " + name + ": " + s.detections() + " has no report of sensor '" + name + "'");
            }
        }
        return sensors;
    }

    /**
     * Two nodes under the observations agreement ({@link FusionReplay#runObservations}): the sensors in {@code peerSensors}
     * are the partner's, whose every report comes to this node in batches every {@code batchMs}, {@code latencyMs} on the
     * way; this node's engine (the defaults, as the single engine) fuses them with its own sensors' reports, processing
     * reports {@code holdBackMs} behind; each scan's time is scored as this node's picture stands then, or {@code scoreLagMs} later
     * ({@link FusionReplay#runObservations}). Answers as {@link #split(Settings, List, PeerFusion, double)}.
     */
    public static String observations(Settings s, List<String> peerSensors, double scoreFrom, double batchMs, double latencyMs, double holdBackMs,
            double scoreLagMs) throws IOException {
        ApFiles.Detections d = ApFiles.readDetections(s.detections());
        ApFiles.States truth = ApFiles.readStates(s.truth());
        Set<String> sensors = sensorsOf(s, d, peerSensors);
        FusionConfig config = FusionConfig.defaults();
        double batch = batchMs / 1000, latency = latencyMs / 1000, holdBack = holdBackMs / 1000, lag = scoreLagMs / 1000;
        for (int i = 0; i < s.warmup(); i++)
            FusionReplay.runObservations(d, config, false, TrackFile.HISTORY, s.surveyed(), peerSensors, batch, latency, holdBack, lag);
        FusionReplay.Outcome o = FusionReplay.runObservations(d, config, true, s.trackFile(), s.surveyed(), peerSensors, batch, latency, holdBack, lag);
        return scored(s, d, truth, sensors, peerSensors, o, ", \"peer_exchange\": \"OBSERVATIONS\", \"batch_ms\": " + batchMs + ", \"latency_ms\": "
                + latencyMs + ", \"hold_back_ms\": " + holdBackMs + ", \"score_lag_ms\": " + scoreLagMs, scoreFrom);
    }

    /** Both engines' metrics from {@code t0} on, and the ratio of their GOSPA. */
    private static String from(ApFiles.States truth, ApFiles.States split, ApFiles.States single, double t0) {
        PictureMetrics.Result a = PictureMetrics.evaluate(since(truth, t0), since(split, t0)), b = PictureMetrics.evaluate(since(truth, t0), since(single, t0));
        return ", \"score_from_s\": " + t0 + ", \"split_from\": {" + a.json() + "}, \"single_from\": {" + b.json() + "}, \"gospa_ratio_from\": "
                + a.gospaMean() / b.gospaMean();
    }

    /** The states at {@code t0} or later. */
    static ApFiles.States since(ApFiles.States s, double t0) {
        int n = 0;
        for (int i = 0; i < s.size(); i++) if (s.t()[i] >= t0) n++;
        double[] t = new double[n], x = new double[n], vx = new double[n], y = new double[n], vy = new double[n];
        String[] id = new String[n];
        int k = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.t()[i] < t0) continue;
            t[k] = s.t()[i];
            id[k] = s.id()[i];
            x[k] = s.x()[i];
            vx[k] = s.vx()[i];
            y[k] = s.y()[i];
            vy[k] = s.vy()[i];
            k++;
        }
        return new ApFiles.States(n, t, id, x, vx, y, vy);
    }

    /** The median interval (s) between the scans of sensor {@code name}. */
    private static double revisitOf(ApFiles.Detections d, String name) {
        List<Double> times = new java.util.ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            if (d.sensor()[i].equals(name) && (times.isEmpty() || times.getLast() != d.t()[i])) times.add(d.t()[i]);
        }
        if (times.size() < 2) return 10;
        double[] gaps = new double[times.size() - 1];
        for (int i = 1; i < times.size(); i++) gaps[i - 1] = times.get(i) - times.get(i - 1);
        Arrays.sort(gaps);
        return gaps[gaps.length / 2];
    }

    private static String names(List<String> names) {
        StringBuilder b = new StringBuilder("[");
        for (String n : names) b.append(b.length() > 1 ? ", " : "").append(text(n));
        return b.append(']').toString();
    }

    /**
     * The reference ({@link ReferenceTracks}) in place of the tracker: its tracks scored as the tracker's are; the offsets it
     * was given, as the file gives them or as measured from the truth, in place of the registration estimates.
     */
    private static String reference(Settings s, ApFiles.Detections d, ApFiles.States truth, Map<String, ApFiles.Offset> offsets) throws IOException {
        ApFiles.States tracks = ReferenceTracks.run(d, truth, offsets);
        if (s.tracksOut() != null) ApFiles.writeStates(s.tracksOut(), "t_s,track_id,x_m,vx_mps,y_m,vy_mps", tracks);
        long distinct = Arrays.stream(tracks.id()).distinct().count();
        return "{\"detections\": " + d.size() + ", \"reference\": \"each target's own reports, the true offsets, the legs' starts and kinds\""
                + ", \"offsets\": \"" + (offsets.isEmpty() ? "measured from the truth" : "from the registration file") + "\""
                + ", \"tracks_total\": " + distinct + ", " + PictureMetrics.evaluate(truth, tracks).json() + "}";
    }

    /**
     * Each sensor's estimate, in the engine's sensor order; with its true offset and the distance between
     * the two ({@code error_m}) when the registration file gives the sensor.
     */
    static String registration(List<FusionReplay.SensorEstimate> estimates, Map<String, ApFiles.Offset> truth) {
        StringBuilder b = new StringBuilder("[");
        for (FusionReplay.SensorEstimate e : estimates) {
            if (b.length() > 1) b.append(", ");
            b.append("{\"sensor\": ").append(text(e.sensor()));
            ApFiles.Offset t = truth.get(e.sensor());
            if (t != null) b.append(", \"true_x\": ").append(number(t.x())).append(", \"true_y\": ").append(number(t.y()));
            b.append(", \"estimated_x\": ").append(number(e.biasX())).append(", \"estimated_y\": ").append(number(e.biasY()));
            b.append(", \"sigma_x\": ").append(number(e.sigmaX())).append(", \"sigma_y\": ").append(number(e.sigmaY()));
            if (t != null) b.append(", \"error_m\": ").append(number(Math.hypot(e.biasX() - t.x(), e.biasY() - t.y())));
            b.append(", \"reports_used\": ").append(e.reportsUsed());
            b.append(", \"role\": \"").append(e.role()).append('"');
            b.append(", \"jumped_at\": ").append(number(e.jumpedAt())).append('}');
        }
        return b.append(']').toString();
    }

    /** A JSON string. */
    private static String text(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A JSON number; null for NaN and infinities, which JSON has no numbers for. */
    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
