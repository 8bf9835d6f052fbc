package org.kizuna.booking;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.kizuna.booking.plan.AbbGenerator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./kizuna sim abb}: writes ABB booking instances of any size and seed for {@code bench booking}. */
@Command(name = "abb", mixinStandardHelpOptions = true,
        description = "Write an ABB booking instance with the published instances' make-up, for any number of requests and seed.")
public final class AbbSimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--requests", defaultValue = "2000", description = "Number of requests (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--seed", defaultValue = "2", description = "Random seed; the same seed gives the same file (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "The instance file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || requests > 200_000) {
            throw new ParameterException(spec.commandLine(), "--requests must be between 1 and 200,000; got " + requests);
        }
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        Files.writeString(out, AbbGenerator.generate(requests, seed));
        spec.commandLine().getOut().println("wrote an ABB instance of " + requests + " requests (seed " + seed + ") to " + out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
