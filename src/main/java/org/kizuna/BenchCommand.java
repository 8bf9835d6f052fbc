package org.kizuna;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./kizuna bench}: benchmark harnesses that print figures as one JSON object each. Benchmarks are
 * verbs, never timed tests; their results and commands are kept in {@code docs/benchmarks.md}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: each prints one JSON object with its figures.",
        subcommands = {
                CommandLine.HelpCommand.class,
                org.kizuna.audit.AuditBenchCommand.class,
                org.kizuna.picture.bench.FanoutBench.class,
                org.kizuna.picture.bench.FusionBenchCommand.class,
                org.kizuna.picture.bench.MetricsBenchCommand.class,
                org.kizuna.booking.BookingBenchCommand.class,
                AbuseBench.class,
        })
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
