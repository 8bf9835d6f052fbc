package org.kizuna.picture.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.kizuna.picture.bench.ap.ApFiles;
import org.kizuna.picture.bench.ap.FusionReplay;
import org.kizuna.picture.internal.tracking.FusionConfig;
import org.kizuna.picture.bench.metrics.PictureMetrics;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./kizuna bench fusion}: replays an AP detections file through the fusion engine and prints speed and quality. */
@Command(name = "fusion", mixinStandardHelpOptions = true,
        description = "Replay an AP detections file through the tracker as fast as it can; print one JSON object with speed and GOSPA/OSPA/SIAP against the truth.")
public final class FusionBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--detections", required = true, description = "AP detections CSV (t_s,sensor,x_m,y_m,sigma_m,truth_id).")
    Path detections;

    @Option(names = "--truth", required = true, description = "AP truth CSV (t_s,truth_id,x_m,vx_mps,y_m,vy_mps).")
    Path truth;

    @Option(names = "--tracks-out", description = "Also write the tracks in the stonesoup_tracks.csv format.")
    @Nullable Path tracksOut;

    @Option(names = "--track-file", defaultValue = "HISTORY",
            description = "HISTORY: each confirmed track's states from its first report, as Stone Soup's track file holds them; LIVE: only what was shown at each scan (default: ${DEFAULT-VALUE}).")
    FusionReplay.Tracks trackFile;

    @Option(names = "--warmup", defaultValue = "2", description = "Unmeasured replays first, so the JIT has compiled the engine (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        for (Path p : new Path[] {detections, truth}) {
            if (!Files.isReadable(p)) throw new ParameterException(spec.commandLine(), "cannot read " + p);
        }
        ApFiles.Detections d = ApFiles.readDetections(detections);
        ApFiles.States truthStates = ApFiles.readStates(truth);
        for (int i = 0; i < warmup; i++) FusionReplay.run(d, FusionConfig.defaults(), false);
        FusionReplay.Outcome o = FusionReplay.run(d, FusionConfig.defaults(), true, trackFile);
        if (tracksOut != null) ApFiles.writeStates(tracksOut, "t_s,track_id,x_m,vx_mps,y_m,vy_mps", o.tracks());
        PictureMetrics.Result m = PictureMetrics.evaluate(truthStates, o.tracks());
        long[] lat = o.scanNanos().clone();
        Arrays.sort(lat);
        double seconds = o.seconds();
        spec.commandLine().getOut().println("{\"detections\": " + d.size() + ", \"seconds\": " + seconds
                + ", \"detections_per_s\": " + Math.round(d.size() / seconds)
                + ", \"scan_latency_ms\": {\"p50\": " + percentile(lat, 0.50) + ", \"p99\": " + percentile(lat, 0.99) + "}"
                + ", \"tracks_total\": " + o.tracksTotal() + ", " + m.json() + "}");
        spec.commandLine().getOut().flush();
        return 0;
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
