package org.kizuna.audit;

import java.time.Instant;

/** A signed statement of the log's size and Merkle root at a moment; partners keep them to detect rewrites. */
public record TreeHead(long size, byte[] rootHash, Instant signedAt, byte[] signature) {
}
