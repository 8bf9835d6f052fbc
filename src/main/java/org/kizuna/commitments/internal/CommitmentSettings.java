package org.kizuna.commitments.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The commitments module's settings (prefix {@code kizuna.commitments}).
 *
 * @param dueDays a commitment that is not done or cancelled is due when its deadline is today or within this many days
 *                after today, by the node's clock (UTC days); 1 to 3660
 */
@Validated
@ConfigurationProperties("kizuna.commitments")
record CommitmentSettings(@DefaultValue("90") @Min(value = 1, message = "must be 1 to 3660") @Max(value = 3660, message = "must be 1 to 3660") int dueDays) {
}
