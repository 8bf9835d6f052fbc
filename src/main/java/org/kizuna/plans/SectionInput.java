package org.kizuna.plans;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A section as a planner writes it.
 *
 * @param key     the section's key in the latest version when this changes an existing section (such as {@code s2});
 *                absent for a new section
 * @param heading the section's heading
 * @param marking the section's label, a portion mark or a banner ({@code (S//REL TO USA, JPN)}, {@code UNCLASSIFIED})
 * @param text    the section's text, in any language
 */
public record SectionInput(@Nullable @Pattern(regexp = "s[0-9]{1,6}", message = "{plans.invalid.a-section-key-is-s-followed-by-its}") String key,
        @NotBlank(message = "{plans.invalid.a-section-needs-a-heading}") @Size(max = 200, message = "{plans.invalid.a-heading-is-at-most-200-characters}") String heading,
        @NotBlank(message = "{plans.invalid.a-section-needs-a-marking-such-as-u}") @Size(max = 200, message = "{plans.invalid.a-marking-is-at-most-200-characters}") String marking,
        @NotNull(message = "{plans.invalid.a-section-needs-a-text-it-may-be}") @Size(max = 20_000, message = "{plans.invalid.a-section-s-text-is-at-most-20000}") String text) {
}
