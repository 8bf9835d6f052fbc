package org.kizuna.exercises;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An issue raised from an observation. */
public record NewIssue(
        @NotBlank(message = "{exercises.invalid.give-the-issue-a-title}") @Size(max = 200, message = "{exercises.invalid.is-at-most-200-characters}") String title,
        @NotBlank(message = "{exercises.invalid.describe-the-issue}") @Size(max = 4000, message = "{exercises.invalid.is-at-most-4000-characters}") String text,
        @NotBlank(message = "{exercises.invalid.give-the-issue-s-label-such-as-unclassified}") @Size(max = 200, message = "{exercises.invalid.is-at-most-200-characters}") String label) {
}
