package org.kizuna.authority;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request for support.
 *
 * @param from        the requesting nation: the requester's own (ISO 3166 alpha-3)
 * @param to          the supporting nation
 * @param kind        a support kind id, such as {@code rear-area-support}
 * @param region      a region id
 * @param neededFrom  ISO date the support is needed from
 * @param neededTo    ISO date it is needed until (inclusive), at most 366 days after neededFrom
 * @param label       the request's label; the supporting nation must be able to read it
 * @param description what is needed
 */
public record NewSupportRequest(
        @NotBlank(message = NATION) @Pattern(regexp = "[A-Z]{3}", message = NATION) String from,
        @NotBlank(message = NATION) @Pattern(regexp = "[A-Z]{3}", message = NATION) String to,
        @NotBlank(message = "{authority.invalid.name-the-kind-of-support}") @Size(max = 64, message = "{authority.invalid.is-at-most-64-characters}") String kind,
        @NotBlank(message = "{authority.invalid.name-the-region}") @Size(max = 64, message = "{authority.invalid.is-at-most-64-characters}") String region,
        @NotBlank(message = DATE) @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = DATE) String neededFrom,
        @NotBlank(message = DATE) @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = DATE) String neededTo,
        @NotBlank(message = "{authority.invalid.give-the-request-s-label-such-as-unclassified}") @Size(max = 200, message = "{authority.invalid.is-at-most-200-characters}") String label,
        @NotBlank(message = "{authority.invalid.say-what-is-needed}") @Size(max = 1000, message = "{authority.invalid.is-at-most-1000-characters}") String description) {

    static final String NATION = "{authority.invalid.must-be-an-iso-3166-alpha-3-code}";
    static final String DATE = "{authority.invalid.must-be-a-date-in-iso-form-yyyy}";
}
