package org.kizuna.intel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A release: widen a portion's releasability to these nations.
 *
 * @param portion the portion's id as the report view gives it, or its position {@code N} (1 for the first) among the
 *                portions (title excluded) of the releaser's own view of the report
 * @param to      the partner nations (ISO 3166 alpha-3) to add to the portion's REL TO list
 */
public record ReleaseRequest(
        @NotBlank(message = "{intel.invalid.name-the-portion-by-its-id-or-its}") @Size(max = 40, message = "{intel.invalid.is-at-most-40-characters}") String portion,
        @NotEmpty(message = "{intel.invalid.name-at-least-one-nation-to-release-to}") @Size(max = 10, message = "{intel.invalid.name-at-most-10-nations}") List<@Pattern(regexp = "[A-Z]{3}", message = "{intel.invalid.a-nation-is-an-iso-3166-alpha-3}") String> to) {
}
