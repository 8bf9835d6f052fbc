package org.kizuna.exercises;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An observation made during execution.
 *
 * @param inject the inject it answers, if any
 */
public record NewObservation(@NotBlank(message = "say what was observed") @Size(max = 4000, message = "is at most 4000 characters") String text,
        @Size(max = 40, message = "is at most 40 characters") @Nullable String inject,
        @NotBlank(message = "give the observation's label, such as UNCLASSIFIED") @Size(max = 200, message = "is at most 200 characters") String label) {
}
