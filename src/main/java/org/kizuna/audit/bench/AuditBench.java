package org.kizuna.audit.bench;

import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.time.Instant;
import java.util.Locale;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.kizuna.audit.AuditRecord;
import org.kizuna.audit.internal.JdbcAuditLog;
import org.kizuna.audit.verify.OfflineVerifier;
import org.kizuna.label.Label;
import org.kizuna.node.NodeDatabase;

/**
 * The audit benchmark behind {@code ./kizuna bench audit}: appends records to a fresh H2 node database
 * through the real batched writer and answers, as one JSON object, the cost of an append to the caller,
 * the sustained write rate until everything is durable and signed, and the time to verify the whole log.
 */
public final class AuditBench {

    /** How many records to append, from how many threads. */
    public record Settings(int entries, int threads) {
    }

    /** The figures as one JSON object, and the verification of the log written. */
    public record Report(String json, OfflineVerifier.Verdict verdict) {
    }

    private final int entries;
    private final int threads;

    public AuditBench(Settings settings) {
        this.entries = settings.entries();
        this.threads = settings.threads();
    }

    /** Runs the benchmark on a new node database in {@code dir}. */
    public Report run(Path dir) throws Exception {
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

        PublicKey key = OfflineVerifier.readPublicKey(OfflineVerifier.publicKeyFile(dir));
        OfflineVerifier.Verdict verdict;
        long verifyStart = System.nanoTime();
        try (Connection c = java.sql.DriverManager.getConnection(OfflineVerifier.readOnlyH2Url(dir), NodeDatabase.h2User(), "")) {
            verdict = OfflineVerifier.verify(c, key, false);
        }
        long verifyNanos = System.nanoTime() - verifyStart;

        String json = String.format(Locale.ROOT,
                "{\"benchmark\":\"audit\",\"entries\":%d,\"threads\":%d,\"burstRecords\":%d,\"appendNanosPerRecord\":%.0f,"
                        + "\"sustainedRecords\":%d,\"durableRecordsPerSecond\":%.0f,"
                        + "\"treeSize\":%d,\"treeHeads\":%d,\"verifyMillis\":%.1f,\"verified\":%s,\"root\":\"%s\"}",
                total, threads, burst, burst == 0 ? 0.0 : (double) burstNanos * threads / burst,
                sustained, sustained == 0 ? 0.0 : sustained / (sustainedNanos / 1e9),
                treeSize, verdict.treeHeads(), verifyNanos / 1e6, verdict.intact(), root);
        return new Report(json, verdict);
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
}
