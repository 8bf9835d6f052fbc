package org.kizuna.cli;

import org.kizuna.intel.bench.IntelBench;
import org.kizuna.search.bench.SearchBench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./kizuna bench intel}: the intel module's {@link IntelBench} on a fresh H2 node database. */
@Command(name = "intel", description = "Intelligence reports: latency of a page of reports, of a single report and of a search (English and Japanese) for several readers, N reports of mixed labels.")
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
            java.nio.file.Path index = workspace.dir().resolve("search-index");
            IntelBench.SearchIndexer search = (records, readPath) -> {
                SearchBench.Opened opened = SearchBench.open(java.nio.file.Files.createDirectories(index), records, readPath, 2);
                return new IntelBench.Indexed(opened.search(), opened.buildSeconds(), opened);
            };
            print(new IntelBench(new IntelBench.Settings(reports, seed.seed, 400, 400, search)).run(workspace.dir()).json());
            return 0;
        }
    }
}
