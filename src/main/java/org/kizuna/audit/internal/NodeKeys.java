package org.kizuna.audit.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

import org.kizuna.audit.SignedTreeHead;

/**
 * The node's Ed25519 audit key pair under {@code <data-dir>/keys}: the private key as PKCS#8 DER
 * ({@code audit-ed25519.p8}, readable by the owner only) and the public key as X.509 DER
 * ({@code audit-ed25519.pub}), which is all that {@code audit verify} needs.
 */
public final class NodeKeys {

    public static final String PRIVATE_FILE = "audit-ed25519.p8";
    public static final String PUBLIC_FILE = "audit-ed25519.pub";

    private NodeKeys() {
    }

    public static Path publicKeyFile(Path dataDir) {
        return dataDir.resolve("keys").resolve(PUBLIC_FILE);
    }

    /** Loads the node's key pair, creating it on first start. */
    public static KeyPair loadOrCreate(Path dataDir) {
        Path dir = dataDir.resolve("keys");
        Path priv = dir.resolve(PRIVATE_FILE);
        Path pub = dir.resolve(PUBLIC_FILE);
        try {
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            if (Files.exists(priv)) {
                PrivateKey privateKey = kf.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(priv)));
                PublicKey publicKey = kf.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(pub)));
                return new KeyPair(publicKey, privateKey);
            }
            Files.createDirectories(dir);
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            writeAtomically(pub, pair.getPublic().getEncoded(), false);
            writeAtomically(priv, pair.getPrivate().getEncoded(), true);
            return pair;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the audit key under " + dir + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the audit key under " + dir + " is not an Ed25519 key: " + e.getMessage(), e);
        }
    }

    /** Reads an X.509 DER Ed25519 public key. */
    public static PublicKey readPublicKey(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Files.readAllBytes(file)));
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a tree head: " + e.getMessage(), e);
        }
    }

    /** Whether the head's signature verifies with {@code key}. */
    public static boolean verify(PublicKey key, SignedTreeHead head) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(head.signedBytes());
            return s.verify(head.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void writeAtomically(Path target, byte[] bytes, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        if (secret) {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the data directory's own permissions protect the key
            }
        }
        Files.write(tmp, bytes);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
