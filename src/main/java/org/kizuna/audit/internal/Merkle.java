package org.kizuna.audit.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 6962 Merkle tree hashing with SHA-256: leaves are hashed with prefix 0x00, interior nodes with
 * prefix 0x01, and a tree of n leaves splits at the largest power of two smaller than n. Includes audit
 * paths and consistency proofs with their verification (RFC 9162 section 2.1).
 */
public final class Merkle {

    private Merkle() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] leafHash(byte[] entry) {
        MessageDigest d = sha256();
        d.update((byte) 0x00);
        return d.digest(entry);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest d = sha256();
        d.update((byte) 0x01);
        d.update(left);
        return d.digest(right);
    }

    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH over leaf hashes {@code [from, to)}. */
    public static byte[] root(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 0) return emptyRoot();
        if (n == 1) return leaves.get(from);
        int k = split(n);
        return nodeHash(root(leaves, from, from + k), root(leaves, from + k, to));
    }

    public static byte[] root(List<byte[]> leaves) {
        return root(leaves, 0, leaves.size());
    }

    /** The largest power of two smaller than n (n >= 2). */
    static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /** PATH(m, D[n]) of RFC 6962 over leaf hashes {@code [from, to)}. */
    public static List<byte[]> inclusionProof(List<byte[]> leaves, int m, int from, int to) {
        List<byte[]> path = new ArrayList<>();
        inclusion(leaves, m, from, to, path);
        return path;
    }

    private static void inclusion(List<byte[]> leaves, int m, int from, int to, List<byte[]> path) {
        int n = to - from;
        if (n <= 1) return;
        int k = split(n);
        if (m < k) {
            inclusion(leaves, m, from, from + k, path);
            path.add(root(leaves, from + k, to));
        } else {
            inclusion(leaves, m - k, from + k, to, path);
            path.add(root(leaves, from, from + k));
        }
    }

    /** Verifies that {@code leaf} is entry {@code index} of the tree of {@code size} with root {@code root}. */
    public static boolean verifyInclusion(byte[] leaf, long index, long size, List<byte[]> path, byte[] root) {
        if (index >= size) return false;
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : path) {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** PROOF(m, D[n]) of RFC 6962: shows the tree of m leaves is a prefix of the tree of n leaves. */
    public static List<byte[]> consistencyProof(List<byte[]> leaves, int m, int n) {
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < n) subproof(leaves, m, 0, n, true, proof);
        return proof;
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean complete, List<byte[]> proof) {
        int n = to - from;
        if (m == n) {
            if (!complete) proof.add(root(leaves, from, to));
            return;
        }
        int k = split(n);
        if (m <= k) {
            subproof(leaves, m, from, from + k, complete, proof);
            proof.add(root(leaves, from + k, to));
        } else {
            subproof(leaves, m - k, from + k, to, false, proof);
            proof.add(root(leaves, from, from + k));
        }
    }

    /** Verifies a consistency proof between the tree of size m with root1 and the tree of size n with root2. */
    public static boolean verifyConsistency(long m, long n, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (m > n) return false;
        if (m == n) return proof.isEmpty() && Arrays.equals(root1, root2);
        if (m == 0) return proof.isEmpty();
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(m) == 1) {
            path.addFirst(root1);
        }
        if (path.isEmpty()) return false;
        long fn = m - 1;
        long sn = n - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (int i = 1; i < path.size(); i++) {
            byte[] c = path.get(i);
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, root1) && Arrays.equals(sr, root2);
    }

    /**
     * The right edge of a growing tree: the roots of its perfect subtrees, largest first. Appending is
     * O(log n) and the root is available at any size, so the writer never rehashes the whole log.
     */
    public static final class Frontier {
        private final List<byte[]> hashes = new ArrayList<>();
        private final List<Long> sizes = new ArrayList<>();
        private long size;

        public void append(byte[] leafHash) {
            hashes.add(leafHash);
            sizes.add(1L);
            size++;
            int last = hashes.size() - 1;
            while (last > 0 && sizes.get(last).equals(sizes.get(last - 1))) {
                byte[] merged = nodeHash(hashes.get(last - 1), hashes.get(last));
                long s = sizes.get(last) * 2;
                hashes.remove(last);
                sizes.remove(last);
                hashes.set(last - 1, merged);
                sizes.set(last - 1, s);
                last--;
            }
        }

        public long size() {
            return size;
        }

        /** An independent copy, so that a batch can be hashed before it is known to be written. */
        public Frontier copy() {
            Frontier f = new Frontier();
            f.hashes.addAll(hashes);
            f.sizes.addAll(sizes);
            f.size = size;
            return f;
        }

        public byte[] root() {
            if (hashes.isEmpty()) return emptyRoot();
            byte[] r = hashes.getLast();
            for (int i = hashes.size() - 2; i >= 0; i--) {
                r = nodeHash(hashes.get(i), r);
            }
            return r;
        }
    }
}
