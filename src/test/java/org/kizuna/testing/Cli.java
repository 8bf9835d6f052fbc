package org.kizuna.testing;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.kizuna.cli.Kizuna;

import picocli.CommandLine;

/** Runs the {@code ./kizuna} command line in the test's JVM, as the launcher would, and keeps what it printed. */
public final class Cli {

    /** The exit code and what went to standard output and standard error. */
    public record Run(int exit, String out, String err) {
    }

    private Cli() {
    }

    public static Run run(String... args) {
        CommandLine cli = Kizuna.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
