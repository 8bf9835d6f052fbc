package org.kizuna.label.internal;

import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The label module's settings (prefix {@code kizuna.label}).
 *
 * @param accreditedLevel the highest level (an English level name of the node's own policy, such as SECRET) the
 *                        node is accredited to hold; unset or empty: the highest level of the node's policy
 */
@Validated
@ConfigurationProperties("kizuna.label")
record LabelSettings(@Nullable @Size(max = 64, message = "must be a level name of the node's policy, such as SECRET") String accreditedLevel) {

    /** The accredited level, or {@code highest} (the highest level of the node's policy) when none is set. */
    String accreditedLevelOr(String highest) {
        return accreditedLevel == null || accreditedLevel.isBlank() ? highest : accreditedLevel;
    }
}
