package org.kizuna.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A verb made of verbs ({@code bench}, {@code sim}, {@code certs}, ...): given none of them, it prints its usage. */
@Command(mixinStandardHelpOptions = true, subcommands = CommandLine.HelpCommand.class)
abstract class VerbGroup implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
