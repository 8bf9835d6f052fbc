package org.kizuna.exercises;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A lesson drawn from an issue.
 *
 * @param owner  who acts on it: a user of a participating nation
 * @param status where it stands, {@code OPEN} when not given
 */
public record NewLesson(
        @NotBlank(message = "{exercises.invalid.give-the-lesson-a-title}") @Size(max = 200, message = "{exercises.invalid.is-at-most-200-characters}") String title,
        @NotBlank(message = "{exercises.invalid.state-the-lesson}") @Size(max = 4000, message = "{exercises.invalid.is-at-most-4000-characters}") String text,
        @NotBlank(message = "{exercises.invalid.name-the-lesson-s-owner-a-user-of}") @Size(max = 64, message = "{exercises.invalid.is-at-most-64-characters}") String owner,
        Lesson.@Nullable Status status,
        @NotBlank(message = "{exercises.invalid.give-the-lesson-s-label-such-as-unclassified}") @Size(max = 200, message = "{exercises.invalid.is-at-most-200-characters}") String label) {
}
