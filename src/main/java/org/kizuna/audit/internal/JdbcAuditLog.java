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
 * The audit log on the node's database. An append takes the next place in this process's queue with one atomic
 * increment and puts the record in the ring slot of that place, so a caller never waits for the database (only for
 * room, when the writer is a whole ring behind). One writer thread takes records in order, and for each batch opens
 * one transaction that locks the node's log (the one row of {@code audit_writer_lock}, {@code select ... for update}),
 * reads where the stored log ends, first brings its in-memory {@link Merkle.Frontier} up to that end when another
 * replica of the node (another process on the same database) has appended since, and only then gives the batch its
 * indexes, inserts it and, in the same transaction, signs a tree head when someone waits in {@link #flush()}, when
 * the tree-head interval has passed, or on close. So whichever replica appends, the database holds one log, and every
 * stored tree head signs the root of that log at its size.
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
     * @param keysDir          where the node's audit key lives (default: {@code <data-dir>/keys}); every replica of a node
     *                         must sign with the same key, so replicas with data directories of their own point this at
     *                         one copy of the key
     */
    @Validated
    @ConfigurationProperties("kizuna.audit")
    public record Settings(@DefaultValue("2048") @Positive int batchSize,
            @DefaultValue("100ms") @DurationMin(nanos = 0, message = "must not be negative") Duration maxDelay,
            @DefaultValue("1s") @DurationMin(nanos = 0, message = "must not be negative") Duration treeHeadInterval,
            @DefaultValue("65536") @Positive int queueCapacity,
            @DefaultValue("5s") @DurationMin(nanos = 1, message = "must be positive") Duration refuseAfter,
            @Nullable Path keysDir) {

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

        public Settings(int batchSize, Duration maxDelay, Duration treeHeadInterval, int queueCapacity, Duration refuseAfter) {
            this(batchSize, maxDelay, treeHeadInterval, queueCapacity, refuseAfter, null);
        }

        /** These settings with the node's audit key in {@code dir}. */
        public Settings withKeysDir(Path dir) {
            return new Settings(batchSize, maxDelay, treeHeadInterval, queueCapacity, refuseAfter, dir);
        }

        public static Settings defaults() {
            return new Settings(2048, Duration.ofMillis(100), Duration.ofSeconds(1), 65_536);
        }
    }

    static final Duration DEFAULT_REFUSE_AFTER = Duration.ofSeconds(5);
    /** {@link #failingSince} while writes succeed. */
    private static final long HEALTHY = Long.MIN_VALUE;

    /** A record taken from the ring: its place in this process's queue, and who waits to learn its index. */
    private record Pending(long ticket, AuditRecord record, @Nullable Awaited awaited) {
    }

    /** A record whose appender waits for its index in the log ({@link #appendAndWait}). */
    private static final class Awaited {
        final AuditRecord record;
        volatile long index = -1;

        Awaited(AuditRecord record) {
            this.record = record;
        }
    }

    /** Set in {@link #tail} by {@link #close()}: every index handed out after it is refused. */
    private static final long CLOSED = 1L << 62;

    private final DataSource dataSource;
    private final KeyPair keys;
    private final Settings settings;
    /** {@link AuditRecord}s, or {@link Awaited}s, by their place in this process's queue. */
    private final AtomicReferenceArray<Object> ring;
    private final int mask;
    /**
     * The next place in this process's queue (a ticket, not the index in the log: other replicas append to the same log),
     * with {@link #CLOSED} set once the log is closed.
     */
    private final AtomicLong tail = new AtomicLong();
    /** Every ticket below this one has been taken out of the ring by the writer. */
    private volatile long head;
    /** Every ticket below this one is stored. */
    private volatile long written;
    /** Every ticket below this one is stored under a signed tree head. */
    private volatile long covered;
    /** The largest number of tickets that a caller of {@link #flush()} waits to see signed. */
    private final AtomicLong flushTarget = new AtomicLong();
    private final ReentrantLock signedLock = new ReentrantLock();
    private final Condition signedGrew = signedLock.newCondition();
    private final ChunkHashes chunks = new ChunkHashes();
    private final Thread writer;

    private volatile boolean closing;
    private volatile boolean stopping;
    /** The latest tree head this process has signed or read; set by recover(), which open() runs before it hands the log out. */
    @SuppressWarnings("NullAway.Init") private volatile TreeHead latest;
    /** When the write the writer keeps retrying first failed ({@link System#nanoTime()}), or {@link #HEALTHY}. */
    private volatile long failingSince = HEALTHY;
    private final long refuseAfterNanos;

    // owned by the writer thread after construction
    private Merkle.Frontier frontier = new Merkle.Frontier();
    private long lastHeadNanos;
    /** What the current transaction stores, set just before its commit so that a retry can tell whether the commit went through. */
    private @Nullable Written attempt;

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
     * Opens the log: loads (or creates) the node key in {@link Settings#keysDir()} (by default {@code dataDir/keys}),
     * rebuilds the tree from the stored leaf hashes, refuses a log that no longer matches its latest tree head or whose
     * tree heads this key did not sign, signs a head for any stored entries not yet covered, and starts the writer. It
     * gives its entries to no reader: {@link NodeAuditLog} decides them for each reader through the read path.
     */
    public static JdbcAuditLog open(DataSource dataSource, Path dataDir, Settings settings) {
        Path keysDir = settings.keysDir() != null ? settings.keysDir() : NodeKeys.defaultDir(dataDir);
        JdbcAuditLog auditLog = new JdbcAuditLog(dataSource, NodeKeys.loadOrCreateIn(keysDir), settings);
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

    /**
     * Rebuilds the frontier and the chunk hashes from what is stored (without the log's lock: other replicas may go on
     * appending, and the first locked transaction catches up with what they added meanwhile), then signs the unsigned tail.
     */
    private void recover() throws SQLException {
        TreeHead stored;
        Merkle.Frontier f = new Merkle.Frontier();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            stored = AuditTables.latestTreeHead(c);
            long headSize = stored == null ? 0 : stored.size();
            byte[][] rootAtHead = {stored == null ? null : (headSize == 0 ? Merkle.emptyRoot() : null)};
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
        }
        if (stored != null && !NodeKeys.verify(keys.getPublic(), stored)) {
            throw new IllegalStateException("the audit key of this process does not verify the log's tree head at size " + stored.size()
                    + ": every replica of a node must sign with the node's one key (kizuna.audit.keys-dir)");
        }
        frontier = f;
        if (stored != null) {
            latest = stored;
        }
        if (stored == null || f.size() > stored.size()) {
            apply(transact(List.of(), true), List.of());
        }
        lastHeadNanos = System.nanoTime();
    }

    /**
     * Queues a record and returns at once ({@link org.kizuna.audit.AuditLog#append}). Its index in the log is given when
     * its batch is written: other replicas of the node append to the same log.
     *
     * @throws AuditUnavailableException when writes have failed for {@link Settings#refuseAfter()}, or the writer has been
     *                                   a whole ring behind that long; the record is then not accepted
     */
    public void append(AuditRecord record) {
        enqueue(java.util.Objects.requireNonNull(record, "record"));
    }

    /**
     * Appends a record and waits until it is stored under a signed tree head ({@link org.kizuna.audit.AuditLog#appendAndWait});
     * returns its index in the log.
     */
    public long appendAndWait(AuditRecord record) {
        Awaited awaited = new Awaited(java.util.Objects.requireNonNull(record, "record"));
        long ticket = enqueue(awaited);
        awaitCovered(ticket + 1, Long.MAX_VALUE);
        return awaited.index;
    }

    /** Puts a record (or an {@link Awaited} one) in the ring; returns its ticket. */
    private long enqueue(Object entry) {
        refuseWhileFailing();
        // a ticket is taken only with its slot free, so a refused append never leaves a hole in the queue
        long ticket = tail.get();
        while (true) {
            if ((ticket & CLOSED) != 0) {
                throw new IllegalStateException("the audit log is closed");
            }
            if (ticket - head > mask) {
                ticket = waitForRoom();
                continue;
            }
            long witness = tail.compareAndExchange(ticket, ticket + 1);
            if (witness == ticket) {
                break;
            }
            ticket = witness;
        }
        ring.setRelease((int) (ticket & mask), entry);
        if (ticket - head == settings.batchSize()) {
            LockSupport.unpark(writer);
        }
        return ticket;
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
        awaitCovered(target, Long.MAX_VALUE);
    }

    /**
     * Waits until the records of every ticket below {@code target} are stored under a signed tree head; false on timeout.
     *
     * @throws AuditUnavailableException when writes have failed for {@link Settings#refuseAfter()}
     */
    private boolean awaitCovered(long target, long timeoutNanos) {
        if (covered >= target) {
            return true;
        }
        flushTarget.accumulateAndGet(target, Math::max);
        LockSupport.unpark(writer);
        long deadline = System.nanoTime() + Math.min(timeoutNanos, Long.MAX_VALUE / 2);
        signedLock.lock();
        try {
            while (covered < target) {
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

    /**
     * The latest signed tree head in the database, which another replica of the node may have signed; the latest this
     * process knows when the database cannot be read.
     */
    public Optional<TreeHead> latestTreeHead() {
        try (Connection c = dataSource.getConnection()) {
            TreeHead stored = AuditTables.latestTreeHead(c);
            if (stored != null) {
                noteHead(stored);
            }
        } catch (SQLException e) {
            log.debug("audit log: the latest tree head could not be read, answering the last one known: {}", e.toString());
        }
        return Optional.of(latest);
    }

    /** Keeps {@code head} as the latest known when it is larger than the one known so far. */
    private void noteHead(TreeHead head) {
        signedLock.lock();
        try {
            if (head.size() > latest.size()) {
                latest = head;
            }
        } finally {
            signedLock.unlock();
        }
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
        if (treeSize > signed) {
            signed = latestTreeHead().orElseThrow().size(); // another replica may have signed it
        }
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
            if (!awaitCovered(assigned, TimeUnit.SECONDS.toNanos(30))) {
                log.error("audit log: {} appended records could not be written within 30 s of shutdown", assigned - covered);
            }
        } catch (AuditUnavailableException e) {
            log.error("audit log: {} appended records could not be written before shutdown: the database refuses writes",
                    assigned - covered);
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
        long signed = covered;
        boolean flushWanted = flushTarget.get() > signed;
        if (pending > 0) {
            long now = System.nanoTime();
            if (firstSeen < 0) {
                firstSeen = now;
            }
            if (pending >= settings.batchSize() || flushWanted || closing || now - firstSeen >= maxDelay) {
                if (take(batch) > 0) {
                    long end = batch.getLast().ticket() + 1;
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
        if (written > signed && (flushWanted || closing || headDue())) {
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
            Object r = ring.getAcquire(slot);
            if (r == null) {
                break;
            }
            ring.setPlain(slot, null);
            batch.add(r instanceof Awaited a ? new Pending(next, a.record, a) : new Pending(next, (AuditRecord) r, null));
            next++;
        }
        head = next; // volatile write: publishes the freed slots to appenders waiting for room
        return batch.size();
    }

    private boolean headDue() {
        return System.nanoTime() - lastHeadNanos >= settings.treeHeadInterval().toNanos();
    }

    /**
     * What one transaction stored: the frontier after it (caught up with other replicas' entries, then extended by the
     * batch), the chunk hashes that closed on the way, where the batch went, and the tree head that covers it when one
     * was due (signed by this transaction, or already stored at that size).
     */
    private record Written(Merkle.Frontier frontier, List<byte[]> closedChunks, long firstIndex, int count, byte @Nullable [] lastLeaf,
            @Nullable TreeHead signed, @Nullable TreeHead head) {
    }

    /**
     * Writes the batch, retrying through any throwable (a refused write, a lost connection, an Error in a driver)
     * until it is stored: the records were taken from the ring, so this is their only copy. While it fails,
     * {@link #failingSince} tells appenders and {@link #flush()} waiters to give up after {@link Settings#refuseAfter()}.
     * Each try is a transaction of its own that gives the batch its indexes at the log's end as it finds it then.
     */
    private void writeWithRetry(List<Pending> batch, boolean signHead) throws InterruptedException {
        Written done;
        long backoff = 50;
        while (true) {
            attempt = null;
            try {
                done = transact(batch, signHead);
                break;
            } catch (Throwable e) {
                Written tried = attempt;
                if (tried != null && alreadyStored(tried)) {
                    done = tried; // the commit reached the database although the driver reported a failure
                    break;
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
        apply(done, batch);
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

    /**
     * One transaction: locks the node's log, catches up with what other replicas stored since this process last wrote,
     * appends the batch at the log's end and, when {@code signHead}, signs a tree head at the new end unless one is stored
     * there already. Statements per batch on one replica: the lock, the log's end, the insert (and the latest head and
     * its insert when a head is due).
     */
    private Written transact(List<Pending> batch, boolean signHead) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                AuditTables.lockLog(c);
                long stored = AuditTables.size(c);
                Merkle.Frontier next = frontier.copy();
                List<byte[]> closedChunks = new ArrayList<>(2);
                Merkle.Frontier.ChunkListener keep = (chunk, hash, offset) -> closedChunks
                        .add(Arrays.copyOfRange(hash, offset, offset + Merkle.HASH_BYTES));
                if (stored < next.size()) {
                    throw new IllegalStateException("the audit log holds " + stored + " entries, fewer than the " + next.size()
                            + " this process has seen; run ./kizuna audit verify");
                }
                if (stored > next.size()) {
                    catchUp(c, next, stored, keep);
                }
                long firstIndex = next.size();
                List<AuditTables.Row> rows = new ArrayList<>(batch.size());
                for (Pending p : batch) {
                    long index = next.size();
                    byte[] bytes = RecordCodec.encode(index, p.record());
                    byte[] leaf = Merkle.leafHash(bytes);
                    next.append(leaf, 0, keep);
                    rows.add(new AuditTables.Row(index, bytes, leaf, p.record().label().banner()));
                }
                TreeHead signed = null;
                TreeHead head = null;
                if (signHead) {
                    TreeHead storedHead = AuditTables.latestTreeHead(c);
                    if (storedHead != null && storedHead.size() >= next.size()) {
                        head = storedHead; // another replica signed this size already: one head per size
                    } else {
                        signed = sign(next, storedHead);
                        head = signed;
                    }
                }
                if (!rows.isEmpty()) {
                    AuditTables.insert(c, rows);
                }
                if (signed != null) {
                    AuditTables.insert(c, signed);
                }
                Written w = new Written(next, closedChunks, firstIndex, rows.size(), rows.isEmpty() ? null : rows.getLast().leafHash(), signed, head);
                attempt = w;
                c.commit();
                return w;
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

    /** Extends {@code next} with the leaf hashes other replicas stored after it, up to {@code stored} entries. */
    private static void catchUp(Connection c, Merkle.Frontier next, long stored, Merkle.Frontier.ChunkListener keep) throws SQLException {
        AuditTables.scanLeafHashes(c, next.size(), (index, record, leafHash, label) -> {
            if (index != next.size() || leafHash.length != Merkle.HASH_BYTES) {
                throw new IllegalStateException("audit log has no readable entry " + next.size() + " (next stored entry is " + index
                        + "); run ./kizuna audit verify");
            }
            next.append(leafHash, 0, keep);
        });
        if (next.size() != stored) {
            throw new IllegalStateException("the audit log changed while its lock was held: " + next.size() + " entries read, " + stored + " counted");
        }
    }

    /** Whether the transaction of {@code w} committed, although the driver reported a failure (its random bytes make its last leaf unique). */
    private boolean alreadyStored(Written w) {
        try (Connection c = dataSource.getConnection()) {
            byte[] lastLeaf = w.lastLeaf();
            if (lastLeaf != null) {
                long last = w.firstIndex() + w.count() - 1;
                List<AuditTables.Row> stored = AuditTables.leafHashes(c, last, last + 1);
                return stored.size() == 1 && Arrays.equals(stored.getFirst().leafHash(), lastLeaf);
            }
            TreeHead signed = w.signed();
            return signed == null || signed.equals(AuditTables.treeHead(c, signed.size()));
        } catch (Throwable e) {
            return false;
        }
    }

    private void apply(Written w, List<Pending> batch) {
        for (byte[] chunk : w.closedChunks()) {
            chunks.add(chunks.count(), chunk, 0);
        }
        frontier = w.frontier();
        for (int i = 0; i < batch.size(); i++) {
            Awaited awaited = batch.get(i).awaited();
            if (awaited != null) {
                awaited.index = w.firstIndex() + i;
            }
        }
        if (!batch.isEmpty()) {
            written = batch.getLast().ticket() + 1;
        }
        TreeHead head = w.head();
        if (head != null) {
            signedLock.lock();
            try {
                if (latest == null || head.size() > latest.size()) {
                    latest = head;
                }
                covered = written; // every record this process stored so far lies below the head's size
                signedGrew.signalAll();
            } finally {
                signedLock.unlock();
            }
            lastHeadNanos = System.nanoTime();
        }
    }

    /** Signs the tree of {@code f}, never earlier than the latest head stored (whichever replica signed it) or known here. */
    private TreeHead sign(Merkle.Frontier f, @Nullable TreeHead stored) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (TreeHead previous : new TreeHead[]{latest, stored}) {
            if (previous != null && now.isBefore(previous.signedAt())) {
                now = previous.signedAt(); // tree heads never go back in time, even when a clock does
            }
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
