package org.kizuna.audit;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The node's signed statement that its log had {@code treeSize} entries with Merkle root {@code rootHash}
 * at {@code timestamp}. The Ed25519 signature covers {@link #signedBytes()}.
 */
public record SignedTreeHead(long treeSize, byte[] rootHash, Instant timestamp, byte[] signature) {

    private static final byte[] DOMAIN = "kizuna-audit-tree-head-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public SignedTreeHead {
        if (treeSize < 0) {
            throw new IllegalArgumentException("tree size must not be negative");
        }
        if (rootHash.length != 32) {
            throw new IllegalArgumentException("root hash must be 32 bytes");
        }
        rootHash = rootHash.clone();
        signature = signature.clone();
    }

    /** The exact bytes that are signed: a domain tag, the size, the timestamp in milliseconds and the root. */
    public byte[] signedBytes() {
        return signedBytes(treeSize, rootHash, timestamp);
    }

    /** The bytes a tree head of these values is signed over; timestamps are signed to the millisecond. */
    public static byte[] signedBytes(long treeSize, byte[] rootHash, Instant timestamp) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(DOMAIN.length + 8 + 8 + rootHash.length);
        b.put(DOMAIN).putLong(treeSize).putLong(timestamp.toEpochMilli()).put(rootHash);
        return b.array();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public String rootHex() {
        return HexFormat.of().formatHex(rootHash);
    }

    public String signatureBase64() {
        return Base64.getEncoder().encodeToString(signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedTreeHead h && h.treeSize == treeSize && h.timestamp.equals(timestamp)
                && MessageDigest.isEqual(h.rootHash, rootHash) && MessageDigest.isEqual(h.signature, signature);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(treeSize) * 31 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "SignedTreeHead[size=" + treeSize + ", root=" + rootHex() + ", at=" + timestamp + "]";
    }
}
