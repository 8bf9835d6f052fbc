package org.kizuna.picture.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.kizuna.picture.bench.ap.ApFiles;
import org.kizuna.picture.bench.ap.ApScenario;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./kizuna sim ap}: writes AP scenarios for the fusion benchmark. */
@Command(name = "ap", mixinStandardHelpOptions = true,
        description = "Write an AP scenario (PREFIX_detections.csv, PREFIX_truth.csv) with AP-1's sensors and density, for any number of targets.")
public final class ApSimCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--targets", defaultValue = "100", description = "Number of targets (default: ${DEFAULT-VALUE}).")
    int targets;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same files (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "Path prefix of the two files.")
    String out;

    @Override
    public Integer call() throws Exception {
        if (targets < 1 || targets > 1_000_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--targets must be between 1 and 1,000,000; got " + targets);
        }
        ApScenario.Scenario s = ApScenario.generate(targets, seed);
        Path detections = Path.of(out + "_detections.csv"), truth = Path.of(out + "_truth.csv");
        if (detections.getParent() != null) Files.createDirectories(detections.getParent());
        ApFiles.writeDetections(detections, s.detections());
        ApFiles.writeStates(truth, "t_s,truth_id,x_m,vx_mps,y_m,vy_mps", s.truth());
        spec.commandLine().getOut().println("wrote " + s.detections().size() + " detections to " + detections + " and "
                + s.truth().size() + " truth states to " + truth);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
