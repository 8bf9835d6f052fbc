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
public record NewRequest(@NotBlank(message = "name the unit the request is for") @Size(max = 64, message = "is at most 64 characters") String unit,
        @NotEmpty(message = "name at least one acceptable facility") List<@NotBlank(message = "a facility id may not be blank") @Size(max = 64, message = "a facility id is at most 64 characters") String> facilities,
        @Min(value = 30, message = DURATION) @Max(value = 14 * 24 * 60, message = DURATION) int durationMinutes,
        @NotNull(message = INSTANT) Instant earliestStart,
        @NotNull(message = INSTANT) Instant latestStart,
        @NotNull(message = INSTANT) Instant preferredStart,
        @Min(value = 1, message = PRIORITY) @Max(value = 5, message = PRIORITY) int priority,
        boolean noisy,
        @NotBlank(message = "give the request's label, such as UNCLASSIFIED") @Size(max = 200, message = "is at most 200 characters") String label) {

    private static final String DURATION = "must be a multiple of 30 between 30 and 20160";
    private static final String INSTANT = "is required, an ISO instant such as 2026-12-01T00:00:00Z";
    private static final String PRIORITY = "must be 1 (low) to 5 (high)";
}
