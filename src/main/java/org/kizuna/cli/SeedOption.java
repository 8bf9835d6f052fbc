package org.kizuna.cli;

import picocli.CommandLine.Option;

/** {@code --seed} of a generator: the same seed gives the same output. */
final class SeedOption {

    @Option(names = "--seed", description = "Random seed; the same seed gives the same output (default: ${DEFAULT-VALUE}).") long seed;

    SeedOption(long defaultSeed) {
        this.seed = defaultSeed;
    }
}
