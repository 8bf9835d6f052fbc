package org.kizuna.federation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A partner node to federate with: its nation, the address of its federation port ({@code host:port}) and its CA
 * certificate in PEM. It is pending until an administrator approves the certificate's fingerprint.
 */
public record NewPeer(
        @NotBlank(message = "give the peer's nation") @Pattern(regexp = "[A-Z]{3}", message = "a nation is an ISO 3166 alpha-3 code such as JPN") String nation,
        @NotBlank(message = "give the peer's federation address as host:port") @Size(max = 255, message = "is at most 255 characters") @Pattern(regexp = "[A-Za-z0-9.:\\[\\]-]+:[0-9]{1,5}", message = "must be host:port") String address,
        @NotBlank(message = "give the peer's CA certificate in PEM") @Size(max = 8000, message = "is at most 8000 characters") String caCertificate) {
}
