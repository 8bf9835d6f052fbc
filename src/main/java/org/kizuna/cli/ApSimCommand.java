package org.kizuna.cli;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kizuna.picture.sim.ApSim;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./kizuna sim ap}: writes AP scenarios for the fusion benchmark. {@code --bias-max} belongs to the
 * AP-2 profile: with AP-1 (which has no registration bias, and whose files published figures rest on) it is
 * refused rather than applied.
 */
@Command(name = "ap", description = "Write an AP scenario (PREFIX_detections.csv, PREFIX_truth.csv, PREFIX_registration.csv) with AP-1's sensors and density, for any number of targets.")
final class ApSimCommand extends Verb {

    @Option(names = "--targets", defaultValue = "100", description = "Number of targets (default: ${DEFAULT-VALUE}).") int targets;
    @Mixin SeedOption seed = new SeedOption(1);
    @Option(names = "--out", required = true, description = "Path prefix of the files.") String prefix;
    @Option(names = "--profile", defaultValue = "AP1", description = "AP1: constant-velocity targets, 20 clutter reports per scan per 100 targets, no bias; AP2: legs of straight flight, turns and speed changes, 30 clutter reports, the JP and AU sensors biased (default: ${DEFAULT-VALUE}).") ApSim.Profile profile;
    @Option(names = "--bias-max", paramLabel = "METRES", description = "AP2 only: each sensor but US carries a constant registration offset drawn uniformly in [-B, B] m per axis (default: 500).")
    @Nullable Double biasMax;

    @Override
    public Integer call() throws Exception {
        if (targets < ApSim.MIN_TARGETS || targets > ApSim.MAX_TARGETS) {
            throw refuse("--targets must be between 1 and 1,000,000; got " + targets);
        }
        if (biasMax != null && profile == ApSim.Profile.AP1) {
            throw refuse("--bias-max applies to --profile ap2 only: AP-1 has no registration bias");
        }
        if (biasMax != null && (!(biasMax >= 0) || biasMax.isInfinite())) {
            throw refuse("--bias-max must be a finite number of metres, not negative; got " + biasMax);
        }
        double bias = profile == ApSim.Profile.AP2 ? (biasMax == null ? ApSim.AP2_BIAS_MAX : biasMax) : 0;
        ApSim.Written w = ApSim.write(profile, targets, seed.seed, bias, prefix);
        return print("wrote " + profile.name().toLowerCase(Locale.ROOT) + ": " + w.detectionCount() + " detections to " + w.detections() + ", "
                + w.truthCount() + " truth states to " + w.truth() + " and the sensors' registration to " + w.registration());
    }
}
