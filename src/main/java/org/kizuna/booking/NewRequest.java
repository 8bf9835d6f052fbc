package org.kizuna.booking;

import java.time.Instant;
import java.util.List;

/** What a requester submits. Validated by the booking module; bad input is refused with a message and changes nothing. */
public record NewRequest(String unit, List<String> facilities, int durationMinutes, Instant earliestStart, Instant latestStart,
                         Instant preferredStart, int priority, boolean noisy, String label) {
}
