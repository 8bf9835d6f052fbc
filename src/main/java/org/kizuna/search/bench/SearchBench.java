package org.kizuna.search.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.node.NodeDirectory;
import org.kizuna.search.Search;
import org.kizuna.search.SearchPage;
import org.kizuna.search.Searchable;
import org.kizuna.search.internal.IndexBuild;
import org.kizuna.search.internal.ReadableSearch;
import org.kizuna.search.internal.SearchIndex;

/**
 * The search benchmark behind {@code ./kizuna bench search}: synthesizes report-like records (a title and 3 to 8
 * portions each, under mixed labels, English and Japanese text from a small vocabulary), builds the index as a node
 * does at start (under a scratch directory, two analysing threads), then times pages of 20 hits for English and
 * Japanese queries of varied frequency, for a USA SECRET, a JPN SECRET and a USA CONFIDENTIAL reader, through the
 * whole search path (the read decision, the index, the read path with a listener). One JSON object.
 */
public final class SearchBench {

    /** The goal of issue 13: a page of results in at most this at the 99th percentile. */
    public static final double GOAL_P99_MS = 50;

    /** How many records, the seed, timed runs per query and reader (after {@code warmup} untimed ones), the build's threads. */
    public record Settings(int records, long seed, int runs, int warmup, int threads) {
    }

    static final List<Label> LABELS = Stream.of("UNCLASSIFIED", "UNCLASSIFIED", "SECRET//REL TO USA, JPN", "SECRET//REL TO USA, JPN",
            "SECRET//NOFORN", "//JPN SECRET", "CONFIDENTIAL//REL TO USA, AUS", "CONFIDENTIAL", "SECRET//REL TO USA, AUS, JPN",
            "CONFIDENTIAL//REL TO USA, JPN").map(Label::parse).toList();

    /** Words the queries look for, each with its chance per word of a portion (so from common to rare). */
    static final String[] EN_TERMS = {"exercise", "exercises", "okinawa", "harpoon", "joint", "training"};
    static final double[] EN_CHANCE = {0.004, 0.002, 0.001, 0.0001, 0.003, 0.003};
    static final String[] JA_TERMS = {"訓練", "司令部", "統合作戦司令部", "掃海", "共同", "演習"};
    static final double[] JA_CHANCE = {0.006, 0.002, 0.001, 0.0001, 0.004, 0.004};
    /** Syllables of the English filler words (about 8,000 words of two or three syllables). */
    static final String[] SYLLABLES = "ka lo mi ren tor vak sel pin dra gul mor tes an bi cu fel ho jin ster wal".split(" ");
    /** Japanese filler nouns. */
    static final String[] JA_NOUNS = ("天気 会議 報告 情報 地域 状況 計画 予定 施設 基地 港 空港 海域 上空 車両 人員 装備 通信 整備 燃料 部隊 航空 艦艇 防衛 "
            + "輸送 警戒 監視 調整 派遣 沖縄 横田 哨戒 台風 補給 救難 護衛艦 連絡官 ミサイル レーダー ヘリコプター").split(" ");
    static final String[] PARTICLES = {"は", "を", "に", "の", "と", "で"};
    static final String[] VERBS = {"実施した", "展開する", "確認された", "守った", "行う", "始めました", "支援する"};

    /** The queries timed: English and Japanese, frequent to rare, one and two words. */
    static final List<String> QUERIES = List.of("exercise", "okinawa", "harpoon", "joint training", "訓練", "司令部", "掃海", "統合作戦司令部",
            "共同 演習", "守る");

    static final List<Reader> READERS = List.of(Reader.of("USA", "SECRET", Set.of()), Reader.of("JPN", "SECRET", Set.of()),
            Reader.of("USA", "CONFIDENTIAL", Set.of()));

    private SearchBench() {
    }

    /** The records, record {@code i} drawn from its own seed (so any subset is generated alike). */
    public static Stream<Searchable> records(int n, long seed) {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        return IntStream.range(0, n).mapToObj(i -> {
            Random r = new Random(seed * 1_000_003L + i);
            List<Searchable.Part> parts = new ArrayList<>();
            parts.add(new Searchable.Part("title", LABELS.get(r.nextInt(LABELS.size())), sentence(r, 4 + r.nextInt(4))));
            int portions = 3 + r.nextInt(6);
            for (int p = 1; p <= portions; p++) {
                parts.add(new Searchable.Part("portion-" + p, LABELS.get(r.nextInt(LABELS.size())), sentence(r, 12 + r.nextInt(20))));
            }
            String id = "IR-" + i;
            return new Searchable("report", id, "/intel/#" + id, t0.plusSeconds(i * 60L), parts);
        });
    }

    private static String sentence(Random r, int words) {
        StringBuilder s = new StringBuilder();
        boolean japanese = r.nextInt(10) < 4;
        for (int w = 0; w < words; w++) {
            if (r.nextInt(10) == 0) japanese = !japanese;
            if (japanese) {
                String term = pick(r, JA_TERMS, JA_CHANCE);
                s.append(term != null ? term : JA_NOUNS[r.nextInt(JA_NOUNS.length)])
                        .append(r.nextInt(4) == 0 ? VERBS[r.nextInt(VERBS.length)] + "。" : PARTICLES[r.nextInt(PARTICLES.length)]);
            } else {
                if (!s.isEmpty()) s.append(' ');
                String term = pick(r, EN_TERMS, EN_CHANCE);
                if (term != null) {
                    s.append(term);
                } else {
                    int syllables = 2 + r.nextInt(2);
                    for (int i = 0; i < syllables; i++) s.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
                }
            }
        }
        return s.toString();
    }

    private static @Nullable String pick(Random r, String[] terms, double[] chance) {
        double u = r.nextDouble();
        for (int i = 0; i < terms.length; i++) {
            if (u < chance[i]) return terms[i];
            u -= chance[i];
        }
        return null;
    }

    /** An index built over given records, searched through the read path as the node's search is; close it when done. */
    public record Opened(Search search, long records, double buildSeconds, AutoCloseable index) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            index.close();
        }
    }

    /**
     * Builds an index in {@code dir} (empty) over {@code records} with {@code threads} threads, for another module's harness
     * to time searches over its own records (the intel benchmark's reports).
     */
    public static Opened open(Path dir, Supplier<Stream<Searchable>> records, ReadPath readPath, int threads) throws IOException {
        SearchIndex index = new SearchIndex(FSDirectory.open(dir), new SearchIndex.Settings(32, 0.5, 10_000));
        long t0 = System.nanoTime();
        long indexed = IndexBuild.run(index, List.of(records), threads);
        ReadableSearch readable = new ReadableSearch(index, readPath);
        return new Opened(readable::search, indexed, (System.nanoTime() - t0) / 1e9, index);
    }

    public static String run(Settings s) {
        Path dir;
        try {
            dir = Files.createTempDirectory("kizuna-bench-search");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return run(s, dir);
        } finally {
            NodeDirectory.delete(dir);
        }
    }

    private static String run(Settings s, Path dir) {
        double loadBefore = load();
        long heapBefore = heapAfterGc();
        LabelKernel kernel = LabelKernel.standard();
        long[] audited = {0};
        ReadPath readPath = new ReadPath(kernel, "USA", List.of(q -> audited[0]++));
        try (SearchIndex index = new SearchIndex(FSDirectory.open(dir), new SearchIndex.Settings(32, 0.5, 10_000))) {
            long t0 = System.nanoTime();
            List<Supplier<Stream<Searchable>>> sources = List.of(() -> records(s.records(), s.seed()));
            long indexed = IndexBuild.run(index, sources, s.threads());
            double buildSeconds = (System.nanoTime() - t0) / 1e9;
            long parts = records(s.records(), s.seed()).mapToLong(r -> r.parts().size()).sum();
            long heapIndexed = heapAfterGc();
            long indexBytes = size(dir);
            ReadableSearch search = new ReadableSearch(index, readPath);
            StringBuilder json = new StringBuilder();
            json.append("{\"records\": ").append(indexed).append(", \"parts\": ").append(parts).append(", \"labels\": ").append(index.labels())
                    .append(", \"seed\": ").append(s.seed()).append(", \"build_threads\": ").append(s.threads())
                    .append(", \"build_seconds\": ").append(round(buildSeconds, 1))
                    .append(", \"records_per_s\": ").append(Math.round(indexed / buildSeconds))
                    .append(", \"index_mb_on_disk\": ").append(round(indexBytes / 1e6, 1))
                    .append(", \"heap_mb_after_gc\": ").append(round(heapIndexed / 1e6, 1))
                    .append(", \"heap_mb_before\": ").append(round(heapBefore / 1e6, 1))
                    .append(", \"page_size\": 20, \"runs\": ").append(s.runs()).append(", \"queries\": [");
            List<Double> all = new ArrayList<>();
            boolean first = true;
            for (String q : QUERIES) {
                for (Reader reader : READERS) {
                    for (int i = 0; i < s.warmup(); i++) search.search(reader, q, Set.of(), 0, 20);
                    double[] ms = new double[s.runs()];
                    SearchPage page = null;
                    for (int i = 0; i < s.runs(); i++) {
                        long a = System.nanoTime();
                        page = search.search(reader, q, Set.of(), i % 3, 20);
                        ms[i] = (System.nanoTime() - a) / 1e6;
                        all.add(ms[i]);
                    }
                    Arrays.sort(ms);
                    if (!first) json.append(", ");
                    first = false;
                    json.append("{\"q\": \"").append(q).append("\", \"reader\": \"").append(reader.nation()).append('/').append(reader.level())
                            .append("\", \"total\": ").append(page == null ? 0 : page.total()).append(", \"p50_ms\": ").append(round(pct(ms, 50), 2))
                            .append(", \"p95_ms\": ").append(round(pct(ms, 95), 2)).append(", \"p99_ms\": ").append(round(pct(ms, 99), 2)).append("}");
                }
            }
            double[] every = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double p99 = pct(every, 99);
            json.append("], \"overall\": {\"searches\": ").append(every.length).append(", \"p50_ms\": ").append(round(pct(every, 50), 2))
                    .append(", \"p95_ms\": ").append(round(pct(every, 95), 2)).append(", \"p99_ms\": ").append(round(p99, 2))
                    .append(", \"max_ms\": ").append(round(every.length == 0 ? 0 : every[every.length - 1], 2)).append("}")
                    .append(", \"audited_queries\": ").append(audited[0])
                    .append(", \"goal_p99_ms\": ").append(GOAL_P99_MS).append(", \"goal_met\": ").append(p99 <= GOAL_P99_MS)
                    .append(", \"cores\": ").append(Runtime.getRuntime().availableProcessors())
                    .append(", \"load_average\": [").append(round(loadBefore, 2)).append(", ").append(round(load(), 2)).append("]}");
            return json.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double round(double v, int digits) {
        return Double.parseDouble(String.format(Locale.ROOT, "%." + digits + "f", v));
    }

    /** The machine's load average over the last minute (other processes share its cores). */
    private static double load() {
        return Math.max(0, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }
}
