package org.kizuna.audit.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * The node's Ed25519 audit key, kept in {@code <data-dir>/keys} unless {@code kizuna.audit.keys-dir} says otherwise:
 * created at first start, the private key readable by the node's user only. Tree heads are signed over a
 * domain-separated encoding. All replicas of a node sign its one log, so they must load the same key.
 */
public final class NodeKeys {

    static final String PRIVATE = "audit-ed25519.key";
    public static final String PUBLIC = "audit-ed25519.pub";
    private static final byte[] DOMAIN = "kizuna-audit-tree-head-v1".getBytes(StandardCharsets.US_ASCII);

    private NodeKeys() {
    }

    /** Where the key lives by default: {@code <data-dir>/keys}. */
    public static Path defaultDir(Path dataDir) {
        return dataDir.resolve("keys");
    }

    public static KeyPair loadOrCreate(Path dataDir) {
        return loadOrCreateIn(defaultDir(dataDir));
    }

    /** Loads the key pair kept in {@code dir}, or creates it there. */
    public static KeyPair loadOrCreateIn(Path dir) {
        try {
            if (Files.exists(dir.resolve(PRIVATE))) {
                KeyFactory f = KeyFactory.getInstance("Ed25519");
                PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(dir.resolve(PRIVATE))));
                return new KeyPair(readPublicKey(dir.resolve(PUBLIC)), priv);
            }
            org.kizuna.node.NodeDirectory.createPrivate(dir);
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            // created readable by the node's user only before a byte of the key is written
            org.kizuna.node.NodeDirectory.writePrivate(dir.resolve(PRIVATE), pair.getPrivate().getEncoded());
            org.kizuna.node.NodeDirectory.writePrivate(dir.resolve(PUBLIC), pair.getPublic().getEncoded());
            return pair;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load or create the audit key under " + dir + ": " + e.getMessage(), e);
        }
    }

    public static PublicKey publicKey(Path dataDir) throws IOException, GeneralSecurityException {
        return readPublicKey(publicKeyFile(dataDir));
    }

    /** Where a node keeps its public key: all that {@code audit verify} and partners need. */
    public static Path publicKeyFile(Path dataDir) {
        return defaultDir(dataDir).resolve(PUBLIC);
    }

    /** An Ed25519 public key in X.509 DER, such as the node's or one a partner was given. */
    public static PublicKey readPublicKey(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Files.readAllBytes(file)));
    }

    /** Whether the tree head's signature verifies with {@code key}. */
    public static boolean verify(PublicKey key, org.kizuna.audit.TreeHead head) {
        return verify(key, head.size(), head.rootHash(), head.signedAt().toEpochMilli(), head.signature());
    }

    static byte[] signedBytes(long size, byte[] root, long atMillis) {
        return ByteBuffer.allocate(DOMAIN.length + 8 + root.length + 8).put(DOMAIN).putLong(size).put(root).putLong(atMillis).array();
    }

    public static byte[] sign(PrivateKey key, long size, byte[] root, long atMillis) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(signedBytes(size, root, atMillis));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean verify(PublicKey key, long size, byte[] root, long atMillis, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(signedBytes(size, root, atMillis));
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
