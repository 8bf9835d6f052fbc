package org.kizuna.authority;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A level to set in force for a region.
 *
 * @param region a region id ({@code GET /api/v1/authority/facts})
 * @param level  a situation id, such as {@code peacetime} or {@code important-influence}
 * @param note   optional: the decision it records, such as the cabinet decision's date
 */
public record NewLevel(
        @NotBlank(message = "{authority.invalid.name-the-region}") @Size(max = 64, message = "{authority.invalid.is-at-most-64-characters}") String region,
        @NotBlank(message = "{authority.invalid.name-the-situation-level}") @Size(max = 64, message = "{authority.invalid.is-at-most-64-characters}") String level,
        @Nullable @Size(max = 500, message = "{authority.invalid.is-at-most-500-characters}") String note) {
}
