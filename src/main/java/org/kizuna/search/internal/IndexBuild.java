package org.kizuna.search.internal;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.kizuna.search.Searchable;

/**
 * Builds the index from record sources: the caller's thread reads the records, {@code threads} workers analyse and
 * index them (a bounded queue between, so a large source is never held in memory). A record the index refuses (too
 * many distinct labels) is logged and skipped.
 */
public final class IndexBuild {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IndexBuild.class);

    private IndexBuild() {
    }

    /** Thrown when the building thread is interrupted (the node stops). */
    public static final class Stopped extends RuntimeException {
        Stopped() {
            super("the search index build was stopped", null, false, false);
        }
    }

    /** Indexes every record of every source and makes them visible; answers how many records were indexed. */
    public static long run(SearchIndex index, List<Supplier<Stream<Searchable>>> sources, int threads) {
        AtomicLong records = new AtomicLong();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), r -> {
            Thread w = new Thread(r, "search-index-build-worker");
            w.setDaemon(true);
            return w;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        index.building();
        try {
            for (Supplier<Stream<Searchable>> source : sources) {
                try (Stream<Searchable> all = source.get()) {
                    all.forEach(r -> {
                        if (Thread.currentThread().isInterrupted()) throw new Stopped();
                        pool.execute(() -> {
                            try {
                                if (index.putBuilt(r)) records.incrementAndGet();
                            } catch (IllegalStateException e) {
                                log.error("search: {}", e.getMessage());
                            }
                        });
                    });
                }
            }
            pool.shutdown();
            if (!pool.awaitTermination(1, TimeUnit.HOURS)) throw new Stopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        } finally {
            pool.shutdownNow();
        }
        index.built();
        return records.get();
    }
}
