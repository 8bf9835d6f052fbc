package org.kizuna.federation;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.kizuna.node.Reason;

/**
 * The owner's answer to a request from a peer (published by the owner module in the transaction of what it did, or by
 * federation when it refuses the request itself): federation sends it back to the requesting node, where it is kept
 * with the request ({@link Federation#requests}); a refusal is also the link's last error on both sides. The reason
 * crosses the guard as an unclassified part, so it must say nothing the item's labels protect, and the same words
 * whether what it is about exists or not.
 *
 * @param reason     the reason in English (what the link's health, the log and an older peer show)
 * @param reasonCode the reason as a code with its arguments ({@link Reason#stored()}), so that the requesting node tells
 *                   it in each reader's language; travels with the English text, in the same part
 */
public record PeerRequestAnswered(String requestId, String toNation, boolean accepted, String reason, @Nullable String reasonCode) {

    public PeerRequestAnswered {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(toNation, "toNation");
        Objects.requireNonNull(reason, "reason");
        if (reason.length() > 1000) reason = reason.substring(0, 1000);
        if (reasonCode != null && reasonCode.length() > 4000) reasonCode = null;
    }

    /** An answer told by a {@link Reason}: its English text and its code. */
    public static PeerRequestAnswered of(String requestId, String toNation, boolean accepted, Reason reason) {
        return new PeerRequestAnswered(requestId, toNation, accepted, reason.english(), reason.stored());
    }
}
