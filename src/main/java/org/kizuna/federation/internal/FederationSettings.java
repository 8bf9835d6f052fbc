package org.kizuna.federation.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Federation settings (prefix {@code kizuna.federation}).
 *
 * @param port          the federation port (mutual TLS); 0 means no federation at all (the default)
 * @param bindAddress   the address it listens on (default loopback; a partner on another machine needs an interface address)
 * @param batch         items per batch read from the outbox, sent, applied and acknowledged together
 * @param window        items sent and not yet acknowledged, at most
 * @param maxFrameBytes the largest message either side accepts; a larger one ends the connection with a logged reason
 * @param reconnect     the longest wait between two attempts to reach a peer (attempts back off from 250 ms to this)
 * @param idle          a link that has heard nothing for this long is considered dead and reconnected
 * @param warnQueued    above this many queued items a peer's health says so (nothing is ever dropped)
 * @param peers         peers given in the node's configuration (the operator writing it is the administrator approving
 *                      them when {@code approved-fingerprint} is given and matches)
 */
@Validated
@ConfigurationProperties("kizuna.federation")
public record FederationSettings(@DefaultValue("0") @Min(0) @Max(65535) int port,
        @DefaultValue("127.0.0.1") @NotBlank String bindAddress,
        @DefaultValue("1000") @Min(1) @Max(5000) int batch,
        @DefaultValue("5000") @Min(1) @Max(100000) int window,
        @DefaultValue("4194304") @Min(65536) @Max(67108864) int maxFrameBytes,
        @DefaultValue("10s") @NotNull Duration reconnect,
        @DefaultValue("30s") @NotNull Duration idle,
        @DefaultValue("100000") @Min(1) long warnQueued,
        @DefaultValue({
        }) @Valid List<ConfiguredPeer> peers) {

    public FederationSettings {
        peers = List.copyOf(peers);
    }

    public boolean enabled() {
        return port > 0;
    }

    /**
     * A peer given in the configuration.
     *
     * @param caCertificate       a file holding the peer's CA certificate in PEM
     * @param approvedFingerprint the SHA-256 fingerprint of that certificate as compared with the peer's operator; with it
     *                            the peer is approved at start, without it the peer waits for an administrator
     * @param exchange            what of the picture goes to the peer, as agreed with it: {@code tracks} (this node's fused
     *                            tracks) or {@code observations} (every report of this node's own sensors the guard
     *                            releases to the peer's nation); set at each start, unset keeps what an administrator
     *                            last set (tracks when never)
     */
    public record ConfiguredPeer(@NotBlank @Pattern(regexp = "[A-Z]{3}") String nation, @NotBlank String address, @NotBlank String caCertificate,
            @Nullable String approvedFingerprint, @Nullable @Pattern(regexp = "tracks|observations") String exchange) {
    }
}
