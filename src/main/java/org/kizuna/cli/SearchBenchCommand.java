package org.kizuna.cli;

import org.kizuna.search.bench.SearchBench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./kizuna bench search}: builds a search index of synthetic labelled records and times pages of hits per reader. */
@Command(name = "search", description = "Search: index N synthetic records of mixed labels (English and Japanese), time pages of 20 hits for three readers.")
final class SearchBenchCommand extends Verb {

    @Option(names = "--records", defaultValue = "100000", description = "Records to index (default: ${DEFAULT-VALUE}).") int records;
    @Option(names = "--runs", defaultValue = "100", description = "Timed searches per query and reader (default: ${DEFAULT-VALUE}).") int runs;
    @Option(names = "--warmup", defaultValue = "20", description = "Untimed searches per query and reader first (default: ${DEFAULT-VALUE}).") int warmup;
    @Option(names = "--threads", defaultValue = "2", description = "Threads that analyse records while building (default: ${DEFAULT-VALUE}).") int threads;
    @Mixin SeedOption seed = new SeedOption(1);

    @Override
    public Integer call() {
        if (records < 1 || records > 10_000_000) throw refuse("--records must be 1 to 10000000");
        if (runs < 1 || warmup < 0 || threads < 1 || threads > 16) throw refuse("--runs must be positive, --warmup 0 or more, --threads 1 to 16");
        return print(SearchBench.run(new SearchBench.Settings(records, seed.seed, runs, warmup, threads)));
    }
}
