package org.kizuna.intel;

/** The node's label-binding key: algorithm, public key (X.509 DER, base64) and its SHA-256 fingerprint (hex). */
public record BindingKey(String node, String algorithm, String publicKey, String fingerprint) {
}
