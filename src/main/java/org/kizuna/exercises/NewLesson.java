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
public record NewLesson(@NotBlank(message = "give the lesson a title") @Size(max = 200, message = "is at most 200 characters") String title,
        @NotBlank(message = "state the lesson") @Size(max = 4000, message = "is at most 4000 characters") String text,
        @NotBlank(message = "name the lesson's owner, a user of a participating nation") @Size(max = 64, message = "is at most 64 characters") String owner,
        Lesson.@Nullable Status status,
        @NotBlank(message = "give the lesson's label, such as UNCLASSIFIED") @Size(max = 200, message = "is at most 200 characters") String label) {
}
