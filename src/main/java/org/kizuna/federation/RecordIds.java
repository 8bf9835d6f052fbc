package org.kizuna.federation;

import java.util.UUID;

/**
 * Ids of the records nodes share, each in the space of the node that made it: a prefix, eight random hex digits and the
 * node's nation ({@code BR-1a2b3c4d-JPN}). Two nodes never make the same id, so a partner's replica or request never
 * meets a record of this node with its id, and a node that checks whether it holds an id a peer sent (is this request
 * new?) can only find that peer's own records: the answer tells the peer nothing it did not know. The random part
 * comes first, so ordering by id (a tie-break both nodes apply alike) favours no nation.
 */
public final class RecordIds {

    private RecordIds() {
    }

    /** A new id for a record made on {@code node}'s node. */
    public static String next(String prefix, String node) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "-" + node;
    }

    /** {@code local} (unique on this node) in the space of {@code node}'s node. */
    public static String onNode(String local, String node) {
        return local + "-" + node;
    }

    /** Whether {@code id} was made on {@code node}'s node: the only ids a peer of that nation may send as its own. */
    public static boolean madeOn(String id, String node) {
        return node.length() == 3 && id.length() > 4 && id.endsWith("-" + node);
    }
}
