package org.kizuna.audit.internal;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Hashes of the complete, aligned 256-leaf subtrees of the durable log, kept in memory so that a proof
 * needs at most two chunks of leaf hashes from the database. One writer appends; any thread reads.
 */
final class ChunkHashes {

    private static final int H = Merkle.HASH_BYTES;
    private volatile byte[] hashes = new byte[1024 * H];
    private volatile long count;

    /** Called by the single writer only. */
    void add(long chunkIndex, byte[] hash, int offset) {
        if (chunkIndex != count) {
            throw new IllegalStateException("chunk " + chunkIndex + " closed out of order; expected " + count);
        }
        byte[] a = hashes;
        long end = (chunkIndex + 1) * H;
        if (end > a.length) {
            a = Arrays.copyOf(a, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(end, (long) a.length * 2)));
        }
        System.arraycopy(hash, offset, a, (int) (chunkIndex * H), H);
        hashes = a; // published before count, so a reader that sees the new count sees the hash
        count = chunkIndex + 1;
    }

    long count() {
        return count;
    }

    /** The hash of chunk {@code i}, or null when that chunk is not complete. */
    byte @Nullable [] get(long i) {
        long c = count;
        if (i >= c) {
            return null;
        }
        byte[] a = hashes;
        return Arrays.copyOfRange(a, (int) (i * H), (int) (i * H) + H);
    }
}
