package org.kizuna.booking;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;
import org.kizuna.node.Reason;

/**
 * A unit's request for one of a set of acceptable facilities, with its window, preferred start,
 * priority, noise and label, its state, the reason when refused, and the booking when booked.
 *
 * @param originator the partner node whose request this is, for a read-only replica (its booking holds its place in
 *                   this node's plan); null for a request filed on this node
 */
public record BookingRequest(String id, String unit, String nation, String requesterZone, List<String> facilities,
        int durationMinutes, Instant earliestStart, Instant latestStart, Instant preferredStart, int priority,
        boolean noisy, Label label, RequestState state, @Nullable String reason, @Nullable String facility,
        @Nullable Instant start, @Nullable Instant end, boolean confirmed, String requestedBy, @Nullable String originator,
        @JsonIgnore @Nullable String reasonCode) implements Labelled {

    /** A request whose reason is known only as text (a partner's replica, a row written before reasons were codes). */
    public BookingRequest(String id, String unit, String nation, String requesterZone, List<String> facilities, int durationMinutes,
            Instant earliestStart, Instant latestStart, Instant preferredStart, int priority, boolean noisy, Label label, RequestState state,
            @Nullable String reason, @Nullable String facility, @Nullable Instant start, @Nullable Instant end, boolean confirmed,
            String requestedBy, @Nullable String originator) {
        this(id, unit, nation, requesterZone, facilities, durationMinutes, earliestStart, latestStart, preferredStart, priority, noisy, label, state,
                reason, facility, start, end, confirmed, requestedBy, originator, null);
    }

    /**
     * This request with its reason in {@code language}: told from its code where it has one ({@code reasonCode}),
     * otherwise the text as stored (rows written before reasons were kept as codes, partners' replicas).
     */
    public BookingRequest in(Locale language) {
        Reason why = Reason.fromStored(reasonCode);
        if (why == null) return this;
        return new BookingRequest(id, unit, nation, requesterZone, facilities, durationMinutes, earliestStart, latestStart, preferredStart, priority,
                noisy, label, state, why.in(language), facility, start, end, confirmed, requestedBy, originator, reasonCode);
    }
}
