package org.kizuna.federation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A partner node to federate with: its nation, the address of its federation port ({@code host:port}) and its CA
 * certificate in PEM. It is pending until an administrator approves the certificate's fingerprint.
 */
public record NewPeer(
        @NotBlank(message = "{federation.peer.nation.blank}") @Pattern(regexp = "[A-Z]{3}", message = "{federation.peer.nation.pattern}") String nation,
        @NotBlank(message = "{federation.peer.address.blank}") @Size(max = 255, message = "{federation.peer.address.size}") @Pattern(regexp = "[A-Za-z0-9.:\\[\\]-]+:[0-9]{1,5}", message = "{federation.peer.address.pattern}") String address,
        @NotBlank(message = "{federation.peer.ca.blank}") @Size(max = 8000, message = "{federation.peer.ca.size}") String caCertificate) {
}
