package org.kizuna.audit.internal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6962 Merkle Tree Hash with SHA-256: leaves are hashed with prefix 0x00, interior nodes with prefix
 * 0x01, and a tree of n leaves splits at the largest power of two smaller than n. Audit paths and
 * consistency proofs are built over a {@link Subtrees} source (so the log can serve them from cached
 * subtree hashes) or a list of leaf hashes, and verified as RFC 9162 section 2.1.3.2 and 2.1.4.2 state.
 */
public final class Merkle {

    /** Length of every hash in the tree. */
    public static final int HASH_BYTES = 32;
    static final byte LEAF_PREFIX = 0x00;
    static final byte NODE_PREFIX = 0x01;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Merkle::newSha256);

    private Merkle() {
    }

    /** Where a proof generator gets the hashes of the subtrees it needs. */
    public interface Subtrees {
        /** MTH(D[from:to]) of the log's leaves; {@code from} is aligned as RFC 6962's recursion leaves it. */
        byte[] hash(long from, long to);
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** MTH of the empty tree: SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        MessageDigest d = SHA256.get();
        d.reset();
        return d.digest();
    }

    /** SHA-256(0x00 || entry). */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest d = SHA256.get();
        d.reset();
        d.update(LEAF_PREFIX);
        d.update(entry);
        return d.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest d = SHA256.get();
        d.reset();
        d.update(NODE_PREFIX);
        d.update(left);
        d.update(right);
        return d.digest();
    }

    /** The largest power of two strictly smaller than {@code n} (n &gt; 1): RFC 6962's split point. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** MTH over a list of leaf hashes, by the RFC's recursive definition (used by tests and small trees). */
    public static byte[] root(List<byte[]> leafHashes) {
        return root(leafHashes, 0, leafHashes.size());
    }

    /** MTH over leaf hashes {@code [from, to)}. */
    public static byte[] root(List<byte[]> leafHashes, int from, int to) {
        return to == from ? emptyRoot() : rootOf(leafHashes, from, to);
    }

    /** PATH(m, D[n]) over the leaf hashes {@code [from, to)}, with {@code m} counted from {@code from}. */
    public static List<byte[]> inclusionProof(List<byte[]> leafHashes, int m, int from, int to) {
        return inclusionPath(m, to - from, (a, b) -> rootOf(leafHashes, from + (int) a, from + (int) b));
    }

    /** PROOF(m, D[n]) over the first {@code n} of the leaf hashes. */
    public static List<byte[]> consistencyProof(List<byte[]> leafHashes, int m, int n) {
        return consistencyProof(m, n, (a, b) -> rootOf(leafHashes, (int) a, (int) b));
    }

    private static byte[] rootOf(List<byte[]> leaves, int from, int to) {
        if (to - from == 1) {
            return leaves.get(from);
        }
        int k = (int) split(to - from);
        return nodeHash(rootOf(leaves, from, from + k), rootOf(leaves, from + k, to));
    }

    /** PATH(m, D[n]): the audit path of leaf {@code m} in the tree of the first {@code n} leaves, leaf end first. */
    public static List<byte[]> inclusionPath(long m, long n, Subtrees tree) {
        if (m < 0 || m >= n) {
            throw new IllegalArgumentException("leaf " + m + " is not in a tree of size " + n);
        }
        List<byte[]> path = new ArrayList<>();
        path(m, 0, n, tree, path);
        return path;
    }

    private static void path(long m, long from, long n, Subtrees tree, List<byte[]> out) {
        if (n <= 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            path(m, from, k, tree, out);
            out.add(tree.hash(from + k, from + n));
        } else {
            path(m - k, from + k, n - k, tree, out);
            out.add(tree.hash(from, from + k));
        }
    }

    /** PROOF(m, D[n]): the consistency proof between the trees of the first {@code m} and {@code n} leaves. */
    public static List<byte[]> consistencyProof(long m, long n, Subtrees tree) {
        if (m < 0 || m > n) {
            throw new IllegalArgumentException("no consistency proof from size " + m + " to size " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (m == 0 || m == n) {
            return proof;
        }
        subproof(m, 0, n, true, tree, proof);
        return proof;
    }

    private static void subproof(long m, long from, long n, boolean whole, Subtrees tree, List<byte[]> out) {
        if (m == n) {
            if (!whole) {
                out.add(tree.hash(from, from + n));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, from, k, whole, tree, out);
            out.add(tree.hash(from + k, from + n));
        } else {
            subproof(m - k, from + k, n - k, false, tree, out);
            out.add(tree.hash(from, from + k));
        }
    }

    /** Whether {@code path} proves that {@code leafHash} is leaf {@code index} of the tree of {@code size} with {@code root}. */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        Climb climb = new Climb(index, size - 1);
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (climb.atRoot()) {
                return false;
            }
            r = climb.siblingOnLeft() ? nodeHash(p, r) : nodeHash(r, p);
            climb.up();
        }
        return climb.atRoot() && MessageDigest.isEqual(r, root);
    }

    /** Whether {@code proof} shows that the tree of {@code second} leaves with {@code secondRoot} extends the tree of {@code first} leaves with {@code firstRoot}. */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, emptyRoot());
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = proof;
        if (Long.bitCount(first) == 1) {
            path = new ArrayList<>(proof.size() + 1);
            path.add(firstRoot);
            path.addAll(proof);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        Climb climb = new Climb(fn, sn);
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (int i = 1; i < path.size(); i++) {
            byte[] c = path.get(i);
            if (climb.atRoot()) {
                return false;
            }
            if (climb.siblingOnLeft()) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
            } else {
                sr = nodeHash(sr, c);
            }
            climb.up();
        }
        return climb.atRoot() && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    /**
     * The walk of RFC 9162 2.1.3.2 and 2.1.4.2 from node {@code fn} up to the root of a tree whose last node
     * on that level is {@code sn}, one proof hash a step. Both proofs verify by it.
     */
    private static final class Climb {
        private long fn;
        private long sn;

        Climb(long fn, long sn) {
            this.fn = fn;
            this.sn = sn;
        }

        /** Whether the walk has reached the root: a further proof hash is one too many. */
        boolean atRoot() {
            return sn == 0;
        }

        /** Whether the next proof hash is the left sibling, hashed in front of the running hash. */
        boolean siblingOnLeft() {
            return (fn & 1) == 1 || fn == sn;
        }

        /** Goes past the next proof hash: over a left sibling to the next level where the node is a right child, then one up. */
        void up() {
            if (siblingOnLeft()) {
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            fn >>= 1;
            sn >>= 1;
        }
    }

    /**
     * The right edge of an RFC 6962 tree: one hash per complete subtree that a left-to-right scan of the
     * leaves has closed but not yet merged (bit {@code i} of the size set means a subtree of 2^i leaves).
     * Appending a leaf and computing the root are O(log n) and allocate nothing.
     */
    public static final class Frontier {

        /** Level of the subtrees reported to the chunk listener: 2^8 = 256 leaves. */
        public static final int CHUNK_LEVEL = 8;
        public static final int CHUNK_SIZE = 1 << CHUNK_LEVEL;

        /** Receives the hash of every complete, aligned 256-leaf subtree as the scan closes it. */
        @FunctionalInterface
        public interface ChunkListener {
            void chunkClosed(long chunkIndex, byte[] hash, int offset);
        }

        private static final int H = HASH_BYTES;
        private final byte[] stack = new byte[64 * H];
        private final byte[] carry = new byte[H];
        private final MessageDigest sha = newSha256();
        private long size;

        public long size() {
            return size;
        }

        /** Appends the leaf whose hash is {@code leafHash[offset..offset+32)}. */
        public void append(byte[] leafHash, int offset, @org.jspecify.annotations.Nullable ChunkListener chunks) {
            System.arraycopy(leafHash, offset, carry, 0, H);
            int level = 0;
            long n = size;
            while ((n & 1) == 1) {
                mergeStacked(level, carry);
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
                return emptyRoot();
            }
            int level = Long.numberOfTrailingZeros(size);
            byte[] r = new byte[H];
            System.arraycopy(stack, level * H, r, 0, H);
            long n = size >>> (level + 1);
            level++;
            while (n != 0) {
                if ((n & 1) == 1) {
                    mergeStacked(level, r);
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

        /** {@code right = H(0x01 || stack[level] || right)}: the complete subtree kept at {@code level} joined on its left. */
        private void mergeStacked(int level, byte[] right) {
            sha.update(NODE_PREFIX);
            sha.update(stack, level * H, H);
            sha.update(right, 0, H);
            try {
                sha.digest(right, 0, H);
            } catch (DigestException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
