package org.kizuna.federation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A peer and the health of the link to it. The figures ({@code queued}, {@code lagSeconds}, sequences) are given only to
 * administrators and are null for everyone else.
 *
 * @param state       {@code pending} (not admitted until an administrator approves its fingerprint), {@code approved} or
 *                    {@code revoked}
 * @param exchange    what of this node's picture goes to the peer, as agreed with it: {@code tracks} or {@code observations}
 * @param fingerprint SHA-256 of the peer's CA certificate (hex, colon-separated pairs)
 * @param outbound    whether this node's link to the peer is up (it sends this node's items)
 * @param inbound     whether the peer's link to this node is up (it sends the peer's items)
 * @param queued      items waiting to leave for the peer (sent but not acknowledged included)
 * @param pending     changes of this node's records not yet through the guard, for any peer (the node's, the same for
 *                    every peer): a number that stays high means the way out is behind
 * @param lagSeconds  the age of the oldest item not yet acknowledged by the peer, 0 when none
 * @param lastError   the last thing that went wrong on the link, in words an operator can act on, or null
 */
public record PeerStatus(String nation, String address, String fingerprint, String state, String exchange, boolean outbound, boolean inbound,
        @Nullable Long queued, @Nullable Long pending, @Nullable Double lagSeconds, @Nullable Long sentSeq, @Nullable Long ackedSeq, @Nullable Long receivedSeq,
        @Nullable String lastError, @Nullable Instant lastErrorAt, @Nullable Instant connectedSince) {
}
