package org.kizuna.federation;

/**
 * A verified replica arrived from the node of {@code fromNation} (its binding and labels checked, newer than what this
 * node held). {@code item.parts()} are what that node's guard released to this one; an empty list withdraws the
 * replica. Owner modules of the kind keep it as a read-only replica owned by the originating node.
 */
public record ShareableReceived(Shareable item, String fromNation) {
}
