package org.kizuna.audit;

import org.kizuna.audit.cli.VerifyCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./kizuna audit}: administration of a node's audit log, without starting the node. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit log administration.",
        subcommands = {
                CommandLine.HelpCommand.class,
                VerifyCommand.class,
        })
public final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
