package org.kizuna.federation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * What of this node's picture goes to a peer, as agreed with it: {@code tracks} (the fused tracks, the default) or
 * {@code observations} (every report of this node's own sensors the guard releases to the peer's nation).
 */
public record PeerExchangeChange(
        @NotBlank(message = "{federation.exchange.blank}") @Pattern(regexp = "tracks|observations", message = "{federation.exchange.pattern}") String exchange) {
}
