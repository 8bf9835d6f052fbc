package org.kizuna.tak.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kizuna.tak.*}: what TAK clients are told and how long enrollment tokens live.
 *
 * @param host                the host name or address clients reach the node at (connection packages, enrollment
 *                            links); unset: this machine's name
 * @param cotPort             the CoT TLS port named to clients; unset: the port the node's CoT TLS listener bound
 * @param enrollmentTokenTtl  how long an enrollment token (QR code) may be used
 * @param maxPackagesListed   the most data packages one search answers with
 * @param maxMissionsListed   the most missions one listing answers with
 * @param maxChangesListed    the most changes one mission change log answers with (the newest)
 * @param maxMissionItems     the most packages and uids one user may put in one mission
 */
@Validated
@ConfigurationProperties("kizuna.tak")
public record TakSettings(@Nullable String host,
        @Nullable @Min(value = 1, message = "must be a port number (1-65535)") @Max(value = 65535, message = "must be a port number (1-65535)") Integer cotPort,
        @DefaultValue("15m") Duration enrollmentTokenTtl,
        @DefaultValue("500") @Min(1) @Max(10_000) int maxPackagesListed,
        @DefaultValue("500") @Min(1) @Max(10_000) int maxMissionsListed,
        @DefaultValue("1000") @Min(1) @Max(100_000) int maxChangesListed,
        @DefaultValue("1000") @Min(1) @Max(100_000) int maxMissionItems) {
}
