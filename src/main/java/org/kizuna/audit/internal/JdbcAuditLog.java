package org.kizuna.audit.internal;

import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.kizuna.audit.AuditEntry;
import org.kizuna.audit.AuditRecord;
import org.kizuna.audit.AuditUnavailableException;
import org.kizuna.audit.TreeHead;
import org.kizuna.node.BackgroundThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The audit log on the node's database. An append takes the next index with one atomic increment and
 * puts the record in the ring slot of that index, so a caller never waits for the database (only for
 * room, when the writer is a whole ring behind). One writer thread takes records in index order,
 * encodes, hashes and inserts them in batches, extends the in-memory {@link Merkle.Frontier} and, in the same
 * transaction, signs a tree head when someone waits in {@link #flush()}, when the tree-head interval has
 * passed, or on close; so every stored tree head matches the stored entries.
 */
public final class JdbcAuditLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JdbcAuditLog.class);

    /**
     * The audit log's settings (prefix {@code kizuna.audit}): the tuning of its writer.
     *
     * @param batchSize        most entries per transaction (at most the queue capacity)
     * @param maxDelay         longest an entry waits in the ring before its batch is written
     * @param treeHeadInterval longest stored entries stay without a signed tree head
     * @param queueCapacity    appends wait for room when this many records (rounded up to a power of two) are not yet written
     * @param refuseAfter      appends (and the reads they record) are refused once writes have failed this long, and an
     *                         append that waits for room waits at most this long
     */
    @Validated
    @ConfigurationProperties("kizuna.audit")
    public record Settings(@DefaultValue("2048") @Positive int batchSize,
            @DefaultValue("100ms") @DurationMin(nanos = 0, message = "must not be negative") Duration maxDelay,
            @DefaultValue("1s") @DurationMin(nanos = 0, message = "must not be negative") Duration treeHeadInterval,
            @DefaultValue("65536") @Positive int queueCapacity,
            @DefaultValue("5s") @DurationMin(nanos = 1, message = "must be positive") Duration refuseAfter) {

        /** The tuning of a log made in code (tests, the benchmark); the node binds {@code kizuna.audit.*} instead. */
        @ConstructorBinding
        public Settings {
            if (batchSize < 1 || queueCapacity < batchSize) {
                throw new IllegalArgumentException("audit batch size must be positive and at most the queue capacity");
            }
            if (refuseAfter.isNegative() || refuseAfter.isZero()) {
                throw new IllegalArgumentException("kizuna.audit.refuse-after must be positive");
            }
        }

        public Settings(int batchSize, Duration maxDelay, Duration treeHeadInterval, int queueCapacity) {
            this(batchSize, maxDelay, treeHeadInterval, queueCapacity, DEFAULT_REFUSE_AFTER);
        }

        public static Settings defaults() {
            return new Settings(2048, Duration.ofMillis(100), Duration.ofSeconds(1), 65_536);
        }
    }

    static final Duration DEFAULT_REFUSE_AFTER = Duration.ofSeconds(5);
    /** {@link #failingSince} while writes succeed. */
    private static final long HEALTHY = Long.MIN_VALUE;

    private record Pending(long index, AuditRecord record) {
    }

    /** Set in {@link #tail} by {@link #close()}: every index handed out after it is refused. */
    private static final long CLOSED = 1L << 62;

    private final DataSource dataSource;
    private final KeyPair keys;
    private final Settings settings;
    private final AtomicReferenceArray<AuditRecord> ring;
    private final int mask;
    /** The next index to hand out, with {@link #CLOSED} set once the log is closed. */
    private final AtomicLong tail = new AtomicLong();
    /** Every index below this one has been taken out of the ring by the writer. */
    private volatile long head;
    /** The largest number of entries that a caller of {@link #flush()} waits to see signed. */
    private final AtomicLong flushTarget = new AtomicLong();
    private final ReentrantLock signedLock = new ReentrantLock();
    private final Condition signedGrew = signedLock.newCondition();
    private final ChunkHashes chunks = new ChunkHashes();
    private final Thread writer;

    private volatile boolean closing;
    private volatile boolean stopping;
    @SuppressWarnings("NullAway.Init") // set by recover(), which open() runs before it hands the log out
    private volatile TreeHead latest;
    /** When the write the writer keeps retrying first failed ({@link System#nanoTime()}), or {@link #HEALTHY}. */
    private volatile long failingSince = HEALTHY;
    private final long refuseAfterNanos;

    // owned by the writer thread after construction
    private Merkle.Frontier frontier = new Merkle.Frontier();
    private long lastHeadNanos;

    private JdbcAuditLog(DataSource dataSource, KeyPair keys, Settings settings) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.settings = settings;
        this.refuseAfterNanos = settings.refuseAfter().toNanos();
        int capacity = Integer.highestOneBit(settings.queueCapacity() - 1) << 1;
        this.ring = new AtomicReferenceArray<>(capacity);
        this.mask = capacity - 1;
        this.writer = Thread.ofPlatform().name("audit-writer").daemon(true).unstarted(this::runWriter);
    }

    /**
     * Opens the log: loads (or creates) the node key under {@code dataDir/keys}, rebuilds the tree from
     * the stored leaf hashes, refuses a log that no longer matches its latest tree head, signs a head for
     * any stored entries not yet covered, and starts the writer. It gives its entries to no reader:
     * {@link NodeAuditLog} decides them for each reader through the read path.
     */
    public static JdbcAuditLog open(DataSource dataSource, Path dataDir, Settings settings) {
        JdbcAuditLog auditLog = new JdbcAuditLog(dataSource, NodeKeys.loadOrCreate(dataDir), settings);
        try {
            auditLog.recover();
        } catch (SQLException e) {
            throw unreadable(e);
        }
        auditLog.writer.start();
        return auditLog;
    }

    private static IllegalStateException unreadable(SQLException e) {
        return new IllegalStateException("cannot read the audit log: " + e.getMessage(), e);
    }

    private void recover() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            TreeHead stored = AuditTables.latestTreeHead(c);
            long headSize = stored == null ? 0 : stored.size();
            byte[][] rootAtHead = {stored == null ? null : (headSize == 0 ? Merkle.emptyRoot() : null)};
            Merkle.Frontier f = new Merkle.Frontier();
            AuditTables.scanLeafHashes(c, 0, (index, record, leafHash, label) -> {
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
            if (stored != null && (rootAtHead[0] == null || !MessageDigest.isEqual(rootAtHead[0], stored.rootHash()))) {
                throw new IllegalStateException("audit log no longer matches its tree head at size " + headSize + "; run ./kizuna audit verify");
            }
            frontier = f;
            tail.set(f.size());
            this.head = f.size();
            if (stored != null) latest = stored;
            if (stored == null || f.size() > headSize) {
                TreeHead signed = sign(f);
                AuditTables.insert(c, signed);
                c.commit();
                latest = signed;
            }
            lastHeadNanos = System.nanoTime();
        }
    }

    /**
     * Queues a record and returns its index in the log at once ({@link org.kizuna.audit.AuditLog#append}).
     *
     * @throws AuditUnavailableException when writes have failed for {@link Settings#refuseAfter()}, or the writer has been
     *                                   a whole ring behind that long; the record is then not accepted
     */
    public long append(AuditRecord record) {
        java.util.Objects.requireNonNull(record, "record");
        refuseWhileFailing();
        // an index is taken only with its slot free, so a refused append never leaves a gap in the log
        long index = tail.get();
        while (true) {
            if ((index & CLOSED) != 0) {
                throw new IllegalStateException("the audit log is closed");
            }
            if (index - head > mask) {
                index = waitForRoom();
                continue;
            }
            long witness = tail.compareAndExchange(index, index + 1);
            if (witness == index) {
                break;
            }
            index = witness;
        }
        ring.setRelease((int) (index & mask), record);
        if (index - head == settings.batchSize()) {
            LockSupport.unpark(writer);
        }
        return index;
    }

    private void refuseWhileFailing() {
        long since = failingSince;
        if (since != HEALTHY && System.nanoTime() - since >= refuseAfterNanos) {
            throw new AuditUnavailableException();
        }
    }

    /**
     * Backpressure: the writer is a whole ring behind, so wait (briefly spinning, then parking) for room, at most
     * {@link Settings#refuseAfter()}; returns the next index to try.
     */
    private long waitForRoom() {
        int spins = 0;
        long started = System.nanoTime();
        while (true) {
            long index = tail.get();
            if ((index & CLOSED) != 0 || index - head <= mask) {
                return index;
            }
            if (stopping) {
                throw new IllegalStateException("the audit log stopped before the record could be queued");
            }
            refuseWhileFailing();
            if (++spins < 64) {
                Thread.onSpinWait();
            } else {
                if (System.nanoTime() - started >= refuseAfterNanos) {
                    throw new AuditUnavailableException();
                }
                LockSupport.unpark(writer);
                LockSupport.parkNanos(50_000);
            }
        }
    }

    /**
     * Waits until every record appended before this call is durable and signed ({@link org.kizuna.audit.AuditLog#flush}).
     *
     * @throws AuditUnavailableException when writes have failed for {@link Settings#refuseAfter()} (the records stay queued)
     */
    public void flush() {
        long target = tail.get() & ~CLOSED;
        awaitSigned(target, Long.MAX_VALUE);
    }

    /**
     * Waits until {@code target} entries are stored under a signed tree head; false on timeout.
     *
     * @throws AuditUnavailableException when writes have failed for {@link Settings#refuseAfter()}
     */
    private boolean awaitSigned(long target, long timeoutNanos) {
        if (latest.size() >= target) {
            return true;
        }
        flushTarget.accumulateAndGet(target, Math::max);
        LockSupport.unpark(writer);
        long deadline = System.nanoTime() + Math.min(timeoutNanos, Long.MAX_VALUE / 2);
        signedLock.lock();
        try {
            while (latest.size() < target) {
                if (stopping) {
                    throw new IllegalStateException("the audit log stopped before " + target + " entries were signed");
                }
                refuseWhileFailing();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                signedGrew.awaitNanos(Math.min(left, 100_000_000L));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the audit log to flush", e);
        } finally {
            signedLock.unlock();
        }
    }

    public Optional<TreeHead> latestTreeHead() {
        return Optional.of(latest);
    }

    public byte[] publicKey() {
        return keys.getPublic().getEncoded();
    }

    public List<byte[]> inclusionProof(long index, long treeSize) {
        checkSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("entry " + index + " is not in a tree of " + treeSize + " entries");
        }
        try (Connection c = dataSource.getConnection()) {
            return Merkle.inclusionPath(index, treeSize, new StoredSubtrees(c, treeSize));
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** The stored leaf hash of entry {@code index}, as a partner recomputes it from the entry's bytes. */
    byte[] leafHash(long index) {
        try (Connection c = dataSource.getConnection()) {
            return new StoredSubtrees(c, index + 1).hash(index, index + 1);
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    public List<byte[]> consistencyProof(long firstSize, long secondSize) {
        checkSize(secondSize);
        if (firstSize < 0 || firstSize > secondSize) {
            throw new IllegalArgumentException("first size " + firstSize + " must be between 0 and second size " + secondSize);
        }
        try (Connection c = dataSource.getConnection()) {
            return Merkle.consistencyProof(firstSize, secondSize, new StoredSubtrees(c, secondSize));
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    private void checkSize(long treeSize) {
        long signed = latest.size();
        if (treeSize < 0 || treeSize > signed) {
            throw new IllegalArgumentException("tree size " + treeSize + " is beyond the latest signed tree head (size " + signed + ")");
        }
    }

    /** Entries from {@code fromIndex} on, in log order, at most {@code limit} (up to 1000), whoever may read them. */
    List<AuditEntry> entries(long fromIndex, int limit) {
        int n = Math.min(Math.max(limit, 0), 1000);
        List<AuditEntry> page = new ArrayList<>(n);
        if (n == 0) {
            return page;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select idx, record from audit_entry where idx >= ? order by idx limit ?")) {
            ps.setLong(1, Math.max(0, fromIndex));
            ps.setInt(2, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(new AuditEntry(rs.getLong(1), RecordCodec.decode(Base64.getDecoder().decode(rs.getString(2))).record()));
                }
            }
        } catch (SQLException e) {
            throw unreadable(e);
        }
        return page;
    }

    /** The canonical bytes of entry {@code index} (what its leaf hash covers), if it exists, whoever may read it. */
    Optional<byte[]> entryBytes(long index) {
        try (Connection c = dataSource.getConnection()) {
            return Optional.ofNullable(AuditTables.record(c, index));
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** Writes everything appended so far, signs a final tree head and stops the writer. */
    @Override
    public void close() {
        long assigned = tail.getAndAdd(CLOSED);
        if ((assigned & CLOSED) != 0) {
            return;
        }
        closing = true;
        try {
            if (!awaitSigned(assigned, TimeUnit.SECONDS.toNanos(30))) {
                log.error("audit log: {} appended records could not be written within 30 s of shutdown", assigned - latest.size());
            }
        } catch (AuditUnavailableException e) {
            log.error("audit log: {} appended records could not be written before shutdown: the database refuses writes",
                    assigned - latest.size());
        } finally {
            stopping = true;
            BackgroundThreads.stop(writer, Duration.ofSeconds(5));
        }
    }

    // ---- writer thread ----

    private void runWriter() {
        List<Pending> batch = new ArrayList<>(settings.batchSize());
        long maxDelay = settings.maxDelay().toNanos();
        long idlePark = Math.max(1_000_000L, maxDelay / 4);
        long firstSeen = -1;
        try {
            while (!stopping) {
                try {
                    firstSeen = step(batch, firstSeen, maxDelay, idlePark);
                } catch (InterruptedException e) {
                    throw e;
                } catch (Throwable t) {
                    // writeWithRetry keeps its batch through any throwable; whatever else failed is tried again
                    log.error("audit log: the writer failed and carries on: {}", t.toString());
                    LockSupport.parkNanos(idlePark);
                }
            }
        } catch (InterruptedException e) {
            // close() interrupts only once the last tree head is signed or it gave up waiting
        }
    }

    /** One turn of the writer: writes a batch (or a tree head) when one is due, else parks; returns when the oldest pending record was first seen. */
    private long step(List<Pending> batch, long firstSeen, long maxDelay, long idlePark) throws InterruptedException {
        long taken = head;
        long pending = (tail.get() & ~CLOSED) - taken;
        long signed = latest.size();
        boolean flushWanted = flushTarget.get() > signed;
        if (pending > 0) {
            long now = System.nanoTime();
            if (firstSeen < 0) {
                firstSeen = now;
            }
            if (pending >= settings.batchSize() || flushWanted || closing || now - firstSeen >= maxDelay) {
                if (take(batch) > 0) {
                    long end = batch.getLast().index() + 1;
                    boolean sign = headDue() || (flushWanted && flushTarget.get() <= end)
                            || (closing && end == (tail.get() & ~CLOSED));
                    writeWithRetry(batch, sign);
                    return (tail.get() & ~CLOSED) > head ? System.nanoTime() : -1;
                }
                Thread.onSpinWait(); // an appender holds the next index but has not stored its record yet
                return firstSeen;
            }
            LockSupport.parkNanos(Math.max(10_000L, firstSeen + maxDelay - now));
            return firstSeen;
        }
        if (frontier.size() > signed && (flushWanted || closing || headDue())) {
            batch.clear();
            writeWithRetry(batch, true);
            return -1;
        }
        LockSupport.parkNanos(idlePark);
        return -1;
    }

    /** Takes the stored records from the ring in index order, at most one batch; frees their slots. */
    private int take(List<Pending> batch) {
        batch.clear();
        long next = head;
        long end = tail.get() & ~CLOSED;
        while (next < end && batch.size() < settings.batchSize()) {
            int slot = (int) (next & mask);
            AuditRecord r = ring.getAcquire(slot);
            if (r == null) {
                break;
            }
            ring.setPlain(slot, null);
            batch.add(new Pending(next, r));
            next++;
        }
        head = next; // volatile write: publishes the freed slots to appenders waiting for room
        return batch.size();
    }

    private boolean headDue() {
        return System.nanoTime() - lastHeadNanos >= settings.treeHeadInterval().toNanos();
    }

    /** What one transaction stores, computed once so that a retry stores exactly the same bytes and signature. */
    private record Prepared(Merkle.Frontier frontier, List<AuditTables.Row> rows, List<byte[]> closedChunks, @Nullable TreeHead head) {
    }

    /**
     * Writes the batch, retrying through any throwable (a refused write, a lost connection, an Error in a driver)
     * until it is stored: the records were taken from the ring, so this is their only copy. While it fails,
     * {@link #failingSince} tells appenders and {@link #flush()} waiters to give up after {@link Settings#refuseAfter()}.
     */
    private void writeWithRetry(List<Pending> batch, boolean signHead) throws InterruptedException {
        Prepared prepared = null;
        long backoff = 50;
        while (true) {
            try {
                if (prepared == null) {
                    prepared = prepare(batch, signHead);
                }
                persist(prepared);
                break;
            } catch (Throwable e) {
                if (prepared != null && alreadyStored(prepared)) {
                    break; // the commit reached the database although the driver reported a failure
                }
                if (failingSince == HEALTHY) {
                    failingSince = System.nanoTime();
                    signalWaiters();
                }
                log.warn("audit log: writing {} records failed, retrying in {} ms: {}", batch.size(), backoff, e.toString());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 1_000);
            }
        }
        apply(prepared);
        if (failingSince != HEALTHY) {
            failingSince = HEALTHY;
            log.info("audit log: writing again");
        }
    }

    private void signalWaiters() {
        signedLock.lock();
        try {
            signedGrew.signalAll();
        } finally {
            signedLock.unlock();
        }
    }

    private Prepared prepare(List<Pending> batch, boolean signHead) {
        Merkle.Frontier next = frontier.copy();
        List<byte[]> closedChunks = new ArrayList<>(2);
        List<AuditTables.Row> rows = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            if (p.index() != next.size()) {
                throw new IllegalStateException("audit writer expected entry " + next.size() + " but got " + p.index());
            }
            byte[] bytes = RecordCodec.encode(p.index(), p.record());
            byte[] leaf = Merkle.leafHash(bytes);
            next.append(leaf, 0, (chunk, hash, offset) -> closedChunks.add(Arrays.copyOfRange(hash, offset, offset + Merkle.HASH_BYTES)));
            rows.add(new AuditTables.Row(p.index(), bytes, leaf, p.record().label().banner()));
        }
        return new Prepared(next, rows, closedChunks, signHead ? sign(next) : null);
    }

    private void persist(Prepared p) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!p.rows().isEmpty()) {
                    AuditTables.insert(c, p.rows());
                }
                if (p.head() != null) {
                    AuditTables.insert(c, p.head());
                }
                c.commit();
            } catch (Throwable e) {
                try {
                    c.rollback();
                } catch (Throwable r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
        }
    }

    private boolean alreadyStored(Prepared p) {
        try (Connection c = dataSource.getConnection()) {
            if (!p.rows().isEmpty()) {
                AuditTables.Row last = p.rows().getLast();
                List<AuditTables.Row> stored = AuditTables.leafHashes(c, last.index(), last.index() + 1);
                return stored.size() == 1 && Arrays.equals(stored.getFirst().leafHash(), last.leafHash());
            }
            TreeHead stored = AuditTables.latestTreeHead(c);
            return stored != null && stored.equals(p.head());
        } catch (Throwable e) {
            return false;
        }
    }

    private void apply(Prepared p) {
        long firstChunk = chunks.count();
        for (int i = 0; i < p.closedChunks().size(); i++) {
            chunks.add(firstChunk + i, p.closedChunks().get(i), 0);
        }
        frontier = p.frontier();
        TreeHead signedHead = p.head();
        if (signedHead != null) {
            signedLock.lock();
            try {
                latest = signedHead;
                signedGrew.signalAll();
            } finally {
                signedLock.unlock();
            }
            lastHeadNanos = System.nanoTime();
        }
    }

    private TreeHead sign(Merkle.Frontier f) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TreeHead previous = latest;
        if (previous != null && now.isBefore(previous.signedAt())) {
            now = previous.signedAt(); // tree heads never go back in time, even when the clock does
        }
        byte[] root = f.root();
        byte[] signature = NodeKeys.sign(keys.getPrivate(), f.size(), root, now.toEpochMilli());
        return new TreeHead(f.size(), root, now, signature);
    }

    /** Subtree hashes for proofs: complete 256-leaf chunks from memory, other leaves from the database chunk by chunk. */
    private final class StoredSubtrees implements Merkle.Subtrees {
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
            if (n == Merkle.Frontier.CHUNK_SIZE && from % Merkle.Frontier.CHUNK_SIZE == 0) {
                byte[] h = chunks.get(from / Merkle.Frontier.CHUNK_SIZE);
                if (h != null) {
                    return h;
                }
            }
            long k = Merkle.split(n);
            return Merkle.nodeHash(hash(from, from + k), hash(from + k, to));
        }

        private byte[] leaf(long index) {
            long chunk = index / Merkle.Frontier.CHUNK_SIZE;
            List<AuditTables.Row> rows = loaded.computeIfAbsent(chunk, this::load);
            int offset = (int) (index - chunk * Merkle.Frontier.CHUNK_SIZE);
            if (offset >= rows.size() || rows.get(offset).index() != index) {
                throw new IllegalStateException("audit log has no stored entry " + index + "; run ./kizuna audit verify");
            }
            return rows.get(offset).leafHash();
        }

        private List<AuditTables.Row> load(long chunk) {
            long from = chunk * Merkle.Frontier.CHUNK_SIZE;
            try {
                return AuditTables.leafHashes(connection, from, Math.min(from + Merkle.Frontier.CHUNK_SIZE, treeSize));
            } catch (SQLException e) {
                throw unreadable(e);
            }
        }
    }
}
