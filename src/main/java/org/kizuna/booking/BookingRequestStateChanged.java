package org.kizuna.booking;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/** A request's state changed (booked, refused with its reason, moved, cancelled); labelled like the request. */
public record BookingRequestStateChanged(String requestId, String unit, RequestState state, @Nullable String reason,
        @Nullable String facility, @Nullable Instant start, Label label, Instant at) implements Labelled {
}
