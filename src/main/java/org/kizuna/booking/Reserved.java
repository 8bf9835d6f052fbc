package org.kizuna.booking;

import java.time.Instant;

/**
 * A time a facility is reserved: how many of its places bookings hold from {@code start} to {@code end}.
 * Shared with every reader of the facility; it names no booking, unit, label or priority (docs/label.md,
 * "What a booking refusal and a facility's reserved time show").
 */
public record Reserved(Instant start, Instant end, int places) {
}
