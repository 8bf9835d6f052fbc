package org.kizuna.audit;

import java.util.List;

import org.kizuna.audit.internal.Rfc6962;

/** RFC 6962 proof that the tree of {@code secondSize} entries is an append-only extension of the tree of {@code firstSize}. */
public record ConsistencyProof(long firstSize, long secondSize, List<byte[]> path) {

    public ConsistencyProof {
        path = path.stream().map(byte[]::clone).toList();
    }

    /** Whether this proof links the two roots. */
    public boolean verify(byte[] firstRoot, byte[] secondRoot) {
        return Rfc6962.verifyConsistency(firstSize, secondSize, firstRoot, secondRoot, path);
    }
}
