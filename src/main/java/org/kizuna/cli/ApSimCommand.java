package org.kizuna.cli;

import org.kizuna.picture.sim.ApSim;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./kizuna sim ap}: writes AP scenarios for the fusion benchmark. */
@Command(name = "ap", description = "Write an AP scenario (PREFIX_detections.csv, PREFIX_truth.csv) with AP-1's sensors and density, for any number of targets.")
final class ApSimCommand extends Verb {

    @Option(names = "--targets", defaultValue = "100", description = "Number of targets (default: ${DEFAULT-VALUE}).") int targets;
    @Mixin SeedOption seed = new SeedOption(1);
    @Option(names = "--out", required = true, description = "Path prefix of the two files.") String prefix;

    @Override
    public Integer call() throws Exception {
        if (targets < ApSim.MIN_TARGETS || targets > ApSim.MAX_TARGETS) {
            throw refuse("--targets must be between 1 and 1,000,000; got " + targets);
        }
        ApSim.Written w = ApSim.write(targets, seed.seed, prefix);
        return print("wrote " + w.detectionCount() + " detections to " + w.detections() + " and " + w.truthCount() + " truth states to " + w.truth());
    }
}
