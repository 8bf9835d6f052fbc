package org.kizuna.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.kizuna.audit.bench.AuditBench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./kizuna bench audit}: the audit module's {@link AuditBench} on a fresh H2 node database; with
 * {@code --data} the database is kept, for timing {@code ./kizuna audit verify} afterwards.
 */
@Command(name = "audit", description = "Audit log: append cost, durable write rate, and verification time for N entries.")
final class AuditBenchCommand extends Verb {

    @Option(names = "--entries", defaultValue = "100000", description = "Records to append (default: ${DEFAULT-VALUE}).") int entries;
    @Option(names = "--threads", defaultValue = "4", description = "Appending threads (default: ${DEFAULT-VALUE}).") int threads;
    @Mixin ScratchDataOption data;

    @Override
    public Integer call() throws Exception {
        if (entries < 1 || threads < 1) throw refuse("--entries and --threads must be positive");
        Path kept = data.kept();
        if (kept != null && Files.exists(kept.resolve("kizuna.mv.db"))) {
            throw refuse("--data " + kept + " already holds a node database; give an empty directory");
        }
        try (ScratchDataOption.Workspace workspace = data.open("kizuna-bench-audit")) {
            AuditBench.Report report = new AuditBench(new AuditBench.Settings(entries, threads)).run(workspace.dir());
            print(report.json());
            if (report.verdict().intact()) return 0;
            err().println(report.verdict().line());
            return 1;
        }
    }
}
