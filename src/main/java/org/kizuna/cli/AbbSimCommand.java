package org.kizuna.cli;

import java.nio.file.Path;

import org.kizuna.booking.sim.AbbSim;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./kizuna sim abb}: writes ABB booking instances of any size and seed for {@code bench booking}. */
@Command(name = "abb", description = "Write an ABB booking instance with the published instances' make-up, for any number of requests and seed.")
final class AbbSimCommand extends Verb {

    @Option(names = "--requests", defaultValue = "2000", description = "Number of requests (default: ${DEFAULT-VALUE}).") int requests;
    @Mixin SeedOption seed = new SeedOption(2);
    @Option(names = "--out", required = true, description = "The instance file to write.") Path out;

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || requests > AbbSim.MAX_REQUESTS) {
            throw refuse("--requests must be between 1 and 200,000; got " + requests);
        }
        AbbSim.write(requests, seed.seed, out);
        return print("wrote an ABB instance of " + requests + " requests (seed " + seed.seed + ") to " + out);
    }
}
