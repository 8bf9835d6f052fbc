package org.kizuna.intel.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.kizuna.node.NodeDirectory;
import org.kizuna.node.Problems;

/**
 * The node's label-binding key (ECDSA P-384, as {@link org.kizuna.label.LabelBinding} signs), kept in
 * {@code <data-dir>/keys}: created at first use, the private key readable by the node's user only.
 */
public final class BindingKeys {

    static final String PRIVATE = "intel-binding-p384.key";
    static final String PUBLIC = "intel-binding-p384.pub";

    private BindingKeys() {
    }

    public static KeyPair loadOrCreate(Path dataDir) {
        Path dir = dataDir.resolve("keys");
        try {
            KeyFactory f = KeyFactory.getInstance("EC");
            if (Files.exists(dir.resolve(PRIVATE)) && Files.exists(dir.resolve(PUBLIC))) {
                return new KeyPair(f.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(dir.resolve(PUBLIC)))),
                        f.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(dir.resolve(PRIVATE)))));
            }
            NodeDirectory.createPrivate(dir);
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp384r1"));
            KeyPair pair = g.generateKeyPair();
            NodeDirectory.writePrivate(dir.resolve(PRIVATE), pair.getPrivate().getEncoded());
            NodeDirectory.writePrivate(dir.resolve(PUBLIC), pair.getPublic().getEncoded());
            return pair;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load or create the label-binding key under " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A public key from X.509 DER in base64; an IllegalArgumentException names what is wrong. */
    static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw Problems.badRequest("intel.problem.public-key");
        }
    }

    static String base64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
