package org.kizuna.picture.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.kizuna.picture.bench.ap.ApFiles;

/**
 * {@code ./kizuna sim ap}: an AP scenario with AP-1's sensors and density for any number of targets,
 * written as the files {@code ./kizuna bench fusion} reads: {@code PREFIX_detections.csv},
 * {@code PREFIX_truth.csv} and {@code PREFIX_registration.csv} (each sensor's true registration offset,
 * for scoring the tracker's estimates; the tracker never reads it). The profile says which scenario:
 * AP-1's constant-velocity targets without bias, or AP-2's manoeuvring targets with biased partner sensors
 * (see {@link ApScenario}).
 */
public final class ApSim {

    /** The smallest and largest scenario, in targets. */
    public static final int MIN_TARGETS = 1, MAX_TARGETS = 1_000_000;

    /** AP-2's largest registration offset per axis (m), unless another is given. */
    public static final double AP2_BIAS_MAX = 500;

    /** Which scenario to write. */
    public enum Profile {
        /** AP-1: constant-velocity targets, 20 clutter reports per scan per 100 targets, no registration bias. */
        AP1,
        /** AP-2: legs of straight flight, turns and speed changes; 30 clutter reports per scan per 100 targets; JP and AU biased. */
        AP2
    }

    /** The files written and how many rows the first two hold. */
    public record Written(Path detections, int detectionCount, Path truth, int truthCount, Path registration) {
    }

    private ApSim() {
    }

    /** An AP-1 scenario: {@link #write(Profile, int, long, double, String)} with no bias. */
    public static Written write(int targets, long seed, String prefix) throws IOException {
        return write(Profile.AP1, targets, seed, 0, prefix);
    }

    /**
     * Generates {@code targets} targets of {@code profile} from {@code seed} and writes {@code PREFIX_detections.csv},
     * {@code PREFIX_truth.csv} and {@code PREFIX_registration.csv}. {@code biasMax}: the largest registration
     * offset per axis of AP-2's biased sensors (m); AP-1 has none and takes only 0.
     */
    public static Written write(Profile profile, int targets, long seed, double biasMax, String prefix) throws IOException {
        ApScenario.Scenario s = ApScenario.generate(profile, targets, seed, biasMax);
        Path detections = Path.of(prefix + "_detections.csv"), truth = Path.of(prefix + "_truth.csv"), registration = Path.of(prefix + "_registration.csv");
        if (detections.getParent() != null) Files.createDirectories(detections.getParent());
        ApFiles.writeDetections(detections, s.detections());
        ApFiles.writeStates(truth, "t_s,truth_id,x_m,vx_mps,y_m,vy_mps", s.truth());
        ApFiles.writeRegistration(registration, s.registration());
        return new Written(detections, s.detections().size(), truth, s.truth().size(), registration);
    }
}
