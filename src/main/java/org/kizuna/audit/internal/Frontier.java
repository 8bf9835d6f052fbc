package org.kizuna.audit.internal;

import java.security.DigestException;
import java.security.MessageDigest;

/**
 * The right edge of an RFC 6962 tree: one hash per complete subtree that a left-to-right scan of the
 * leaves has closed but not yet merged (bit {@code i} of the size set means a subtree of 2^i leaves).
 * Appending a leaf and computing the root are O(log n) and allocate nothing.
 */
public final class Frontier {

    /** Level of the subtrees reported to the chunk listener: 2^8 = 256 leaves. */
    public static final int CHUNK_LEVEL = 8;
    public static final int CHUNK_SIZE = 1 << CHUNK_LEVEL;

    /** Receives the hash of every complete, aligned 256-leaf subtree as the scan closes it. */
    @FunctionalInterface
    public interface ChunkListener {
        void chunkClosed(long chunkIndex, byte[] hash, int offset);
    }

    private static final int H = Rfc6962.HASH_BYTES;
    private final byte[] stack = new byte[64 * H];
    private final byte[] carry = new byte[H];
    private final MessageDigest sha = Rfc6962.newSha256();
    private long size;

    public long size() {
        return size;
    }

    /** Appends the leaf whose hash is {@code leafHash[offset..offset+32)}. */
    public void append(byte[] leafHash, int offset, ChunkListener chunks) {
        System.arraycopy(leafHash, offset, carry, 0, H);
        int level = 0;
        long n = size;
        while ((n & 1) == 1) {
            // carry = H(0x01 || stack[level] || carry)
            sha.update(Rfc6962.NODE_PREFIX);
            sha.update(stack, level * H, H);
            sha.update(carry, 0, H);
            digestInto(carry);
            n >>= 1;
            level++;
            if (level == CHUNK_LEVEL && chunks != null) {
                chunks.chunkClosed((size + 1) / CHUNK_SIZE - 1, carry, 0);
            }
        }
        System.arraycopy(carry, 0, stack, level * H, H);
        size++;
    }

    public void append(byte[] leafHash) {
        append(leafHash, 0, null);
    }

    /** MTH of the leaves appended so far. */
    public byte[] root() {
        if (size == 0) {
            return Rfc6962.emptyRoot();
        }
        int level = Long.numberOfTrailingZeros(size);
        byte[] r = new byte[H];
        System.arraycopy(stack, level * H, r, 0, H);
        long n = size >>> (level + 1);
        level++;
        while (n != 0) {
            if ((n & 1) == 1) {
                sha.update(Rfc6962.NODE_PREFIX);
                sha.update(stack, level * H, H);
                sha.update(r, 0, H);
                digestInto(r);
            }
            n >>= 1;
            level++;
        }
        return r;
    }

    /** An independent copy, so that a failed write can be rolled back. */
    public Frontier copy() {
        Frontier f = new Frontier();
        System.arraycopy(stack, 0, f.stack, 0, stack.length);
        f.size = size;
        return f;
    }

    private void digestInto(byte[] out) {
        try {
            sha.digest(out, 0, H);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
    }
}
