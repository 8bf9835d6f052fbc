package org.kizuna.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A verb that does one thing and answers its exit code: 0 done, 2 for options it refuses (before
 * anything is done), other codes as the verb says. Every verb has {@code --help} and {@code --version}.
 */
@Command(mixinStandardHelpOptions = true)
abstract class Verb implements Callable<Integer> {

    @Spec CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Refuses the options given: the verb exits with 2 and {@code message}. */
    ParameterException refuse(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Prints {@code report} as one line on standard output; answers exit code 0. */
    int print(Object report) {
        out().println(report);
        out().flush();
        return 0;
    }

    /** {@code file}, refused unless it can be read. */
    Path readable(Path file) {
        if (!Files.isReadable(file)) throw refuse("cannot read " + file);
        return file;
    }
}
