package org.kizuna.audit.internal;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.kizuna.audit.AuditEntry;
import org.kizuna.audit.AuditLog;
import org.kizuna.audit.AuditRecord;
import org.kizuna.audit.TreeHead;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log in the node's database. Appends go to a bounded queue; one writer thread turns each
 * batch into entries and a signed tree head in a single transaction, keeping the tree's right edge in
 * memory so a batch costs O(batch x log n) hashes.
 */
@Component
class JdbcAuditLog implements AuditLog, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JdbcAuditLog.class);
    private static final int BATCH = 4096;
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final ObjectProvider<ReadPath> readPath;
    private final KeyPair key;
    private final Clock clock = Clock.systemUTC();
    private final BlockingQueue<AuditRecord> queue = new ArrayBlockingQueue<>(65_536);
    private final AtomicLong accepted = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition durable = lock.newCondition();
    private long written;
    private Merkle.Frontier frontier = new Merkle.Frontier();
    private volatile boolean running;
    private Thread writer;

    JdbcAuditLog(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, ObjectProvider<ReadPath> readPath,
                 @Value("${kizuna.data-dir:./data/USA}") String dataDir) {
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.readPath = readPath;
        this.key = NodeKeys.loadOrCreate(Path.of(dataDir));
        jdbc.sql("select leaf_hash from audit_entry order by idx").query(String.class).list()
                .forEach(h -> frontier.append(HEX.parseHex(h)));
    }

    @Override
    public void append(AuditRecord record) {
        try {
            queue.put(record);
            accepted.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while appending to the audit log", e);
        }
    }

    @Override
    public void flush() {
        long target = accepted.get();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        lock.lock();
        try {
            while (written < target) {
                if (!running) {
                    writeBatches();
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the audit log did not become durable within 30 s");
                }
                durable.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<TreeHead> latestTreeHead() {
        return jdbc.sql("select * from audit_tree_head order by tree_size desc limit 1")
                .query((rs, n) -> new TreeHead(rs.getLong("tree_size"), HEX.parseHex(rs.getString("root_hash")),
                        Instant.ofEpochMilli(rs.getLong("signed_at")), Base64.getDecoder().decode(rs.getString("signature"))))
                .optional();
    }

    @Override
    public List<byte[]> inclusionProof(long index, long treeSize) {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("entry " + index + " is not in a tree of " + treeSize + " entries");
        }
        List<byte[]> leaves = jdbc.sql("select leaf_hash from audit_entry where idx < ? order by idx").param(treeSize)
                .query(String.class).list().stream().map(HEX::parseHex).toList();
        if (leaves.size() != treeSize) {
            throw new IllegalArgumentException("the log has " + leaves.size() + " entries, not " + treeSize);
        }
        return Merkle.inclusionProof(leaves, (int) index, 0, leaves.size());
    }

    @Override
    public List<AuditEntry> entries(long from, int limit, Reader reader) {
        List<AuditEntry> entries = jdbc.sql("select idx, record from audit_entry where idx >= ? order by idx limit ?")
                .params(from, Math.min(limit, 1000))
                .query((rs, n) -> new AuditEntry(rs.getLong("idx"),
                        RecordCodec.decode(Base64.getDecoder().decode(rs.getString("record"))).record()))
                .list();
        return readPath.getObject().readable(entries, reader, e -> "audit/entry/" + e.index());
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                AuditRecord first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                lock.lock();
                try {
                    List<AuditRecord> batch = new ArrayList<>(BATCH);
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    write(batch);
                } finally {
                    lock.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("audit batch not written; retrying: {}", e.getMessage());
                sleep();
            }
        }
    }

    /** Writes what is queued, from the calling thread; used when the writer is not running. */
    private void writeBatches() {
        List<AuditRecord> batch = new ArrayList<>();
        queue.drainTo(batch);
        if (!batch.isEmpty()) write(batch);
    }

    /** Called with the lock held. On failure nothing is written, the frontier is restored and the batch is retried. */
    private void write(List<AuditRecord> batch) {
        long start = frontier.size();
        Merkle.Frontier trial = frontier.copy();
        List<Object[]> rows = new ArrayList<>(batch.size());
        long index = start;
        for (AuditRecord r : batch) {
            byte[] bytes = RecordCodec.encode(index, r);
            byte[] leaf = Merkle.leafHash(bytes);
            trial.append(leaf);
            rows.add(new Object[] {index, Base64.getEncoder().encodeToString(bytes), HEX.formatHex(leaf), r.label().banner()});
            index++;
        }
        byte[] root = trial.root();
        long at = clock.millis();
        byte[] signature = NodeKeys.sign(key.getPrivate(), trial.size(), root, at);
        while (true) {
            try {
                tx.executeWithoutResult(s -> {
                    template.batchUpdate("insert into audit_entry (idx, record, leaf_hash, label) values (?, ?, ?, ?)", rows);
                    jdbc.sql("insert into audit_tree_head (tree_size, root_hash, signed_at, signature) values (?, ?, ?, ?)")
                            .params(trial.size(), HEX.formatHex(root), at, Base64.getEncoder().encodeToString(signature)).update();
                });
                break;
            } catch (RuntimeException e) {
                log.error("audit batch of {} records not written; retrying: {}", batch.size(), e.getMessage());
                sleep();
            }
        }
        frontier = trial;
        written += batch.size();
        durable.signalAll();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().name("audit-writer").daemon(true).start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        try {
            if (writer != null) writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            writeBatches();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stops after the web server, so that records of the last requests are written.
        return Integer.MIN_VALUE + 100;
    }
}
