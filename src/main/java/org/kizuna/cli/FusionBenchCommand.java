package org.kizuna.cli;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.kizuna.picture.bench.FusionBench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./kizuna bench fusion}: replays an AP detections file through the fusion engine and prints speed and quality. */
@Command(name = "fusion", description = "Replay an AP detections file through the tracker as fast as it can; print one JSON object with speed and GOSPA/OSPA/SIAP against the truth.")
final class FusionBenchCommand extends Verb {

    @Option(names = "--detections", required = true, description = "AP detections CSV (t_s,sensor,x_m,y_m,sigma_m,truth_id).") Path detections;
    @Mixin TruthOption truth;
    @Option(names = "--tracks-out", description = "Also write the tracks in the stonesoup_tracks.csv format.")
    @Nullable Path tracksOut;
    @Option(names = "--track-file", defaultValue = "HISTORY", description = "HISTORY: each confirmed track's states from its first report, as Stone Soup's track file holds them; LIVE: only what was shown at each scan (default: ${DEFAULT-VALUE}).") FusionBench.TrackFile trackFile;
    @Option(names = "--warmup", defaultValue = "2", description = "Unmeasured replays first, so the JIT has compiled the engine (default: ${DEFAULT-VALUE}).") int warmup;

    @Override
    public Integer call() throws Exception {
        return print(FusionBench.run(new FusionBench.Settings(readable(detections), readable(truth.truth), tracksOut, trackFile, warmup)));
    }
}
