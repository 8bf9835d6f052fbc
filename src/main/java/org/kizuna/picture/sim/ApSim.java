package org.kizuna.picture.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.kizuna.picture.bench.ap.ApFiles;

/**
 * {@code ./kizuna sim ap}: an AP scenario with AP-1's sensors and density for any number of targets,
 * written as the two files {@code ./kizuna bench fusion} reads.
 */
public final class ApSim {

    /** The smallest and largest scenario, in targets. */
    public static final int MIN_TARGETS = 1, MAX_TARGETS = 1_000_000;

    /** The two files written and how many rows each holds. */
    public record Written(Path detections, int detectionCount, Path truth, int truthCount) {
    }

    private ApSim() {
    }

    /** Generates {@code targets} targets from {@code seed} and writes {@code PREFIX_detections.csv} and {@code PREFIX_truth.csv}. */
    public static Written write(int targets, long seed, String prefix) throws IOException {
        ApScenario.Scenario s = ApScenario.generate(targets, seed);
        Path detections = Path.of(prefix + "_detections.csv"), truth = Path.of(prefix + "_truth.csv");
        if (detections.getParent() != null) Files.createDirectories(detections.getParent());
        ApFiles.writeDetections(detections, s.detections());
        ApFiles.writeStates(truth, "t_s,truth_id,x_m,vx_mps,y_m,vy_mps", s.truth());
        return new Written(detections, s.detections().size(), truth, s.truth().size());
    }
}
