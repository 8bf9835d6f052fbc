package org.kizuna.federation;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request this node sent to the owner of a replica, and where it stands: {@code pending} (queued or sent, not yet
 * answered), {@code accepted} or {@code refused} by the owner (with its reason), or {@code not-sent} (this node could
 * not send it: no replica from an approved peer, or the guard withheld every part).
 */
public record RequestStatus(String id, String kind, String aboutKind, String aboutId, String owner, Map<String, String> header, String state,
        @Nullable String reason, Instant sentAt, @Nullable Instant answeredAt) {

    public RequestStatus {
        header = Map.copyOf(header);
    }
}
