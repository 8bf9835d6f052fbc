package org.kizuna.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.audit.internal.Merkle.leafHash;
import static org.kizuna.audit.internal.Merkle.nodeHash;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6962 hashing and proofs against trees composed by hand (the RFC's own seven-leaf example), the frontier and its chunks. */
class MerkleExampleTreeTests {

    private static final HexFormat HEX = HexFormat.of();

    /** The seven leaves d0..d6 of the example tree in RFC 6962 section 2.1.3, and their hashes a..j. */
    private final List<byte[]> leaves = new ArrayList<>();
    private final byte[] a;
    private final byte[] b;
    private final byte[] c;
    private final byte[] d;
    private final byte[] e;
    private final byte[] f;
    private final byte[] j; // d6 alone
    private final byte[] g;
    private final byte[] h;
    private final byte[] i;
    private final byte[] k;
    private final byte[] l;
    private final byte[] root7;

    MerkleExampleTreeTests() {
        for (int n = 0; n < 7; n++) {
            leaves.add(leafHash(("d" + n).getBytes(StandardCharsets.US_ASCII)));
        }
        a = leaves.get(0);
        b = leaves.get(1);
        c = leaves.get(2);
        d = leaves.get(3);
        e = leaves.get(4);
        f = leaves.get(5);
        j = leaves.get(6);
        g = nodeHash(a, b);
        h = nodeHash(c, d);
        i = nodeHash(e, f);
        k = nodeHash(g, h);
        l = nodeHash(i, j);
        root7 = nodeHash(k, l);
    }

    private Merkle.Subtrees tree() {
        return (from, to) -> Merkle.root(leaves.subList((int) from, (int) to));
    }

    @Test
    void hashesUseTheLeafAndNodePrefixes() {
        // SHA-256 of a single 0x00 byte: the leaf hash of an empty entry, a published RFC 6962 value
        assertThat(HEX.formatHex(leafHash(new byte[0]))).isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(HEX.formatHex(Merkle.emptyRoot())).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(leafHash(new byte[]{1})).isNotEqualTo(nodeHash(new byte[0], new byte[]{1}));
    }

    @Test
    void rootOfTheExampleTreeSplitsAtTheLargestPowerOfTwo() {
        assertThat(Merkle.root(leaves)).isEqualTo(root7);
        assertThat(Merkle.root(leaves.subList(0, 3))).isEqualTo(nodeHash(g, c));
        assertThat(Merkle.root(leaves.subList(0, 6))).isEqualTo(nodeHash(k, i));
        assertThat(Merkle.root(leaves.subList(0, 1))).isEqualTo(a);
    }

    @Test
    void inclusionPathsMatchTheRfcExamples() {
        assertThat(Merkle.inclusionPath(0, 7, tree())).containsExactly(b, h, l);
        assertThat(Merkle.inclusionPath(3, 7, tree())).containsExactly(c, g, l);
        assertThat(Merkle.inclusionPath(4, 7, tree())).containsExactly(f, j, k);
        assertThat(Merkle.inclusionPath(6, 7, tree())).containsExactly(i, k);
        assertThat(Merkle.verifyInclusion(d, 3, 7, List.of(c, g, l), root7)).isTrue();
        assertThat(Merkle.verifyInclusion(j, 6, 7, List.of(i, k), root7)).isTrue();
    }

    @Test
    void consistencyProofsMatchTheRfcExamples() {
        byte[] root3 = nodeHash(g, c);
        byte[] root4 = k;
        byte[] root6 = nodeHash(k, i);
        assertThat(Merkle.consistencyProof(3, 7, tree())).containsExactly(c, d, g, l);
        assertThat(Merkle.consistencyProof(4, 7, tree())).containsExactly(l);
        assertThat(Merkle.consistencyProof(6, 7, tree())).containsExactly(i, j, k);
        assertThat(Merkle.verifyConsistency(3, 7, root3, root7, List.of(c, d, g, l))).isTrue();
        assertThat(Merkle.verifyConsistency(4, 7, root4, root7, List.of(l))).isTrue();
        assertThat(Merkle.verifyConsistency(6, 7, root6, root7, List.of(i, j, k))).isTrue();
    }

    @Test
    void alteredProofsAndWrongRootsFail() {
        assertThat(Merkle.verifyInclusion(d, 3, 7, List.of(g, c, l), root7)).isFalse(); // reordered path
        assertThat(Merkle.verifyInclusion(d, 2, 7, List.of(c, g, l), root7)).isFalse(); // wrong position
        assertThat(Merkle.verifyInclusion(c, 3, 7, List.of(c, g, l), root7)).isFalse(); // other leaf
        assertThat(Merkle.verifyInclusion(d, 3, 7, List.of(c, g), root7)).isFalse(); // short path
        assertThat(Merkle.verifyInclusion(d, 3, 7, List.of(c, g, l, l), root7)).isFalse(); // long path
        assertThat(Merkle.verifyInclusion(d, 7, 7, List.of(c, g, l), root7)).isFalse(); // beyond the tree
        byte[] root3 = nodeHash(g, c);
        assertThat(Merkle.verifyConsistency(3, 7, root3, root7, List.of(d, c, g, l))).isFalse();
        assertThat(Merkle.verifyConsistency(3, 7, nodeHash(g, d), root7, List.of(c, d, g, l))).isFalse();
        assertThat(Merkle.verifyConsistency(3, 7, root3, nodeHash(k, i), List.of(c, d, g, l))).isFalse();
        assertThat(Merkle.verifyConsistency(7, 3, root7, root3, List.of())).isFalse();
    }

    @Test
    void everyProofOfEverySmallTreeVerifiesAndNoOtherRootAccepts() {
        List<byte[]> many = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            many.add(leafHash(new byte[]{(byte) n, 7}));
        }
        Merkle.Subtrees t = (from, to) -> Merkle.root(many.subList((int) from, (int) to));
        for (int n = 1; n <= many.size(); n++) {
            byte[] root = Merkle.root(many.subList(0, n));
            byte[] otherRoot = nodeHash(root, root);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = Merkle.inclusionPath(m, n, t);
                assertThat(Merkle.verifyInclusion(many.get(m), m, n, path, root)).as("leaf %d of %d", m, n).isTrue();
                if (n > 1) {
                    assertThat(Merkle.verifyInclusion(many.get((m + 1) % n), m, n, path, root)).isFalse();
                }
            }
            for (int m = 0; m <= n; m++) {
                byte[] first = Merkle.root(many.subList(0, m));
                List<byte[]> proof = Merkle.consistencyProof(m, n, t);
                assertThat(Merkle.verifyConsistency(m, n, first, root, proof)).as("%d to %d", m, n).isTrue();
                if (m > 0 && m < n) {
                    assertThat(Merkle.verifyConsistency(m, n, first, otherRoot, proof)).isFalse();
                }
            }
        }
    }

    @Test
    void frontierRootEqualsTheRecursiveDefinitionAndReportsEveryChunk() {
        List<byte[]> many = new ArrayList<>();
        Merkle.Frontier frontier = new Merkle.Frontier();
        List<Long> closed = new ArrayList<>();
        List<byte[]> chunkHashes = new ArrayList<>();
        assertThat(frontier.root()).isEqualTo(Merkle.emptyRoot());
        for (int n = 0; n < 3 * Merkle.Frontier.CHUNK_SIZE + 5; n++) {
            byte[] leaf = leafHash(new byte[]{(byte) n, (byte) (n >> 8)});
            many.add(leaf);
            frontier.append(leaf, 0, (chunk, hash, off) -> {
                closed.add(chunk);
                chunkHashes.add(java.util.Arrays.copyOfRange(hash, off, off + 32));
            });
            if (n < 70 || n % 61 == 0 || (n + 1) % Merkle.Frontier.CHUNK_SIZE == 0) {
                assertThat(frontier.root()).as("size %d", n + 1).isEqualTo(Merkle.root(many));
            }
        }
        assertThat(closed).containsExactly(0L, 1L, 2L);
        for (int ch = 0; ch < 3; ch++) {
            assertThat(chunkHashes.get(ch)).isEqualTo(Merkle.root(many.subList(ch * 256, ch * 256 + 256)));
        }
        Merkle.Frontier copy = frontier.copy();
        frontier.append(many.get(0));
        assertThat(copy.root()).isEqualTo(Merkle.root(many));
        assertThat(frontier.root()).isNotEqualTo(copy.root());
    }
}
