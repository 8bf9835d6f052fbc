package org.kizuna.audit;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The node's append-only audit log. Appends are cheap enough for hot paths: they are queued and written
 * in batches by a background writer; {@link #flush()} waits until they are durable and signed.
 */
public interface AuditLog {

    /**
     * Queues a record and returns its index in the log. The record is durable once a later
     * {@link #flush()} returns (or within about 100 ms on a healthy node); blocks only while the queue is full.
     */
    long append(AuditRecord record);

    /** Blocks until every record appended before this call is stored and covered by a signed tree head. */
    void flush();

    /** The newest signed tree head. */
    SignedTreeHead latestTreeHead();

    /** The node's Ed25519 public key (X.509 SubjectPublicKeyInfo, DER) that verifies its tree heads. */
    byte[] publicKey();

    /**
     * The audit path of entry {@code index} in the tree of {@code treeSize} entries.
     *
     * @throws IllegalArgumentException when {@code index} is not below {@code treeSize} or the size is beyond the latest signed tree head
     */
    InclusionProof inclusionProof(long index, long treeSize);

    /**
     * The consistency proof between two tree sizes, both at most the latest signed tree head.
     *
     * @throws IllegalArgumentException when the sizes are out of order or beyond the latest signed tree head
     */
    ConsistencyProof consistencyProof(long firstSize, long secondSize);

    /**
     * Stored entries from {@code fromIndex} on, in log order, keeping only records whose label banner
     * {@code mayReadBanner} accepts; at most {@code limit} of them.
     */
    List<AuditEntry> entries(long fromIndex, int limit, Predicate<String> mayReadBanner);

    /** The stored entry at {@code index} if it exists and its banner is accepted by {@code mayReadBanner}. */
    Optional<AuditEntry> entry(long index, Predicate<String> mayReadBanner);
}
