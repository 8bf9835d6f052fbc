package org.kizuna.cli;

import picocli.CommandLine.Command;

/** {@code ./kizuna audit}: administration of a node's audit log, without starting the node. */
@Command(name = "audit", description = "Audit log administration.", subcommands = AuditVerifyCommand.class)
final class AuditCommand extends VerbGroup {
}
