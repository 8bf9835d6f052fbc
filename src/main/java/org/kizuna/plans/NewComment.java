package org.kizuna.plans;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A comment on a plan as its author writes it.
 *
 * @param marking the comment's label (portion mark or banner); like every part of a plan it must be releasable to every
 *                participating nation
 * @param text    the comment, at most 4000 characters
 */
public record NewComment(
        @NotBlank(message = "give the comment's marking, such as (U)") @Size(max = 200, message = "a marking is at most 200 characters") String marking,
        @NotBlank(message = "a comment needs a text") @Size(max = 4000, message = "a comment is at most 4000 characters") String text) {
}
