package org.kizuna.picture.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.kizuna.picture.bench.ap.ApFiles;
import org.kizuna.picture.bench.metrics.PictureMetrics;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./kizuna bench metrics}: GOSPA, OSPA and SIAP of any track file against a truth file. */
@Command(name = "metrics", mixinStandardHelpOptions = true, description = "Print GOSPA, OSPA and SIAP of a track file against the truth as JSON.")
public final class MetricsBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tracks", required = true, description = "Tracks CSV (t_s,track_id,x_m,vx_mps,y_m,vy_mps).")
    Path tracks;

    @Option(names = "--truth", required = true, description = "Truth CSV.")
    Path truth;

    @Override
    public Integer call() throws Exception {
        PictureMetrics.Result m = PictureMetrics.evaluate(ApFiles.readStates(truth), ApFiles.readStates(tracks));
        spec.commandLine().getOut().println("{" + m.json() + "}");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
