package org.kizuna.picture.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import org.kizuna.picture.bench.ap.ApFiles;
import org.kizuna.picture.bench.ap.FusionReplay;
import org.kizuna.picture.bench.metrics.PictureMetrics;
import org.kizuna.picture.internal.tracking.FusionConfig;

/**
 * The fusion benchmark behind {@code ./kizuna bench fusion}: replays an AP detections file through the
 * tracker as fast as it can and answers speed and quality (GOSPA, OSPA, SIAP against the truth) as one
 * JSON object.
 */
public final class FusionBench {

    /**
     * The AP files to replay and score against, where to write the tracks too (or nowhere), which track
     * file to write, and how many unmeasured replays run first so that the JIT has compiled the engine.
     */
    public record Settings(Path detections, Path truth, @Nullable Path tracksOut, TrackFile trackFile, int warmup) {
    }

    /** How the track file is written: what was shown live at each scan, or each confirmed track's whole history. */
    public enum TrackFile { LIVE, HISTORY }

    private FusionBench() {
    }

    public static String run(Settings s) throws IOException {
        ApFiles.Detections d = ApFiles.readDetections(s.detections());
        ApFiles.States truth = ApFiles.readStates(s.truth());
        for (int i = 0; i < s.warmup(); i++) FusionReplay.run(d, FusionConfig.defaults(), false);
        FusionReplay.Outcome o = FusionReplay.run(d, FusionConfig.defaults(), true, s.trackFile());
        if (s.tracksOut() != null) ApFiles.writeStates(s.tracksOut(), "t_s,track_id,x_m,vx_mps,y_m,vy_mps", o.tracks());
        long[] lat = o.scanNanos().clone();
        Arrays.sort(lat);
        double seconds = o.seconds();
        return "{\"detections\": " + d.size() + ", \"seconds\": " + seconds
                + ", \"detections_per_s\": " + Math.round(d.size() / seconds)
                + ", \"scan_latency_ms\": {\"p50\": " + percentile(lat, 0.50) + ", \"p99\": " + percentile(lat, 0.99) + "}"
                + ", \"tracks_total\": " + o.tracksTotal() + ", " + PictureMetrics.evaluate(truth, o.tracks()).json() + "}";
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
