package org.kizuna.exercises;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A product a planner adds to a stage that is not closed yet.
 *
 * @param stage the stage's id ({@code design})
 * @param kind  a product kind of the exercise's template ({@code exercise-specification})
 */
public record NewProduct(
        @NotBlank(message = "{exercises.invalid.name-the-stage-such-as-design}") @Size(max = 20, message = "{exercises.invalid.is-at-most-20-characters}") String stage,
        @NotBlank(message = "{exercises.invalid.name-the-product-kind-such-as-exercise-specification}") @Size(max = 40, message = "{exercises.invalid.is-at-most-40-characters}") String kind,
        @NotBlank(message = "{exercises.invalid.give-the-product-a-title}") @Size(max = 200, message = "{exercises.invalid.is-at-most-200-characters}") String title,
        @Size(max = 4000, message = "{exercises.invalid.is-at-most-4000-characters}") @Nullable String text,
        @NotBlank(message = "{exercises.invalid.give-the-product-s-label-such-as-unclassified}") @Size(max = 200, message = "{exercises.invalid.is-at-most-200-characters}") String label) {
}
