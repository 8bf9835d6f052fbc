package org.kizuna.cli;

import picocli.CommandLine.Command;

/**
 * {@code ./kizuna bench}: benchmark harnesses that print figures as one JSON object each. Benchmarks are
 * verbs, never timed tests; their results and commands are kept in {@code docs/benchmarks.md}.
 */
@Command(name = "bench", description = "Benchmarks: each prints one JSON object with its figures.", subcommands = {
        AuditBenchCommand.class,
        FanoutBenchCommand.class,
        FusionBenchCommand.class,
        MetricsBenchCommand.class,
        BookingBenchCommand.class,
        AbuseBenchCommand.class,
        IntelBenchCommand.class,
        SearchBenchCommand.class,
        FederationBenchCommand.class,
        ClusterBenchCommand.class,
})
final class BenchCommand extends VerbGroup {
}
