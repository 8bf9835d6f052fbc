package org.kizuna.plans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A change of a plan: the new list of the sections the author may read, in order. A section with the key of a
 * section of the latest version changes it, one without a key is added, and a readable section left out is removed;
 * sections the author may not read stay as they are (after the readable section they followed).
 *
 * @param sections the sections, 1 to 50
 * @param note     what the change is for, kept in the history (at most 500 characters)
 */
public record PlanChange(
        @NotEmpty(message = "{plans.invalid.a-change-gives-the-plan-s-sections-at}") @Size(max = 50, message = "{plans.invalid.a-plan-has-at-most-50-sections}") List<@NotNull(message = "{plans.invalid.a-section-may-not-be-null}") @Valid SectionInput> sections,
        @Nullable @Size(max = 500, message = "{plans.invalid.a-note-is-at-most-500-characters}") String note) {
}
