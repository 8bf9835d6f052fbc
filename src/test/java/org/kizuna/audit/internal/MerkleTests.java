package org.kizuna.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6962 hashing, audit paths and consistency proofs, against the Certificate Transparency test vectors. */
class MerkleTests {

    static final HexFormat HEX = HexFormat.of();
    // The eight leaves of the RFC 6962 reference implementation's tests.
    static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"};

    static List<byte[]> leafHashes(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(Merkle.leafHash(HEX.parseHex(LEAVES[i])));
        return out;
    }

    static List<byte[]> syntheticLeaves(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(Merkle.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void rootsMatchTheReferenceVectors() {
        assertThat(HEX.formatHex(Merkle.emptyRoot())).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(HEX.formatHex(Merkle.root(leafHashes(1)))).isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(HEX.formatHex(Merkle.root(leafHashes(8)))).isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    }

    @Test
    void aThreeLeafTreeSplitsAtTwo() {
        List<byte[]> l = syntheticLeaves(3);
        byte[] expected = Merkle.nodeHash(Merkle.nodeHash(l.get(0), l.get(1)), l.get(2));
        assertThat(Merkle.root(l)).isEqualTo(expected);
    }

    @Test
    void theFrontierGivesTheSameRootAsTheRecursiveDefinitionAtEverySize() {
        List<byte[]> l = syntheticLeaves(70);
        Merkle.Frontier f = new Merkle.Frontier();
        for (int n = 1; n <= l.size(); n++) {
            f.append(l.get(n - 1));
            assertThat(f.root()).as("size %d", n).isEqualTo(Merkle.root(l, 0, n));
        }
    }

    @Test
    void everyAuditPathVerifiesAndAWrongOneDoesNot() {
        List<byte[]> l = syntheticLeaves(21);
        for (int n = 1; n <= l.size(); n++) {
            byte[] root = Merkle.root(l, 0, n);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = Merkle.inclusionProof(l, m, 0, n);
                assertThat(Merkle.verifyInclusion(l.get(m), m, n, path, root)).as("leaf %d of %d", m, n).isTrue();
                if (n > 1) {
                    assertThat(Merkle.verifyInclusion(l.get((m + 1) % n), m, n, path, root)).isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndARewrittenHistoryDoesNot() {
        List<byte[]> l = syntheticLeaves(19);
        for (int n = 1; n <= l.size(); n++) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = Merkle.consistencyProof(l, m, n);
                assertThat(Merkle.verifyConsistency(m, n, Merkle.root(l, 0, m), Merkle.root(l, 0, n), proof))
                        .as("%d -> %d", m, n).isTrue();
            }
        }
        List<byte[]> rewritten = new ArrayList<>(l);
        rewritten.set(2, Merkle.leafHash("forged".getBytes(StandardCharsets.UTF_8)));
        List<byte[]> proof = Merkle.consistencyProof(rewritten, 5, 12);
        assertThat(Merkle.verifyConsistency(5, 12, Merkle.root(l, 0, 5), Merkle.root(rewritten, 0, 12), proof)).isFalse();
    }
}
