package org.kizuna.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jspecify.annotations.Nullable;
import org.kizuna.audit.cli.VerifyCommand;
import org.kizuna.audit.internal.JdbcAuditLog;
import org.kizuna.audit.internal.LogVerifier;
import org.kizuna.audit.internal.NodeKeys;
import org.kizuna.label.Label;
import org.kizuna.node.NodeDatabase;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./kizuna bench audit}: appends records to a fresh H2 node database through the real batched
 * writer and prints, as one JSON object, the cost of an append to the caller, the sustained write rate
 * until everything is durable and signed, and the time to verify the whole log.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit log: append cost, durable write rate, and verification time for N entries.")
public final class AuditBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--entries", defaultValue = "100000", description = "Records to append (default: ${DEFAULT-VALUE}).")
    int entries;

    @Option(names = "--threads", defaultValue = "4", description = "Appending threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--data", description = "Keep the node data directory here (for timing ./kizuna audit verify afterwards); default: a temporary directory, deleted.")
    @Nullable Path data;

    @Override
    public Integer call() throws Exception {
        if (entries < 1 || threads < 1) {
            throw new ParameterException(spec.commandLine(), "--entries and --threads must be positive");
        }
        Path dir = data != null ? data.toAbsolutePath() : Files.createTempDirectory("kizuna-bench-audit");
        if (data != null && Files.exists(dir.resolve("kizuna.mv.db"))) {
            throw new ParameterException(spec.commandLine(), "--data " + dir + " already holds a node database; give an empty directory");
        }
        Files.createDirectories(dir);
        try {
            return run(dir);
        } finally {
            if (data == null) {
                delete(dir);
            }
        }
    }

    private int run(Path dir) throws Exception {
        // without Spring, logback would print every Flyway INFO line into the JSON output
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        String url = NodeDatabase.h2Url(dir);
        Flyway.configure().dataSource(url, NodeDatabase.h2User(), "").locations("classpath:db/migration").loggers("slf4j").load().migrate();
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, NodeDatabase.h2User(), "");
        AuditRecord[] records = new AuditRecord[1024];
        Label secret = Label.parse("SECRET//REL TO USA, JPN");
        Label confidential = Label.parse("CONFIDENTIAL//REL TO USA, JPN");
        Instant base = Instant.parse("2026-06-01T00:00:00Z");
        for (int i = 0; i < records.length; i++) {
            records[i] = i % 2 == 0
                    ? new AuditRecord(AuditRecord.Kind.READ_DECISION, "JPN/SECRET/jpn.officer", "picture/track/" + i, i % 4 == 0 ? "allow" : "deny",
                            "", secret, base.plusMillis(i))
                    : new AuditRecord(AuditRecord.Kind.RELEASE, "usa.officer", "intel/report/" + i, "to JPN released [p1]",
                            "withheld [p2: NOFORN]", confidential, base.plusMillis(i));
        }
        JdbcAuditLog.Settings settings = JdbcAuditLog.Settings.defaults();
        JdbcAuditLog auditLog = JdbcAuditLog.open(pool, dir, settings);
        // a burst that fits in the queue shows what an append costs the caller on a hot path; the
        // first burst only warms the code up
        int burst = Math.min(entries / 3, settings.queueCapacity() / 2) / threads * threads;
        appendInParallel(auditLog, records, burst);
        auditLog.flush();
        long burstNanos = appendInParallel(auditLog, records, burst);
        auditLog.flush();
        // the rest runs into the writer's limit: this is the sustained, durable and signed rate
        int sustained = (entries - 2 * burst) / threads * threads;
        long sustainedStart = System.nanoTime();
        appendInParallel(auditLog, records, sustained);
        auditLog.flush();
        long sustainedNanos = System.nanoTime() - sustainedStart;
        int total = 2 * burst + sustained;
        long treeSize = auditLog.latestTreeHead().orElseThrow().size();
        String root = auditLog.latestTreeHead().orElseThrow().rootHex();
        auditLog.close();
        pool.dispose();

        PublicKey key = NodeKeys.readPublicKey(NodeKeys.publicKeyFile(dir));
        LogVerifier.Verdict verdict;
        long verifyStart = System.nanoTime();
        try (Connection c = java.sql.DriverManager.getConnection(VerifyCommand.readOnlyH2Url(dir), NodeDatabase.h2User(), "")) {
            verdict = new LogVerifier(key, false).verify(c);
        }
        long verifyNanos = System.nanoTime() - verifyStart;

        String json = String.format(Locale.ROOT,
                "{\"benchmark\":\"audit\",\"entries\":%d,\"threads\":%d,\"burstRecords\":%d,\"appendNanosPerRecord\":%.0f,"
                        + "\"sustainedRecords\":%d,\"durableRecordsPerSecond\":%.0f,"
                        + "\"treeSize\":%d,\"treeHeads\":%d,\"verifyMillis\":%.1f,\"verified\":%s,\"root\":\"%s\"}",
                total, threads, burst, burst == 0 ? 0.0 : (double) burstNanos * threads / burst,
                sustained, sustained == 0 ? 0.0 : sustained / (sustainedNanos / 1e9),
                treeSize, verdict.treeHeads(), verifyNanos / 1e6, verdict.intact(), root);
        spec.commandLine().getOut().println(json);
        if (!verdict.intact()) {
            spec.commandLine().getErr().println(verdict.line());
            return 1;
        }
        return 0;
    }

    /** Appends {@code count} records from {@link #threads} threads; returns the slowest thread's time. */
    private long appendInParallel(JdbcAuditLog auditLog, AuditRecord[] records, int count) throws InterruptedException {
        int perThread = count / threads;
        long[] nanos = new long[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = Thread.ofPlatform().start(() -> {
                long s = System.nanoTime();
                for (int n = 0; n < perThread; n++) {
                    auditLog.append(records[(n + id) & 1023]);
                }
                nanos[id] = System.nanoTime() - s;
            });
        }
        long slowest = 0;
        for (int t = 0; t < threads; t++) {
            workers[t].join();
            slowest = Math.max(slowest, nanos[t]);
        }
        return slowest;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
