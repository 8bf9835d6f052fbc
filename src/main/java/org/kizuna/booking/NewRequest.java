package org.kizuna.booking;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * What a requester submits. Its constraints are checked where it comes in ({@code @Valid} on the API, which names
 * each field that breaks them) and again by the booking service for any other caller; the service then applies the
 * rules that need more than the request itself (the node's bounds, the registry, the labels). Bad input is refused
 * with a message and changes nothing.
 *
 * @param unit            the unit the request is for (a registry organization id)
 * @param facilities      the acceptable facilities (registry facility ids), any of which will do
 * @param durationMinutes how long the booking lasts: a multiple of 30 minutes, 30 to 20160 (14 days)
 * @param earliestStart   the earliest acceptable start, on the half hour (UTC)
 * @param latestStart     the latest acceptable start, on the half hour
 * @param preferredStart  the start the requester prefers, within the window
 * @param priority        1 (low) to 5 (high)
 * @param noisy           whether the activity is noisy (quiet hours apply)
 * @param label           the request's label, such as {@code UNCLASSIFIED}
 */
public record NewRequest(@NotBlank(message = "{booking.request.unit.blank}") @Size(max = 64, message = "{booking.max64}") String unit,
        @NotEmpty(message = "{booking.request.facilities.empty}") List<@NotBlank(message = "{booking.request.facility.blank}") @Size(max = 64, message = "{booking.request.facility.size}") String> facilities,
        @Min(value = 30, message = DURATION) @Max(value = 14 * 24 * 60, message = DURATION) int durationMinutes,
        @NotNull(message = INSTANT) Instant earliestStart,
        @NotNull(message = INSTANT) Instant latestStart,
        @NotNull(message = INSTANT) Instant preferredStart,
        @Min(value = 1, message = PRIORITY) @Max(value = 5, message = PRIORITY) int priority,
        boolean noisy,
        @NotBlank(message = "{booking.request.label.blank}") @Size(max = 200, message = "{booking.max200}") String label) {

    // the messages are the booking catalogue's (i18n/booking.properties), told in the reader's language
    private static final String DURATION = "{booking.request.duration.range}";
    private static final String INSTANT = "{booking.request.instant}";
    private static final String PRIORITY = "{booking.request.priority}";
}
