package org.kizuna.federation;

import java.util.Objects;

/**
 * The owner's answer to a request from a peer (published by the owner module in the transaction of what it did, or by
 * federation when it refuses the request itself): federation sends it back to the requesting node, where it is kept
 * with the request ({@link Federation#requests}); a refusal is also the link's last error on both sides. The reason
 * crosses the guard as an unclassified part, so it must say nothing the item's labels protect.
 */
public record PeerRequestAnswered(String requestId, String toNation, boolean accepted, String reason) {

    public PeerRequestAnswered {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(toNation, "toNation");
        Objects.requireNonNull(reason, "reason");
        if (reason.length() > 1000) reason = reason.substring(0, 1000);
    }
}
