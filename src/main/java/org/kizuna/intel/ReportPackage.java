package org.kizuna.intel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An ADatP-4778-style package: {@code data} (base64 of the report view's canonical JSON), its ADatP-4774 label, and
 * the binding: the SHA-384 digest of the data and the originating node's ECDSA P-384 signature over label and digest,
 * with the signer's public key (X.509, base64). A label edited afterwards, or moved onto other data, no longer verifies.
 *
 * @param node the originating node's nation
 */
public record ReportPackage(
        @NotBlank(message = "{intel.invalid.is-required}") @Size(max = 40, message = "{intel.invalid.is-at-most-40-characters}") String format,
        @NotBlank(message = "{intel.invalid.is-required}") @Size(max = 3, message = "{intel.invalid.is-a-nation-trigraph}") String node,
        @NotBlank(message = "{intel.invalid.is-required}") @Size(max = 16384, message = "{intel.invalid.is-at-most-16384-characters}") String label,
        @NotBlank(message = "{intel.invalid.is-required}") @Size(max = 200, message = "{intel.invalid.is-at-most-200-characters}") String banner,
        @NotBlank(message = "{intel.invalid.is-required}") @Size(max = 1_000_000, message = "{intel.invalid.is-at-most-1000000-characters}") String data,
        @NotBlank(message = "{intel.invalid.is-required}") @Size(max = 200, message = "{intel.invalid.is-at-most-200-characters}") String digest,
        @NotBlank(message = "{intel.invalid.is-required}") @Size(max = 400, message = "{intel.invalid.is-at-most-400-characters}") String signature,
        @NotBlank(message = "{intel.invalid.is-required}") @Size(max = 400, message = "{intel.invalid.is-at-most-400-characters}") String publicKey) {

    public static final String FORMAT = "kizuna-intel-package/1";
}
