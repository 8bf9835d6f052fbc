package org.kizuna.exercises;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * An event for the master scenario events list; its owner is the planner who adds it, of that planner's nation.
 *
 * @param at             when it is to be delivered (UTC)
 * @param audience       the training audience it goes to
 * @param expectedAction what the audience is expected to do
 */
public record NewInject(@NotNull(message = "is required, an ISO instant such as 2027-10-20T01:00:00Z") Instant at,
        @NotBlank(message = "name the training audience") @Size(max = 200, message = "is at most 200 characters") String audience,
        @NotBlank(message = "say what the audience is expected to do") @Size(max = 1000, message = "is at most 1000 characters") String expectedAction,
        @NotBlank(message = "give the inject's text") @Size(max = 4000, message = "is at most 4000 characters") String text,
        @NotBlank(message = "give the inject's label, such as UNCLASSIFIED") @Size(max = 200, message = "is at most 200 characters") String label) {
}
