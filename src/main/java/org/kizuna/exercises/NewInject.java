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
public record NewInject(@NotNull(message = "{exercises.invalid.is-required-an-iso-instant-such-as-2027}") Instant at,
        @NotBlank(message = "{exercises.invalid.name-the-training-audience}") @Size(max = 200, message = "{exercises.invalid.is-at-most-200-characters}") String audience,
        @NotBlank(message = "{exercises.invalid.say-what-the-audience-is-expected-to-do}") @Size(max = 1000, message = "{exercises.invalid.is-at-most-1000-characters}") String expectedAction,
        @NotBlank(message = "{exercises.invalid.give-the-inject-s-text}") @Size(max = 4000, message = "{exercises.invalid.is-at-most-4000-characters}") String text,
        @NotBlank(message = "{exercises.invalid.give-the-inject-s-label-such-as-unclassified}") @Size(max = 200, message = "{exercises.invalid.is-at-most-200-characters}") String label) {
}
