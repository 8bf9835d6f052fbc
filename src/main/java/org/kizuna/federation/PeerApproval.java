package org.kizuna.federation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An administrator's approval of a peer: the fingerprint of the peer's CA certificate, as compared out of band. */
public record PeerApproval(
        @NotBlank(message = "give the fingerprint you compared with the peer's operator") @Size(max = 200, message = "is at most 200 characters") String fingerprint) {
}
