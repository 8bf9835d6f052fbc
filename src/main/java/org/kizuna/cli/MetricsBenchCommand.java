package org.kizuna.cli;

import java.nio.file.Path;

import org.kizuna.picture.bench.MetricsBench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./kizuna bench metrics}: GOSPA, OSPA and SIAP of any track file against a truth file. */
@Command(name = "metrics", description = "Print GOSPA, OSPA and SIAP of a track file against the truth as JSON.")
final class MetricsBenchCommand extends Verb {

    @Option(names = "--tracks", required = true, description = "Tracks CSV (t_s,track_id,x_m,vx_mps,y_m,vy_mps).") Path tracks;
    @Mixin TruthOption truth;

    @Override
    public Integer call() throws Exception {
        return print(MetricsBench.run(tracks, truth.truth));
    }
}
