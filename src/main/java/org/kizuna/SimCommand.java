package org.kizuna;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./kizuna sim}: scenario generators, each from the module whose benchmark it feeds. */
@Command(name = "sim", mixinStandardHelpOptions = true, description = "Scenario generators.",
        subcommands = {org.kizuna.picture.bench.ApSimCommand.class, org.kizuna.booking.AbbSimCommand.class, CommandLine.HelpCommand.class})
final class SimCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
