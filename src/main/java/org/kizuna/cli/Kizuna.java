package org.kizuna.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./kizuna} command line: runs a node, checks markings, runs benchmarks and administers a
 * node. Verbs that need no running node start no Spring context, so they answer in well under a second.
 * The launcher script runs this class (the jar's main class).
 */
@Command(name = "kizuna", versionProvider = Kizuna.Version.class, description = "Kizuna: alliance coordination platform. One node per nation; nodes federate through a guard.", subcommands = {
        StartCommand.class,
        DemoCommand.class,
        BenchCommand.class,
        AuditCommand.class,
        SimCommand.class,
        CertsCommand.class,
        LabelCommand.class,
})
public final class Kizuna extends VerbGroup {

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0 || (!StartCommand.isServing() && !DemoCommand.isServing())) {
            System.exit(code);
        }
    }

    /** The command line with every verb, as tests drive it. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Kizuna());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("kizuna: " + ex.getMessage());
            return 2;
        });
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Kizuna.class.getPackage().getImplementationVersion();
            return new String[]{"kizuna " + (v == null ? "development build" : v)};
        }
    }
}
