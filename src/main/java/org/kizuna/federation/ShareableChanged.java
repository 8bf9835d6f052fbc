package org.kizuna.federation;

import org.jspecify.annotations.Nullable;

/**
 * An owner module created or changed a record it owns (published in the transaction of the change, so federation
 * writes it durably with the change, in its table of pending changes). Federation runs the guard for each peer and queues what
 * may leave. The record replaces what peers hold of it when its version is newer.
 *
 * @param item the record at its version now
 * @param to   the one peer nation this is offered to (a record offered to a newly admitted peer, {@link PeerAdmitted}),
 *             or null for every approved peer
 */
public record ShareableChanged(Shareable item, @Nullable String to) {

    /** A change, for every approved peer. */
    public ShareableChanged(Shareable item) {
        this(item, null);
    }

    /** The record as it is now, offered to one peer only (its version unchanged: a peer sent that version gets nothing). */
    public static ShareableChanged offer(Shareable item, String peer) {
        return new ShareableChanged(item, peer);
    }
}
