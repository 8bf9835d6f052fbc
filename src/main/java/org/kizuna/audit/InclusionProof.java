package org.kizuna.audit;

import java.util.List;

import org.kizuna.audit.internal.Rfc6962;

/**
 * RFC 6962 audit path showing that the entry at {@code leafIndex} is in the tree of {@code treeSize}
 * entries; a partner checks it against a signed tree head of that size.
 */
public record InclusionProof(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path) {

    public InclusionProof {
        leafHash = leafHash.clone();
        path = path.stream().map(byte[]::clone).toList();
    }

    /** Whether this proof leads from the leaf hash to {@code rootHash}. */
    public boolean verify(byte[] rootHash) {
        return Rfc6962.verifyInclusion(leafIndex, treeSize, leafHash, path, rootHash);
    }

    @Override
    public byte[] leafHash() {
        return leafHash.clone();
    }
}
