package org.kizuna.audit;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A signed statement of the log's size and Merkle root at a moment, to the millisecond; partners keep
 * them to detect rewrites. The node's Ed25519 signature covers the domain tag
 * {@code kizuna-audit-tree-head-v1}, the size, the root and {@code signedAt} in epoch milliseconds.
 */
public record TreeHead(long size, byte[] rootHash, Instant signedAt, byte[] signature) {

    public TreeHead {
        if (size < 0 || rootHash.length != 32) {
            throw new IllegalArgumentException("a tree head has a size of 0 or more and a 32-byte root");
        }
        rootHash = rootHash.clone();
        signature = signature.clone();
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

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeHead h && h.size == size && h.signedAt.equals(signedAt)
                && MessageDigest.isEqual(h.rootHash, rootHash) && MessageDigest.isEqual(h.signature, signature);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return "TreeHead[size=" + size + ", root=" + rootHex() + ", signedAt=" + signedAt + "]";
    }
}
