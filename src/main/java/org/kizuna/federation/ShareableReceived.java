package org.kizuna.federation;

import java.util.List;
import java.util.Objects;

/**
 * Verified replicas of one kind arrived from the node of {@code fromNation} (each item's binding and labels checked,
 * each newer than what this node held), in the order they arrived: one event per kind for each batch the link applied
 * (at most one version of an item in it, the newest). Each item's {@code parts()} are what that node's guard released to
 * this one; an empty list withdraws the replica. Owner modules of the kind keep each as a read-only replica owned by
 * the originating node, all of them in one transaction where they can ({@link Replicas#applyAll}).
 */
public record ShareableReceived(String kind, List<Shareable> items, String fromNation) {

    public ShareableReceived {
        Objects.requireNonNull(kind, "kind");
        items = List.copyOf(items);
        for (Shareable s : items) {
            if (!s.kind().equals(kind)) throw new IllegalArgumentException("a " + s.kind() + " in an arrival of " + kind + "s");
        }
    }

    /** One item that arrived (a batch of one). */
    public ShareableReceived(Shareable item, String fromNation) {
        this(item.kind(), List.of(item), fromNation);
    }
}
