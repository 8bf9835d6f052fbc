package org.kizuna.cli;

import org.kizuna.intel.bench.IntelBench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./kizuna bench intel}: the intel module's {@link IntelBench} on a fresh H2 node database. */
@Command(name = "intel", description = "Intelligence reports: latency of a page of reports and of a single report for several readers, N reports of mixed labels.")
final class IntelBenchCommand extends Verb {

    @Option(names = "--reports", defaultValue = "100000", description = "Reports to write first (default: ${DEFAULT-VALUE}).") int reports;
    @Mixin SeedOption seed = new SeedOption(1);
    @Mixin ScratchDataOption data;

    @Override
    public Integer call() throws Exception {
        if (reports < 1 || reports > 10_000_000) throw refuse("--reports must be 1 to 10000000");
        try (ScratchDataOption.Workspace workspace = data.open("kizuna-bench-intel")) {
            if (java.nio.file.Files.exists(workspace.dir().resolve("kizuna.mv.db"))) {
                throw refuse("--data " + workspace.dir() + " already holds a node database; give an empty directory");
            }
            print(new IntelBench(new IntelBench.Settings(reports, seed.seed)).run(workspace.dir()).json());
            return 0;
        }
    }
}
