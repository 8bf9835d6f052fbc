package org.kizuna.booking;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

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
        @Nullable Instant start, @Nullable Instant end, boolean confirmed, String requestedBy, @Nullable String originator) implements Labelled {
}
