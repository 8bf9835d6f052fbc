package org.kizuna.audit.internal;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.kizuna.audit.AuditEntry;
import org.kizuna.audit.AuditLog;
import org.kizuna.audit.AuditRecord;
import org.kizuna.audit.ConsistencyProof;
import org.kizuna.audit.InclusionProof;
import org.kizuna.audit.SignedTreeHead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log on the node's database. Callers only take an index and enqueue; one writer thread
 * encodes, hashes and inserts batches, extends the in-memory {@link Frontier} and signs a tree head in
 * the same transaction when someone waits in {@link #flush()} or the tree-head interval has passed, so a
 * stored tree head always matches the stored entries.
 */
public final class JdbcAuditLog implements AuditLog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JdbcAuditLog.class);

    /**
     * Tuning of the writer.
     *
     * @param batchSize        most entries per transaction
     * @param maxDelay         longest an entry waits in the queue before its batch is written
     * @param treeHeadInterval longest stored entries stay without a signed tree head
     * @param queueCapacity    appends block when this many records wait
     */
    public record Settings(int batchSize, Duration maxDelay, Duration treeHeadInterval, int queueCapacity) {
        public Settings {
            if (batchSize < 1 || queueCapacity < batchSize) {
                throw new IllegalArgumentException("audit batch size must be positive and at most the queue capacity");
            }
        }

        public static Settings defaults() {
            return new Settings(2048, Duration.ofMillis(100), Duration.ofSeconds(1), 65_536);
        }
    }

    private record Pending(long index, AuditRecord record) {
    }

    private static final class FlushRequest {
        final CountDownLatch done = new CountDownLatch(1);
    }

    private final DataSource dataSource;
    private final KeyPair keys;
    private final Settings settings;
    private final ArrayBlockingQueue<Object> queue;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final ChunkHashes chunks = new ChunkHashes();
    private final Thread writer;

    private long nextIndex; // guarded by appendLock
    private volatile boolean closed;
    private volatile boolean stopping;
    private volatile SignedTreeHead latest;

    // owned by the writer thread after construction
    private Frontier frontier = new Frontier();
    private long lastHeadNanos;

    private JdbcAuditLog(DataSource dataSource, KeyPair keys, Settings settings) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.writer = Thread.ofPlatform().name("audit-writer").daemon(true).unstarted(this::runWriter);
    }

    /**
     * Opens the log: loads (or creates) the node key under {@code dataDir/keys}, rebuilds the tree from
     * the stored leaf hashes, refuses a log that no longer matches its latest tree head, signs a head for
     * any stored entries not yet covered, and starts the writer.
     */
    public static JdbcAuditLog open(DataSource dataSource, Path dataDir, Settings settings) {
        JdbcAuditLog auditLog = new JdbcAuditLog(dataSource, NodeKeys.loadOrCreate(dataDir), settings);
        try {
            auditLog.recover();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
        }
        auditLog.writer.start();
        return auditLog;
    }

    private void recover() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            SignedTreeHead head = AuditTables.latestTreeHead(c);
            long headSize = head == null ? 0 : head.treeSize();
            byte[][] rootAtHead = {head == null ? null : (headSize == 0 ? Rfc6962.emptyRoot() : null)};
            Frontier f = new Frontier();
            AuditTables.scan(c, 0, false, (index, record, leafHash) -> {
                if (index != f.size()) {
                    throw new IllegalStateException("audit log has no entry " + f.size() + " (next stored entry is " + index
                            + "); run ./kizuna audit verify");
                }
                f.append(leafHash, 0, chunks::add);
                if (f.size() == headSize) {
                    rootAtHead[0] = f.root();
                }
            });
            c.commit();
            if (head != null && (rootAtHead[0] == null || !MessageDigest.isEqual(rootAtHead[0], head.rootHash()))) {
                throw new IllegalStateException("audit log no longer matches its tree head at size " + headSize + "; run ./kizuna audit verify");
            }
            frontier = f;
            nextIndex = f.size();
            latest = head;
            if (head == null || f.size() > headSize) {
                SignedTreeHead signed = sign(f);
                AuditTables.insert(c, signed);
                c.commit();
                latest = signed;
            }
            lastHeadNanos = System.nanoTime();
        }
    }

    @Override
    public long append(AuditRecord record) {
        appendLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the audit log is closed");
            }
            long index = nextIndex;
            queue.put(new Pending(index, record));
            nextIndex = index + 1;
            if (queue.size() >= settings.batchSize()) {
                java.util.concurrent.locks.LockSupport.unpark(writer);
            }
            return index;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the audit queue was full; the record was not logged", e);
        } finally {
            appendLock.unlock();
        }
    }

    @Override
    public void flush() {
        if (stopping) {
            return;
        }
        FlushRequest request = new FlushRequest();
        try {
            queue.put(request);
            request.done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the audit log to flush", e);
        }
    }

    @Override
    public SignedTreeHead latestTreeHead() {
        return latest;
    }

    @Override
    public byte[] publicKey() {
        return keys.getPublic().getEncoded();
    }

    @Override
    public InclusionProof inclusionProof(long index, long treeSize) {
        checkSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("entry " + index + " is not in the tree of size " + treeSize);
        }
        try (Connection c = dataSource.getConnection()) {
            StoredSubtrees tree = new StoredSubtrees(c, treeSize);
            return new InclusionProof(index, treeSize, tree.hash(index, index + 1), Rfc6962.inclusionPath(index, treeSize, tree));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
        }
    }

    @Override
    public ConsistencyProof consistencyProof(long firstSize, long secondSize) {
        checkSize(secondSize);
        if (firstSize < 0 || firstSize > secondSize) {
            throw new IllegalArgumentException("first size " + firstSize + " must be between 0 and second size " + secondSize);
        }
        try (Connection c = dataSource.getConnection()) {
            return new ConsistencyProof(firstSize, secondSize, Rfc6962.consistencyProof(firstSize, secondSize, new StoredSubtrees(c, secondSize)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
        }
    }

    private void checkSize(long treeSize) {
        long signed = latest.treeSize();
        if (treeSize < 0 || treeSize > signed) {
            throw new IllegalArgumentException("tree size " + treeSize + " is beyond the latest signed tree head (size " + signed + ")");
        }
    }

    @Override
    public List<AuditEntry> entries(long fromIndex, int limit, Predicate<String> mayReadBanner) {
        List<AuditEntry> out = new ArrayList<>(Math.min(Math.max(limit, 0), 1000));
        if (limit <= 0) {
            return out;
        }
        final class Full extends RuntimeException {
            Full() {
                super(null, null, false, false);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                AuditTables.scan(c, Math.max(0, fromIndex), true, (index, record, leafHash) -> {
                    AuditRecord r = RecordCodec.decode(record).record();
                    if (mayReadBanner.test(r.label())) {
                        out.add(new AuditEntry(index, r));
                        if (out.size() == limit) {
                            throw new Full();
                        }
                    }
                });
            } catch (Full enough) {
                // the page is complete; stop reading
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public Optional<AuditEntry> entry(long index, Predicate<String> mayReadBanner) {
        try (Connection c = dataSource.getConnection()) {
            byte[] bytes = AuditTables.record(c, index);
            if (bytes == null) {
                return Optional.empty();
            }
            AuditRecord r = RecordCodec.decode(bytes).record();
            return mayReadBanner.test(r.label()) ? Optional.of(new AuditEntry(index, r)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
        }
    }

    /** Writes everything queued, signs a final tree head and stops the writer. */
    @Override
    public void close() {
        appendLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            appendLock.unlock();
        }
        FlushRequest last = new FlushRequest();
        try {
            queue.put(last);
            if (!last.done.await(30, TimeUnit.SECONDS)) {
                log.error("audit log: {} queued records could not be written within 30 s of shutdown", queue.size());
            }
            stopping = true;
            writer.interrupt();
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- writer thread ----

    private void runWriter() {
        List<Pending> batch = new ArrayList<>(settings.batchSize());
        List<FlushRequest> waiters = new ArrayList<>();
        List<Object> drained = new ArrayList<>(settings.batchSize());
        long maxDelay = settings.maxDelay().toNanos();
        while (!stopping) {
            try {
                Object first = queue.poll(Math.max(1, settings.treeHeadInterval().toMillis() / 2), TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (frontier.size() > latest.treeSize() && headDue()) {
                        writeWithRetry(List.of(), true);
                    }
                    continue;
                }
                batch.clear();
                waiters.clear();
                route(first, batch, waiters);
                long deadline = System.nanoTime() + maxDelay;
                while (waiters.isEmpty() && batch.size() < settings.batchSize()) {
                    drained.clear();
                    queue.drainTo(drained, settings.batchSize() - batch.size());
                    for (Object o : drained) {
                        route(o, batch, waiters);
                    }
                    if (!waiters.isEmpty() || batch.size() >= settings.batchSize()) {
                        break;
                    }
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        break;
                    }
                    Object next = queue.poll(remaining, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    route(next, batch, waiters);
                }
                boolean signNow = !waiters.isEmpty() || headDue();
                if (!batch.isEmpty() || (signNow && frontier.size() > latest.treeSize())) {
                    writeWithRetry(batch, signNow);
                }
                for (FlushRequest w : waiters) {
                    w.done.countDown();
                }
            } catch (InterruptedException e) {
                // close() interrupts only after the last flush completed
                if (stopping) {
                    return;
                }
            }
        }
    }

    private static void route(Object o, List<Pending> batch, List<FlushRequest> waiters) {
        if (o instanceof Pending p) {
            batch.add(p);
        } else {
            waiters.add((FlushRequest) o);
        }
    }

    private boolean headDue() {
        return System.nanoTime() - lastHeadNanos >= settings.treeHeadInterval().toNanos();
    }

    private void writeWithRetry(List<Pending> batch, boolean signHead) throws InterruptedException {
        long backoff = 50;
        while (true) {
            try {
                write(batch, signHead);
                return;
            } catch (SQLException | RuntimeException e) {
                log.warn("audit log: writing {} records failed, retrying in {} ms: {}", batch.size(), backoff, e.getMessage());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void write(List<Pending> batch, boolean signHead) throws SQLException {
        Frontier next = frontier.copy();
        List<byte[]> closedChunks = new ArrayList<>(2);
        List<AuditTables.Row> rows = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            if (p.index() != next.size()) {
                throw new IllegalStateException("audit writer expected entry " + next.size() + " but got " + p.index());
            }
            byte[] bytes = RecordCodec.encode(p.index(), p.record());
            byte[] leaf = Rfc6962.leafHash(bytes);
            next.append(leaf, 0, (chunk, hash, offset) -> closedChunks.add(java.util.Arrays.copyOfRange(hash, offset, offset + 32)));
            rows.add(new AuditTables.Row(p.index(), bytes, leaf));
        }
        SignedTreeHead head = signHead ? sign(next) : null;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!rows.isEmpty()) {
                    AuditTables.insert(c, rows);
                }
                if (head != null) {
                    AuditTables.insert(c, head);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        long firstChunk = chunks.count();
        for (int i = 0; i < closedChunks.size(); i++) {
            chunks.add(firstChunk + i, closedChunks.get(i), 0);
        }
        frontier = next;
        if (head != null) {
            latest = head;
            lastHeadNanos = System.nanoTime();
        }
    }

    private SignedTreeHead sign(Frontier f) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SignedTreeHead previous = latest;
        if (previous != null && now.isBefore(previous.timestamp())) {
            now = previous.timestamp(); // tree heads never go back in time, even when the clock does
        }
        byte[] root = f.root();
        byte[] signature = NodeKeys.sign(keys.getPrivate(), SignedTreeHead.signedBytes(f.size(), root, now));
        return new SignedTreeHead(f.size(), root, now, signature);
    }

    /** Subtree hashes for proofs: complete 256-leaf chunks from memory, other leaves from the database chunk by chunk. */
    private final class StoredSubtrees implements Rfc6962.Subtrees {
        private final Connection connection;
        private final long treeSize;
        private final Map<Long, List<AuditTables.Row>> loaded = new HashMap<>();

        StoredSubtrees(Connection connection, long treeSize) {
            this.connection = connection;
            this.treeSize = treeSize;
        }

        @Override
        public byte[] hash(long from, long to) {
            long n = to - from;
            if (n == 1) {
                return leaf(from);
            }
            if (n == Frontier.CHUNK_SIZE && from % Frontier.CHUNK_SIZE == 0) {
                byte[] h = chunks.get(from / Frontier.CHUNK_SIZE);
                if (h != null) {
                    return h;
                }
            }
            long k = Rfc6962.split(n);
            return Rfc6962.nodeHash(hash(from, from + k), hash(from + k, to));
        }

        private byte[] leaf(long index) {
            long chunk = index / Frontier.CHUNK_SIZE;
            List<AuditTables.Row> rows = loaded.computeIfAbsent(chunk, this::load);
            int offset = (int) (index - chunk * Frontier.CHUNK_SIZE);
            if (offset >= rows.size() || rows.get(offset).index() != index) {
                throw new IllegalStateException("audit log has no stored entry " + index + "; run ./kizuna audit verify");
            }
            return rows.get(offset).leafHash();
        }

        private List<AuditTables.Row> load(long chunk) {
            long from = chunk * Frontier.CHUNK_SIZE;
            try {
                return AuditTables.leafHashes(connection, from, Math.min(from + Frontier.CHUNK_SIZE, treeSize));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
            }
        }
    }
}
