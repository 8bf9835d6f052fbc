package org.kizuna.authority;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The supporting nation's decision on a request sent for a decision.
 *
 * @param allow  true to allow the support, false to refuse it
 * @param reason why (recorded with the request and in the audit log)
 */
public record SupportDecision(@NotNull(message = "{authority.invalid.is-required-true-to-allow-false-to-refuse}") Boolean allow,
        @NotBlank(message = "{authority.invalid.say-why}") @Size(max = 500, message = "{authority.invalid.is-at-most-500-characters}") String reason) {
}
