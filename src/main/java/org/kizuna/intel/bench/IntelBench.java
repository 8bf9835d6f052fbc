package org.kizuna.intel.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jspecify.annotations.Nullable;
import org.kizuna.intel.ReportPage;
import org.kizuna.intel.internal.JdbcReports;
import org.kizuna.intel.internal.ReportReads;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.node.NodeDatabase;
import org.kizuna.search.Search;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The intel read benchmark behind {@code ./kizuna bench intel}: fills a fresh H2 node database with reports of mixed
 * labels, then times the module's own read side ({@link ReportReads}: the label-set decision, the page query, the
 * count, and the read path's decision of the page's portions and links as one query) for several readers, as one JSON
 * object. The read path's listener here only counts queries (a node's appends them to the audit log's ring, which
 * costs the caller well under a microsecond, docs/benchmarks.md "Audit log"). Searches are timed only when a
 * {@link Search} is given (a node's search module); this harness has none of its own.
 */
public final class IntelBench {

    /** How many reports, the random seed, pages and single reads timed per reader, and a search to time (or none). */
    public record Settings(int reports, long seed, int pageReads, int singleReads, @Nullable SearchIndexer search) {

        public Settings(int reports, long seed) {
            this(reports, seed, 400, 400, null);
        }
    }

    /** Builds a search over the benchmark's reports once they are written (the search module's bench interface does). */
    public interface SearchIndexer {
        /** A search over {@code records}, the time its index took to build, and what closes it. */
        Indexed index(java.util.function.Supplier<java.util.stream.Stream<org.kizuna.search.Searchable>> records, ReadPath readPath) throws Exception;
    }

    /** A search built by a {@link SearchIndexer}. */
    public record Indexed(Search search, double buildSeconds, AutoCloseable closer) {
    }

    /** The figures as one JSON object, and the slowest reader's 99th percentile of a page read in milliseconds. */
    public record Report(String json, double pageP99Millis) {
    }

    static final int PAGE = 20;

    /** Portion marks the reports are made of: US and JPN policies, releasable to partners or not, three levels. */
    static final List<String> MARKS = List.of("(U)", "(C)", "(C//REL TO USA, JPN)", "(C//NF)", "(S//REL TO USA, JPN)", "(S//NF)",
            "(S//REL TO USA, AUS, JPN)", "(S//REL TO USA, GBR)", "(//JPN S//REL TO USA, JPN)", "(//JPN C//REL TO USA, JPN)", "(TS//NF)",
            "(S//REL TO USA, AUS, GBR, JPN)");

    /** The readers timed. */
    static final List<Reader> READERS = List.of(Reader.of("USA", "SECRET", Set.of()), Reader.of("JPN", "SECRET", Set.of()),
            Reader.of("USA", "CONFIDENTIAL", Set.of()));

    private final Settings s;

    public IntelBench(Settings settings) {
        if (settings.reports() < 1) throw new IllegalArgumentException("reports must be positive");
        this.s = settings;
    }

    /** Runs on a new node database in {@code dir}. */
    public Report run(Path dir) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.WARN);
        String url = NodeDatabase.h2Url(dir);
        Flyway.configure().dataSource(url, NodeDatabase.h2User(), "").locations("classpath:db/migration").loggers("slf4j").load().migrate();
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, NodeDatabase.h2User(), "");
        try {
            JdbcReports store = new JdbcReports(JdbcClient.create(pool));
            long t0 = System.nanoTime();
            List<String> ids = fill(store, pool);
            double fillSeconds = (System.nanoTime() - t0) / 1e9;
            LabelKernel kernel = LabelKernel.standard().forNode("USA", "TOP SECRET");
            AtomicLong queries = new AtomicLong();
            ReadPath readPath = new ReadPath(kernel, "USA", List.of(q -> queries.incrementAndGet()));
            ReportReads reads = new ReportReads(store, readPath, Clock.systemUTC());
            Random random = new Random(s.seed() + 1);
            StringBuilder json = new StringBuilder();
            json.append(String.format(Locale.ROOT, "{\"benchmark\":\"intel\",\"reports\":%d,\"seed\":%d,\"labelSets\":%d,\"pageSize\":%d,\"fillSeconds\":%.1f",
                    ids.size(), s.seed(), store.labelsets().size(), PAGE, fillSeconds));
            // warm-up: the JIT, the database's caches, each reader's label-set decisions
            for (int i = 0; i < 200; i++) {
                Reader r = READERS.get(i % READERS.size());
                reads.page(r, random.nextInt(10), PAGE);
                reads.single(ids.get(random.nextInt(ids.size())), r);
            }
            double worst = 0;
            json.append(",\"readers\":{");
            for (int k = 0; k < READERS.size(); k++) {
                Reader r = READERS.get(k);
                long[] page = new long[s.pageReads()];
                long total = -1;
                int pages = 1;
                for (int i = 0; i < page.length; i++) {
                    int p = i % 4 == 0 ? 0 : random.nextInt(Math.max(1, Math.min(50, pages)));
                    long a = System.nanoTime();
                    ReportPage result = reads.page(r, p, PAGE);
                    page[i] = System.nanoTime() - a;
                    total = result.total();
                    pages = (int) Math.max(1, (total + PAGE - 1) / PAGE);
                }
                long[] single = new long[s.singleReads()];
                int found = 0;
                for (int i = 0; i < single.length; i++) {
                    String id = ids.get(random.nextInt(ids.size()));
                    long a = System.nanoTime();
                    if (reads.single(id, r).isPresent()) found++;
                    single[i] = System.nanoTime() - a;
                }
                Percentiles pp = new Percentiles(page), sp = new Percentiles(single);
                worst = Math.max(worst, pp.p99);
                if (k > 0) json.append(',');
                json.append(String.format(Locale.ROOT, "\"%s\":{\"readable\":%d,\"page\":%s,\"single\":%s,\"singleFound\":%d}", r, total, pp.json(), sp.json(),
                        found));
            }
            json.append('}');
            json.append(String.format(Locale.ROOT, ",\"pageP99MaxMillis\":%.2f,\"goalPageP99Millis\":50,\"readQueries\":%d", worst, queries.get()));
            SearchIndexer indexer = s.search();
            if (indexer == null) {
                json.append(",\"search\":\"not timed: no search index given\"");
            } else {
                Indexed indexed = indexer.index(() -> store.all().map(e -> org.kizuna.intel.internal.IntelSearch.searchable(e.getKey(), e.getValue())),
                        readPath);
                try (AutoCloseable closer = indexed.closer()) {
                    json.append(String.format(Locale.ROOT, ",\"searchIndexSeconds\":%.1f,\"search\":", indexed.buildSeconds()))
                            .append(searches(indexed.search()));
                }
            }
            json.append('}');
            return new Report(json.toString(), worst);
        } finally {
            pool.dispose();
        }
    }

    /**
     * A page of 20 hits for an English and a Japanese query, each found in about a quarter of the portions (the costly
     * case: the total is exact and the ranking covers every match), for each reader: 20 untimed, then 100 timed.
     */
    private String searches(Search search) {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("en", "vessel");
        queries.put("ja", "商船");
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, String> q : queries.entrySet()) {
            long[] t = new long[100 * READERS.size()];
            int k = 0;
            for (Reader reader : READERS) {
                for (int i = 0; i < 20; i++) search.search(reader, q.getValue(), Set.of("report"), i % 3, PAGE);
                for (int i = 0; i < 100; i++) {
                    long a = System.nanoTime();
                    search.search(reader, q.getValue(), Set.of("report"), i % 3, PAGE);
                    t[k++] = System.nanoTime() - a;
                }
            }
            if (out.length() > 1) out.append(',');
            out.append('"').append(q.getKey()).append("\":").append(new Percentiles(t).json());
        }
        return out.append('}').toString();
    }

    /** The reports, written in batches: a title and one to four portions each, marks drawn from {@link #MARKS}. */
    private List<String> fill(JdbcReports store, JdbcConnectionPool pool) throws Exception {
        Random random = new Random(s.seed());
        Map<String, Long> labelIds = new HashMap<>();
        for (String m : MARKS) labelIds.put(m, store.labelId(Label.parse(m)));
        Map<java.util.SortedSet<Long>, Long> sets = new HashMap<>();
        Map<Long, Long> counts = new HashMap<>();
        List<String> ids = new ArrayList<>(s.reports());
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        String[] texts = {"EXERCISE: a merchant vessel observed on a northerly course, MMSI 9990%05d.", "演習：商船を確認。針路北、速力12ノット（%d）。",
                "EXERCISE: two small craft left harbour before dawn (%d).", "EXERCISE: the exercise area was clear of shipping (%d)."};
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement report = c.prepareStatement(
                    "insert into intel_report (id, nation, author, created_at, labelset_id) values (?, ?, ?, ?, ?)");
                    PreparedStatement portion = c.prepareStatement(
                            "insert into intel_portion (id, report_id, seq, kind, label_id, text, changed_at) values (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < s.reports(); i++) {
                    String id = String.format(Locale.ROOT, "IR-bench%08d", i);
                    int n = 1 + random.nextInt(4);
                    String[] marks = new String[n + 1];
                    marks[0] = MARKS.get(random.nextInt(6));
                    for (int p = 1; p <= n; p++) marks[p] = MARKS.get(random.nextInt(MARKS.size()));
                    TreeSet<Long> set = new TreeSet<>();
                    for (String m : marks) set.add(java.util.Objects.requireNonNull(labelIds.get(m)));
                    long labelset = sets.computeIfAbsent(set, store::labelsetId);
                    counts.merge(labelset, 1L, Long::sum);
                    Timestamp at = Timestamp.from(base.plusSeconds(i * 30L));
                    report.setString(1, id);
                    report.setString(2, "USA");
                    report.setString(3, "bench");
                    report.setTimestamp(4, at);
                    report.setLong(5, labelset);
                    report.addBatch();
                    for (int p = 0; p <= n; p++) {
                        portion.setString(1, id + "-" + p);
                        portion.setString(2, id);
                        portion.setInt(3, p);
                        portion.setString(4, p == 0 ? "title" : "text");
                        portion.setLong(5, java.util.Objects.requireNonNull(labelIds.get(marks[p])));
                        portion.setString(6, String.format(Locale.ROOT, texts[(i + p) % texts.length], i % 100_000));
                        portion.setTimestamp(7, at);
                        portion.addBatch();
                    }
                    ids.add(id);
                    if (i % 1000 == 999) {
                        report.executeBatch();
                        portion.executeBatch();
                        c.commit();
                    }
                }
                report.executeBatch();
                portion.executeBatch();
                c.commit();
            }
        }
        counts.forEach((set, count) -> store.countLabelset(set, count.intValue()));
        return ids;
    }

    /** Percentiles of a sample of nanosecond times, in milliseconds. */
    static final class Percentiles {
        final double p50, p95, p99, max;

        Percentiles(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            p50 = at(sorted, 0.50);
            p95 = at(sorted, 0.95);
            p99 = at(sorted, 0.99);
            max = sorted[sorted.length - 1] / 1e6;
        }

        private static double at(long[] sorted, double q) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
        }

        String json() {
            return String.format(Locale.ROOT, "{\"p50\":%.2f,\"p95\":%.2f,\"p99\":%.2f,\"max\":%.2f}", p50, p95, p99, max);
        }
    }
}
