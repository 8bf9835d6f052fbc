package org.kizuna.missions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The end of an assignment (or a correction of its end): from {@code validTo} on it no longer counts; the analysis as of
 * an earlier day still sees it. Checked where it comes in ({@code @Valid}, naming each field) and again by the service.
 *
 * @param validTo ISO date the role ends (exclusive), after the assignment's {@code validFrom}
 * @param note    optional: why it ends
 */
public record AssignmentEnd(
        @NotBlank(message = NewAssignment.DATE) @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = NewAssignment.DATE) String validTo,
        @Nullable @Size(max = 500, message = "{missions.invalid.is-at-most-500-characters}") String note) {
}
