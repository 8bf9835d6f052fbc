package org.kizuna.picture.bench.abuse;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Delivery latencies of the abuse harness in a fixed number of buckets, so the harness holds the same
 * few kilobytes however long it runs: 0.1 ms buckets up to 100 ms, 1 ms buckets up to 10 s, 100 ms
 * buckets up to 60 s, and one bucket beyond. Percentiles are the upper edge of the bucket that holds them.
 */
public final class LatencyHistogram {

    private static final int FINE = 1_000, COARSE = 9_900, SLOW = 500, BUCKETS = FINE + COARSE + SLOW + 1;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong(), maxMicros = new AtomicLong();

    public void record(long nanos) {
        long us = Math.max(0, nanos / 1000);
        int i = us < 100_000
                ? (int) (us / 100)
                : us < 10_000_000
                        ? FINE + (int) ((us - 100_000) / 1000)
                        : us < 60_000_000
                                ? FINE + COARSE + (int) ((us - 10_000_000) / 100_000)
                                : BUCKETS - 1;
        counts.incrementAndGet(i);
        total.incrementAndGet();
        maxMicros.accumulateAndGet(us, Math::max);
    }

    public long count() {
        return total.get();
    }

    /** The p-quantile (0..1) in milliseconds, NaN without samples, infinite when beyond 60 s. */
    public double percentileMs(double p) {
        long n = total.get();
        if (n == 0) return Double.NaN;
        long rank = Math.max(1, (long) Math.ceil(p * n)), seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) return upperEdgeMs(i);
        }
        return upperEdgeMs(BUCKETS - 1);
    }

    public double maxMs() {
        return total.get() == 0 ? Double.NaN : maxMicros.get() / 1000.0;
    }

    private static double upperEdgeMs(int i) {
        if (i < FINE) return (i + 1) / 10.0;
        if (i < FINE + COARSE) return 100 + (i - FINE + 1);
        if (i < FINE + COARSE + SLOW) return 10_000 + (i - FINE - COARSE + 1) * 100.0;
        return Double.POSITIVE_INFINITY;
    }
}
