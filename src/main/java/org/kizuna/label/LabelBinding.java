package org.kizuna.label;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A label bound to its data in the manner of ADatP-4778: the SHA-384 digest of the data and a signature
 * (ECDSA P-384 with SHA-384) over the label's ADatP-4774 XML and that digest. A label edited after
 * binding, or moved onto other data, no longer verifies (leaks 7 and 8).
 */
public record LabelBinding(Label label, byte[] dataDigest, byte[] signature) {

    static final String SIGNATURE_ALGORITHM = "SHA384withECDSA";

    public LabelBinding {
        dataDigest = dataDigest.clone();
        signature = signature.clone();
    }

    /** Binds a label to data, signing with the originating node's key. */
    public static LabelBinding bind(Label label, byte[] data, PrivateKey key) {
        byte[] digest = sha384(data);
        try {
            Signature s = Signature.getInstance(SIGNATURE_ALGORITHM);
            s.initSign(key);
            s.update(signedBytes(label, digest));
            return new LabelBinding(label, digest, s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a label binding with " + key.getAlgorithm() + ": " + e.getMessage(), e);
        }
    }

    /** Whether this binding's label was signed by {@code key} for exactly {@code data}. */
    public boolean verifies(byte[] data, PublicKey key) {
        if (!MessageDigest.isEqual(sha384(data), dataDigest)) return false;
        try {
            Signature s = Signature.getInstance(SIGNATURE_ALGORITHM);
            s.initVerify(key);
            s.update(signedBytes(label, dataDigest));
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The same signature and digest attached to another label (what an attacker editing a label produces). */
    public LabelBinding withLabel(Label other) {
        return new LabelBinding(other, dataDigest, signature);
    }

    @Override
    public byte[] dataDigest() {
        return dataDigest.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelBinding b && b.label.equals(label) && Arrays.equals(b.dataDigest, dataDigest) && Arrays.equals(b.signature, signature);
    }

    @Override
    public int hashCode() {
        return label.hashCode() * 31 + Arrays.hashCode(dataDigest);
    }

    @Override
    public String toString() {
        return "LabelBinding[" + label + ", sha384=" + HexFormat.of().formatHex(dataDigest) + "]";
    }

    private static byte[] signedBytes(Label label, byte[] digest) {
        return (Adatp4774.toXml(label) + HexFormat.of().formatHex(digest)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha384(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-384").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-384 is missing from this JVM", e);
        }
    }
}
