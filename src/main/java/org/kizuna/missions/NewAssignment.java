package org.kizuna.missions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a planner records. Checked where it comes in ({@code @Valid}, naming each field) and again by the service for
 * any other caller; the service then checks what needs more than the record itself (known area and region, the
 * organization in the registry on {@code validFrom}, the label). Bad input changes nothing.
 *
 * @param area         a mission area id ({@code GET /api/v1/missions/areas})
 * @param region       a region id ({@code GET /api/v1/missions/regions})
 * @param organization a registry organization id of the user's nation
 * @param role         LEAD, SUPPORTING or SUPPORTED
 * @param task         optional: the task within the area the role is for (assignments of two nations on one task need a division)
 * @param division     optional: how the task is divided between the nations
 * @param validFrom    ISO date the role begins (inclusive)
 * @param validTo      optional ISO date the role ends (exclusive)
 * @param label        the assignment's label, such as {@code UNCLASSIFIED} or {@code CONFIDENTIAL//REL TO USA, JPN}
 * @param note         optional note
 */
public record NewAssignment(
        @NotBlank(message = "{missions.invalid.name-the-mission-area}") @Size(max = 64, message = "{missions.invalid.is-at-most-64-characters}") String area,
        @NotBlank(message = "{missions.invalid.name-the-region}") @Size(max = 64, message = "{missions.invalid.is-at-most-64-characters}") String region,
        @NotBlank(message = "{missions.invalid.name-the-organization-a-registry-organization-id}") @Size(max = 64, message = "{missions.invalid.is-at-most-64-characters}") String organization,
        @NotBlank(message = ROLE) @Pattern(regexp = "LEAD|SUPPORTING|SUPPORTED", message = ROLE) String role,
        @Nullable @Size(max = 200, message = "{missions.invalid.is-at-most-200-characters}") String task,
        @Nullable @Size(max = 500, message = "{missions.invalid.is-at-most-500-characters}") String division,
        @NotBlank(message = DATE) @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = DATE) String validFrom,
        @Nullable @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = DATE) String validTo,
        @NotBlank(message = "{missions.invalid.give-the-assignment-s-label-such-as-unclassified}") @Size(max = 200, message = "{missions.invalid.is-at-most-200-characters}") String label,
        @Nullable @Size(max = 500, message = "{missions.invalid.is-at-most-500-characters}") String note) {

    public static final String ROLE = "{missions.invalid.must-be-lead-supporting-or-supported}";
    public static final String DATE = "{missions.invalid.must-be-a-date-in-iso-form-yyyy}";
}
