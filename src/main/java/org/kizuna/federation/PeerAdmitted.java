package org.kizuna.federation;

/**
 * A peer became approved (an administrator approved it, or the node's configuration did for a peer that was not
 * approved before), published in the transaction of its approval. Each owner module offers that peer its current
 * shareable items ({@link ShareableChanged#to}), at the versions they have: federation passes each through the guard
 * of the link to the peer and queues what the peer was not yet sent at that version, so a new peer gets what it may
 * already read, and a peer approved again after a revocation gets what changed meanwhile.
 *
 * @param nation the peer's nation
 */
public record PeerAdmitted(String nation) {
}
