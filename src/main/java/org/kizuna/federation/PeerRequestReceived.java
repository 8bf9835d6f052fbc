package org.kizuna.federation;

import java.util.List;
import java.util.Map;

/**
 * A verified request from the node of {@code fromNation} about an item this node owns and sent to that node (its binding
 * and labels checked, seen for the first time). {@code released} is what this node last sent that node of the item, so
 * the owner module can check the request against what the requester could have read. The owner module decides and
 * publishes {@link PeerRequestAnswered} in the transaction of what it does.
 */
public record PeerRequestReceived(PeerRequest request, String fromNation, Released released) {

    /**
     * What this node last sent a peer of one item: the item's version, its header, and the ids of the parts the guard
     * released to the peer, in order.
     */
    public record Released(long version, Map<String, String> header, List<String> parts) {

        public Released {
            header = Map.copyOf(header);
            parts = List.copyOf(parts);
        }
    }
}
