package org.kizuna.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.kizuna.audit.AuditRecord;
import org.kizuna.audit.TreeHead;
import org.kizuna.label.Label;

/**
 * Several replicas of one node, each a {@link JdbcAuditLog} of its own on the one database, appending from several threads
 * at once, and the checks that what they stored is one log: it verifies, holds every acknowledged record exactly once, and
 * every signed tree head is the root of the one log at its size.
 */
final class AuditReplicas {

    /** Small batches and short delays, so that the replicas' batches interleave many times. */
    static final JdbcAuditLog.Settings INTERLEAVING = new JdbcAuditLog.Settings(16, Duration.ofMillis(2), Duration.ofMillis(20), 256);

    private AuditReplicas() {
    }

    /** A record whose subject names the replica, the thread and the number, so that each one can be found once. */
    static AuditRecord record(int replica, int thread, int n) {
        return new AuditRecord(AuditRecord.Kind.READ_DECISION, "JPN/SECRET/replica-" + replica, subject(replica, thread, n), "allow", "",
                n % 2 == 0 ? Label.UNCLASSIFIED : Label.parse("SECRET//REL TO USA, JPN"), Instant.parse("2026-04-01T00:00:00Z").plusMillis(n));
    }

    static String subject(int replica, int thread, int n) {
        return "intel/report/r" + replica + "-t" + thread + "-" + n;
    }

    /**
     * Each replica appends {@code perThread} records from each of {@code threads} threads, flushing every {@code flushEvery};
     * returns the subjects that were acknowledged (appended and then flushed).
     */
    static List<String> appendConcurrently(List<JdbcAuditLog> replicas, int threads, int perThread, int flushEvery) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(replicas.size() * threads);
        List<String> acknowledged = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int r = 0; r < replicas.size(); r++) {
                JdbcAuditLog log = replicas.get(r);
                int replica = r;
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    runs.add(pool.submit(() -> {
                        start.await();
                        List<String> mine = new ArrayList<>(perThread);
                        List<String> unflushed = new ArrayList<>(flushEvery);
                        for (int n = 0; n < perThread; n++) {
                            log.append(record(replica, thread, n));
                            unflushed.add(subject(replica, thread, n));
                            if (unflushed.size() == flushEvery || n == perThread - 1) {
                                log.flush();
                                mine.addAll(unflushed);
                                unflushed.clear();
                            }
                        }
                        return mine;
                    }));
                }
            }
            start.countDown();
            for (Future<List<String>> run : runs) {
                acknowledged.addAll(run.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        return acknowledged;
    }

    /**
     * Checks that the stored log is one intact log holding each acknowledged record exactly once; returns how often
     * consecutive entries come from different replicas (how much their batches interleaved).
     */
    static int assertOneLog(DataSource database, Path keysDir, List<String> acknowledged, long expectedSize) throws Exception {
        PublicKey key = NodeKeys.readPublicKey(keysDir.resolve(NodeKeys.PUBLIC));
        try (Connection c = database.getConnection()) {
            LogVerifier.Verdict verdict = new LogVerifier(key, false).verify(c);
            assertThat(verdict.problem()).as(verdict.line()).isNull();
            assertThat(verdict.entries()).isEqualTo(expectedSize);
        }
        Map<String, Integer> stored = new HashMap<>();
        String[] previousActor = {""};
        int[] switches = {0};
        List<byte[]> leaves = new ArrayList<>();
        List<TreeHead> heads;
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            AuditTables.scan(c, 0, (index, record, leaf, label) -> {
                AuditRecord r = RecordCodec.decode(record).record();
                stored.merge(r.subject(), 1, Integer::sum);
                if (!r.actor().equals(previousActor[0])) {
                    switches[0]++;
                    previousActor[0] = r.actor();
                }
                leaves.add(leaf);
            });
            heads = AuditTables.treeHeads(c);
            c.rollback();
        }
        assertThat(leaves).hasSize((int) expectedSize);
        Map<String, Integer> missingOrTwice = new ConcurrentHashMap<>();
        for (String subject : acknowledged) {
            int times = stored.getOrDefault(subject, 0);
            if (times != 1) {
                missingOrTwice.put(subject, times);
            }
        }
        assertThat(missingOrTwice).as("acknowledged records stored other than exactly once").isEmpty();
        assertThat(heads).isNotEmpty();
        assertThat(heads.getLast().size()).isEqualTo(expectedSize);
        for (TreeHead head : heads) {
            assertThat(NodeKeys.verify(key, head)).as("signature of the head at " + head.size()).isTrue();
            assertThat(head.rootHash()).as("root of the head at " + head.size()).isEqualTo(Merkle.root(leaves.subList(0, (int) head.size())));
        }
        for (int i = 1; i < heads.size(); i++) {
            assertThat(heads.get(i).signedAt()).isAfterOrEqualTo(heads.get(i - 1).signedAt());
        }
        return switches[0] - 1;
    }

    static void closeAll(List<JdbcAuditLog> replicas) {
        for (JdbcAuditLog log : replicas) {
            log.close();
        }
    }

    /**
     * Two replicas on {@code database}, three threads each appending {@code perThread} records at once: every acknowledged
     * record is stored once in one log that verifies, and the log passes from one replica's batches to the other's often.
     */
    static void assertTwoReplicasStoreOneLog(DataSource database, Path dataDir, int perThread) throws Exception {
        List<JdbcAuditLog> replicas = List.of(JdbcAuditLog.open(database, dataDir, INTERLEAVING), JdbcAuditLog.open(database, dataDir, INTERLEAVING));
        List<String> acknowledged;
        try {
            acknowledged = appendConcurrently(replicas, 3, perThread, 50);
        } finally {
            closeAll(replicas);
        }
        assertThat(acknowledged).hasSize(2 * 3 * perThread);
        int interleaved = assertOneLog(database, dataDir.resolve("keys"), acknowledged, 2 * 3 * perThread);
        assertThat(interleaved).as("times the log passes from one replica's batch to the other's").isGreaterThan(10);
    }
}
