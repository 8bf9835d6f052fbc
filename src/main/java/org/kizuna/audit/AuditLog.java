package org.kizuna.audit;

import java.util.List;
import java.util.Optional;

import org.kizuna.label.Reader;

/** The node's append-only audit log. */
public interface AuditLog {

    /**
     * Queues a record for the log and returns at once; records are written in batches by a background
     * writer. A record accepted here is never dropped: when the queue is full, append waits.
     */
    void append(AuditRecord record);

    /** Waits until every record appended before this call is durable and covered by a signed tree head. */
    void flush();

    /** The latest signed tree head, if the log has any entry. */
    Optional<TreeHead> latestTreeHead();

    /** The audit path of entry {@code index} in the tree of the given size (RFC 6962 section 2.1.1). */
    List<byte[]> inclusionProof(long index, long treeSize);

    /** Entries from {@code from}, those the reader may read. */
    List<AuditEntry> entries(long from, int limit, Reader reader);
}
