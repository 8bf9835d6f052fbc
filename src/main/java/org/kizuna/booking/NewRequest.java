package org.kizuna.booking;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a requester submits. Validated by the booking module (these constraints, then the rules of the
 * booking service); bad input is refused with a message and changes nothing.
 */
public record NewRequest(@NotBlank(message = "name the unit the request is for") @Size(max = 64, message = "is at most 64 characters") String unit,
                         @NotNull(message = "name at least one acceptable facility")
                         List<@NotBlank(message = "a facility id may not be blank") @Size(max = 64, message = "a facility id is at most 64 characters") String> facilities,
                         int durationMinutes, Instant earliestStart, Instant latestStart,
                         Instant preferredStart, int priority, boolean noisy,
                         @NotBlank(message = "give the request's label, such as UNCLASSIFIED") @Size(max = 200, message = "is at most 200 characters") String label) {
}
