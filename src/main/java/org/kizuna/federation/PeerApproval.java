package org.kizuna.federation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An administrator's approval of a peer: the fingerprint of the peer's CA certificate, as compared out of band. */
public record PeerApproval(
        @NotBlank(message = "{federation.approval.fingerprint.blank}") @Size(max = 200, message = "{federation.approval.fingerprint.size}") String fingerprint) {
}
