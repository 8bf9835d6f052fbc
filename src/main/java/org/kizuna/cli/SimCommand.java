package org.kizuna.cli;

import picocli.CommandLine.Command;

/** {@code ./kizuna sim}: scenario generators, each from the module whose benchmark it feeds. */
@Command(name = "sim", description = "Scenario generators.", subcommands = {ApSimCommand.class, AbbSimCommand.class})
final class SimCommand extends VerbGroup {
}
