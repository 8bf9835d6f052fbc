package org.kizuna.audit;

import java.util.List;
import java.util.Optional;

import org.kizuna.label.Reader;

/**
 * The node's append-only audit log. Appends are cheap enough for hot paths: they take the next index and
 * return, and a background writer stores them in batches; {@link #flush()} waits until they are durable
 * and signed.
 */
public interface AuditLog {

    /**
     * Queues a record and returns at once. A record accepted here is never dropped: it is durable once a later
     * {@link #flush()} returns (or within about 100 ms on a healthy node), and when the writer is far behind, append
     * waits for room. Its index is given when its batch is written, at the end of the one log that every replica of
     * the node appends to.
     */
    void append(AuditRecord record);

    /** Appends a record and waits until it is durable and covered by a signed tree head; returns its index in the log. */
    long appendAndWait(AuditRecord record);

    /** Waits until every record appended before this call is durable and covered by a signed tree head. */
    void flush();

    /** The latest signed tree head (a fresh log signs its empty tree at start). */
    Optional<TreeHead> latestTreeHead();

    /** The node's Ed25519 public key (X.509 SubjectPublicKeyInfo, DER) that verifies its tree heads. */
    byte[] publicKey();

    /**
     * The audit path of entry {@code index} in the tree of the given size (RFC 6962 section 2.1.1), leaf end first.
     *
     * @throws IllegalArgumentException when the index is not below the size or the size is beyond the latest signed tree head
     */
    List<byte[]> inclusionProof(long index, long treeSize);

    /**
     * The proof that the tree of {@code secondSize} entries extends the tree of {@code firstSize} (RFC 6962 section 2.1.2).
     *
     * @throws IllegalArgumentException when the sizes are out of order or beyond the latest signed tree head
     */
    List<byte[]> consistencyProof(long firstSize, long secondSize);

    /** Entries from {@code from} on, in log order, only those the reader may read; at most {@code limit} (up to 1000). */
    List<AuditEntry> entries(long from, int limit, Reader reader);

    /** The entry at {@code index} if it exists and the reader may read it; empty alike when it does not exist. */
    Optional<AuditEntry> entry(long index, Reader reader);

    /**
     * The canonical bytes of entry {@code index} (what its leaf hash covers, random bytes included) if it
     * exists and the reader may read it; empty alike when it does not exist.
     */
    Optional<byte[]> entryBytes(long index, Reader reader);
}
