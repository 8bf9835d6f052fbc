package org.kizuna.booking.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.kizuna.booking.plan.AbbGenerator;

/**
 * {@code ./kizuna sim abb}: an ABB booking instance with the published instances' make-up, for any
 * number of requests and seed, written as the file {@code ./kizuna bench booking} reads.
 */
public final class AbbSim {

    /** The largest instance, in requests. */
    public static final int MAX_REQUESTS = 200_000;

    private AbbSim() {
    }

    /** Generates {@code requests} requests from {@code seed} and writes the instance to {@code out}. */
    public static void write(int requests, long seed, Path out) throws IOException {
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        Files.writeString(out, AbbGenerator.generate(requests, seed));
    }
}
