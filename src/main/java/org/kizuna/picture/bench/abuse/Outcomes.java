package org.kizuna.picture.bench.abuse;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the abuse harness saw, counted by kind ({@code "http.nested-json.400"}, {@code
 * "conn.idle-cot.closedByNode"}...). A refused connection or a 401, 413 or 429 is an expected answer to
 * abuse and is counted here, never thrown. The number of kinds is capped so the harness stays bounded
 * whatever the node answers.
 */
public final class Outcomes {

    private static final int MAX_KINDS = 1_000;

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public Outcomes() {
    }

    public void add(String kind) {
        add(kind, 1);
    }

    public void add(String kind, long n) {
        LongAdder a = counts.get(kind);
        if (a == null) {
            if (counts.size() >= MAX_KINDS) kind = "other";
            a = counts.computeIfAbsent(kind, k -> new LongAdder());
        }
        a.add(n);
    }

    public long get(String kind) {
        LongAdder a = counts.get(kind);
        return a == null ? 0 : a.sum();
    }

    /** Kinds in alphabetical order, each with its count. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        counts.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** Counts whose kind starts with the prefix, prefix removed. */
    public Map<String, Long> under(String prefix) {
        Map<String, Long> m = new TreeMap<>();
        counts.forEach((k, v) -> {
            if (k.startsWith(prefix)) m.put(k.substring(prefix.length()), v.sum());
        });
        return m;
    }
}
