package org.kizuna.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.audit.TreeHead;

/** The running log on a real H2 file database: durability on flush, proofs served from cached chunks, restarts, concurrent appends, close. */
class JdbcAuditLogTests {

    @TempDir Path dir;

    private static List<byte[]> storedRecords(AuditNodeFixture node) throws SQLException {
        List<byte[]> records = new ArrayList<>();
        try (Connection c = node.sql()) {
            AuditTables.scan(c, 0, (i, r, leaf, label) -> records.add(r));
        }
        return records;
    }

    private static List<byte[]> storedLeaves(AuditNodeFixture node) throws SQLException {
        List<byte[]> leaves = new ArrayList<>();
        try (Connection c = node.sql()) {
            AuditTables.scan(c, 0, (i, r, leaf, label) -> leaves.add(leaf));
        }
        return leaves;
    }

    @Test
    void flushMakesEveryAppendedRecordDurableUnderATreeHead() throws SQLException {
        try (AuditNodeFixture node = new AuditNodeFixture(dir)) {
            assertThat(node.log.latestTreeHead().orElseThrow().size()).isZero();
            assertThat(node.log.appendAndWait(AuditNodeFixture.record(0))).isZero();
            assertThat(node.log.appendAndWait(AuditNodeFixture.record(1))).isEqualTo(1);
            node.log.flush();
            TreeHead head = node.log.latestTreeHead().orElseThrow();
            assertThat(head.size()).isEqualTo(2);
            List<byte[]> leaves = storedLeaves(node);
            assertThat(leaves).hasSize(2);
            assertThat(head.rootHash()).isEqualTo(Merkle.nodeHash(leaves.get(0), leaves.get(1)));
            byte[] first = storedRecords(node).get(0);
            assertThat(leaves.get(0)).isEqualTo(Merkle.leafHash(first));
            assertThat(RecordCodec.decode(first).index()).isZero();
            assertThat(RecordCodec.decode(first).record()).isEqualTo(AuditNodeFixture.record(0));
            var key = java.security.KeyFactory.getInstance("Ed25519").generatePublic(new java.security.spec.X509EncodedKeySpec(node.log.publicKey()));
            assertThat(NodeKeys.verify(key, head)).isTrue();
            assertThat(NodeKeys.verify(key, new TreeHead(head.size(), head.rootHash(), head.signedAt().plusMillis(1), head.signature()))).isFalse();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void proofsAcrossSeveralChunksVerifyAgainstRootsComputedFromTheStoredLeaves() throws SQLException {
        try (AuditNodeFixture node = new AuditNodeFixture(dir)) {
            node.append(0, 3 * 256 + 77, 500);
            List<byte[]> leaves = storedLeaves(node);
            long size = node.log.latestTreeHead().orElseThrow().size();
            assertThat(size).isEqualTo(leaves.size());
            for (long treeSize : new long[]{1, 2, 255, 256, 257, 512, 700, size}) {
                byte[] root = Merkle.root(leaves.subList(0, (int) treeSize));
                for (long index : new long[]{0, 1, treeSize / 2, 255, 256, 511, treeSize - 1}) {
                    if (index >= treeSize) {
                        continue;
                    }
                    List<byte[]> path = node.log.inclusionProof(index, treeSize);
                    assertThat(node.log.leafHash(index)).isEqualTo(leaves.get((int) index));
                    assertThat(Merkle.verifyInclusion(leaves.get((int) index), index, treeSize, path, root)).as("entry %d in %d", index, treeSize).isTrue();
                    assertThat(Merkle.verifyInclusion(leaves.get((int) index), index, treeSize, path, Merkle.nodeHash(root, root))).isFalse();
                }
                for (long first : new long[]{0, 1, 3, 256, 300, treeSize}) {
                    if (first > treeSize) {
                        continue;
                    }
                    List<byte[]> proof = node.log.consistencyProof(first, treeSize);
                    assertThat(Merkle.verifyConsistency(first, treeSize, Merkle.root(leaves.subList(0, (int) first)), root, proof))
                            .as("%d to %d", first, treeSize).isTrue();
                }
            }
            assertThat(Merkle.verifyInclusion(leaves.get(700), 700, size, node.log.inclusionProof(700, size),
                    node.log.latestTreeHead().orElseThrow().rootHash())).isTrue();
            assertThatThrownBy(() -> node.log.inclusionProof(5, size + 1)).hasMessageContaining("beyond the latest signed tree head");
            assertThatThrownBy(() -> node.log.inclusionProof(size, size)).hasMessageContaining("is not in a tree of");
            assertThatThrownBy(() -> node.log.consistencyProof(10, 9)).hasMessageContaining("first size");
        }
    }

    @Test
    void aRestartedNodeContinuesTheSameTreeAndStaysConsistent() throws SQLException {
        JdbcAuditLog.Settings settings = new JdbcAuditLog.Settings(64, Duration.ofMillis(20), Duration.ofMillis(50), 1024);
        try (AuditNodeFixture node = new AuditNodeFixture(dir, settings)) {
            node.append(0, 600, 100);
            TreeHead before = node.log.latestTreeHead().orElseThrow();
            node.restart(settings);
            assertThat(node.log.latestTreeHead().orElseThrow()).isEqualTo(before);
            assertThat(node.log.appendAndWait(AuditNodeFixture.record(600))).isEqualTo(600);
            node.append(601, 900, 100);
            TreeHead after = node.log.latestTreeHead().orElseThrow();
            assertThat(after.size()).isEqualTo(900);
            assertThat(Merkle.verifyConsistency(before.size(), after.size(), before.rootHash(), after.rootHash(),
                    node.log.consistencyProof(before.size(), after.size()))).isTrue();
            assertThat(after.rootHash()).isEqualTo(Merkle.root(storedLeaves(node)));
        }
        assertThat(AuditNodeFixture.verify("--data", dir.toString()).out()).startsWith("ok: 900 entries");
    }

    @Test
    void aNodeRefusesToStartOnALogThatNoLongerMatchesItsTreeHead() throws SQLException {
        try (AuditNodeFixture node = new AuditNodeFixture(dir)) {
            node.append(0, 50, 50);
            node.log.close();
            try (Connection c = node.sql()) {
                c.createStatement().executeUpdate("delete from audit_entry where idx = 49");
            }
            assertThatThrownBy(() -> node.open(JdbcAuditLog.Settings.defaults()))
                    .hasMessageContaining("no longer matches its tree head at size 50");
        }
    }

    @Test
    void concurrentAppendsGetDistinctContiguousIndicesAndAllArrive() throws Exception {
        try (AuditNodeFixture node = new AuditNodeFixture(dir)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int base = t * 2500;
                threads.add(Thread.ofVirtual().start(() -> {
                    for (int n = base; n < base + 2500; n++) {
                        node.log.append(AuditNodeFixture.record(n));
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            node.log.flush();
            Set<String> subjects = new java.util.HashSet<>();
            for (long from = 0; from < 10_000; from += 1000) {
                List<org.kizuna.audit.AuditEntry> page = node.log.entries(from, 1000);
                assertThat(page).extracting(org.kizuna.audit.AuditEntry::index).first().isEqualTo(from);
                assertThat(page).extracting(org.kizuna.audit.AuditEntry::index).last().isEqualTo(from + 999);
                page.forEach(e -> subjects.add(e.record().subject()));
            }
            assertThat(subjects).hasSize(10_000);
            assertThat(node.log.latestTreeHead().orElseThrow().size()).isEqualTo(10_000);
        }
        assertThat(AuditNodeFixture.verify("--data", dir.toString()).exitCode()).isZero();
    }

    @Test
    void appendsAfterCloseAreRefusedAndCloseKeepsWhatWasQueued() throws SQLException {
        AuditNodeFixture node = new AuditNodeFixture(dir, new JdbcAuditLog.Settings(1000, Duration.ofSeconds(5), Duration.ofSeconds(60), 2000));
        for (int n = 0; n < 100; n++) {
            node.log.append(AuditNodeFixture.record(n));
        }
        node.log.close();
        assertThatThrownBy(() -> node.log.append(AuditNodeFixture.record(100))).hasMessageContaining("closed");
        assertThat(node.log.latestTreeHead().orElseThrow().size()).isEqualTo(100);
        assertThat(storedLeaves(node)).hasSize(100);
        node.pool.dispose();
    }

    /**
     * Proofs hand out the leaf hashes of neighbouring entries, so a leaf must not be computable from a
     * guessed record: the same record appended twice gets two unrelated leaves, and an entry hashed
     * without its random bytes matches neither.
     */
    @Test
    void aLeafCannotBeRecomputedFromAGuessedRecord() throws SQLException {
        try (AuditNodeFixture node = new AuditNodeFixture(dir)) {
            node.log.append(AuditNodeFixture.record(7));
            node.log.append(AuditNodeFixture.record(7));
            node.log.flush();
            List<byte[]> leaves = storedLeaves(node);
            assertThat(leaves.get(0)).isNotEqualTo(leaves.get(1));
            byte[] guess = RecordCodec.encode(0, new byte[RecordCodec.NONCE_BYTES], AuditNodeFixture.record(7));
            assertThat(Merkle.leafHash(guess)).isNotEqualTo(leaves.get(0));
            // the stored bytes, which only a reader of the entry receives, do give the leaf
            assertThat(Merkle.leafHash(storedRecords(node).get(0))).isEqualTo(leaves.get(0));
        }
    }
}
