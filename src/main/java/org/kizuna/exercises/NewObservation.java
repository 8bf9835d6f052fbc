package org.kizuna.exercises;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An observation made during execution.
 *
 * @param inject the inject it answers, if any
 */
public record NewObservation(
        @NotBlank(message = "{exercises.invalid.say-what-was-observed}") @Size(max = 4000, message = "{exercises.invalid.is-at-most-4000-characters}") String text,
        @Size(max = 40, message = "{exercises.invalid.is-at-most-40-characters}") @Nullable String inject,
        @NotBlank(message = "{exercises.invalid.give-the-observation-s-label-such-as-unclassified}") @Size(max = 200, message = "{exercises.invalid.is-at-most-200-characters}") String label) {
}
