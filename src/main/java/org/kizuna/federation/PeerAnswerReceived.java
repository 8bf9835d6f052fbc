package org.kizuna.federation;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where a request this node sent ({@link PeerRequestSent}) came to rest: {@code accepted} or {@code refused} by the node
 * it went to (the answer arrived, verified), or {@code not-sent} (this node could not send it: the nation's node is not
 * an approved peer, no replica, or the guard withheld a part). Published in the transaction that keeps the answer with
 * the request, once per request, so that the module that asked can show or act on it (a booking request refused by the
 * facility's host, a support request decided by the supporting nation).
 *
 * @param peer       the nation whose node the request went to (or would have gone to)
 * @param reason     the reason in English, null when there is none
 * @param reasonCode the reason as a code with its arguments where this node's catalogues have it ({@link org.kizuna.node.Reason#stored()}), else null
 */
public record PeerAnswerReceived(String requestId, String kind, String aboutKind, String aboutId, String peer, String state, @Nullable String reason,
        @Nullable String reasonCode) {

    public PeerAnswerReceived {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
    }

    public boolean accepted() {
        return state.equals("accepted");
    }
}
