package org.kizuna.audit.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.audit.AuditEntry;
import org.kizuna.audit.ConsistencyProof;
import org.kizuna.audit.InclusionProof;
import org.kizuna.audit.SignedTreeHead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The running log on a real H2 file database: durability on flush, proofs, restarts, concurrent appends, labelled reads. */
class JdbcAuditLogTest {

    @TempDir
    Path dir;

    private static List<byte[]> storedLeaves(AuditNodeFixture node) throws SQLException {
        List<byte[]> leaves = new ArrayList<>();
        try (Connection c = node.sql()) {
            AuditTables.scan(c, 0, false, (i, r, leaf) -> leaves.add(leaf));
        }
        return leaves;
    }

    @Test
    void flushMakesEveryAppendedRecordDurableUnderASignedTreeHead() throws SQLException {
        try (AuditNodeFixture node = new AuditNodeFixture(dir)) {
            assertThat(node.log.latestTreeHead().treeSize()).isZero();
            assertThat(node.log.append(AuditNodeFixture.record(0))).isZero();
            assertThat(node.log.append(AuditNodeFixture.record(1))).isEqualTo(1);
            node.log.flush();
            SignedTreeHead head = node.log.latestTreeHead();
            assertThat(head.treeSize()).isEqualTo(2);
            List<byte[]> leaves = storedLeaves(node);
            assertThat(leaves).hasSize(2);
            assertThat(head.rootHash()).isEqualTo(Rfc6962.nodeHash(leaves.get(0), leaves.get(1)));
            assertThat(leaves.get(0)).isEqualTo(Rfc6962.leafHash(RecordCodec.encode(0, AuditNodeFixture.record(0))));
            var key = java.security.KeyFactory.getInstance("Ed25519").generatePublic(new java.security.spec.X509EncodedKeySpec(node.log.publicKey()));
            assertThat(NodeKeys.verify(key, head)).isTrue();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void proofsAcrossSeveralChunksVerifyAgainstRootsComputedFromTheStoredLeaves() throws SQLException {
        try (AuditNodeFixture node = new AuditNodeFixture(dir)) {
            node.append(0, 3 * 256 + 77, 500);
            List<byte[]> leaves = storedLeaves(node);
            long size = node.log.latestTreeHead().treeSize();
            assertThat(size).isEqualTo(leaves.size());
            for (long treeSize : new long[] {1, 2, 255, 256, 257, 512, 700, size}) {
                byte[] root = Rfc6962.root(leaves.subList(0, (int) treeSize));
                for (long index : new long[] {0, 1, treeSize / 2, 255, 256, 511, treeSize - 1}) {
                    if (index >= treeSize) {
                        continue;
                    }
                    InclusionProof proof = node.log.inclusionProof(index, treeSize);
                    assertThat(proof.leafHash()).isEqualTo(leaves.get((int) index));
                    assertThat(proof.verify(root)).as("entry %d in %d", index, treeSize).isTrue();
                    assertThat(proof.verify(Rfc6962.nodeHash(root, root))).as("entry %d against another root", index).isFalse();
                }
                for (long first : new long[] {0, 1, 3, 256, 300, treeSize}) {
                    if (first > treeSize) {
                        continue;
                    }
                    ConsistencyProof proof = node.log.consistencyProof(first, treeSize);
                    assertThat(proof.verify(Rfc6962.root(leaves.subList(0, (int) first)), root)).as("%d to %d", first, treeSize).isTrue();
                }
            }
            assertThat(node.log.inclusionProof(700, size).verify(node.log.latestTreeHead().rootHash())).isTrue();
            assertThatThrownBy(() -> node.log.inclusionProof(5, size + 1)).hasMessageContaining("beyond the latest signed tree head");
            assertThatThrownBy(() -> node.log.inclusionProof(size, size)).hasMessageContaining("is not in the tree");
            assertThatThrownBy(() -> node.log.consistencyProof(10, 9)).hasMessageContaining("first size");
        }
    }

    @Test
    void aRestartedNodeContinuesTheSameTreeAndStaysConsistent() throws SQLException {
        JdbcAuditLog.Settings settings = new JdbcAuditLog.Settings(64, Duration.ofMillis(20), Duration.ofMillis(50), 1024);
        try (AuditNodeFixture node = new AuditNodeFixture(dir, settings)) {
            node.append(0, 600, 100);
            SignedTreeHead before = node.log.latestTreeHead();
            node.restart(settings);
            assertThat(node.log.latestTreeHead()).isEqualTo(before);
            assertThat(node.log.append(AuditNodeFixture.record(600))).isEqualTo(600);
            node.append(601, 900, 100);
            SignedTreeHead after = node.log.latestTreeHead();
            assertThat(after.treeSize()).isEqualTo(900);
            assertThat(node.log.consistencyProof(before.treeSize(), after.treeSize()).verify(before.rootHash(), after.rootHash())).isTrue();
            assertThat(after.rootHash()).isEqualTo(Rfc6962.root(storedLeaves(node)));
        }
        assertThat(AuditNodeFixture.verify("--data", dir.toString()).out()).startsWith("ok: 900 entries");
    }

    @Test
    void aNodeRefusesToStartOnALogThatNoLongerMatchesItsTreeHead() throws SQLException {
        try (AuditNodeFixture node = new AuditNodeFixture(dir)) {
            node.append(0, 50, 50);
            node.log.close();
            try (Connection c = node.sql()) {
                c.createStatement().executeUpdate("delete from audit_entry where entry_index = 49");
            }
            assertThatThrownBy(() -> JdbcAuditLog.open(node.pool, dir, JdbcAuditLog.Settings.defaults()))
                    .hasMessageContaining("no longer matches its tree head at size 50");
        }
    }

    @Test
    void concurrentAppendsGetDistinctContiguousIndicesAndAllArrive() throws Exception {
        try (AuditNodeFixture node = new AuditNodeFixture(dir)) {
            Set<Long> indices = ConcurrentHashMap.newKeySet();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int base = t * 2500;
                threads.add(Thread.ofVirtual().start(() -> {
                    for (int n = base; n < base + 2500; n++) {
                        indices.add(node.log.append(AuditNodeFixture.record(n)));
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            node.log.flush();
            assertThat(indices).hasSize(10_000);
            assertThat(indices.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(9_999);
            assertThat(node.log.latestTreeHead().treeSize()).isEqualTo(10_000);
        }
        assertThat(AuditNodeFixture.verify("--data", dir.toString()).exitCode()).isZero();
    }

    @Test
    void readersSeeOnlyRecordsWhoseLabelTheyMayRead() {
        try (AuditNodeFixture node = new AuditNodeFixture(dir)) {
            node.append(0, 30, 30);
            List<AuditEntry> unclassified = node.log.entries(0, 100, "UNCLASSIFIED"::equals);
            assertThat(unclassified).hasSize(10).allSatisfy(e -> assertThat(e.record().label()).isEqualTo("UNCLASSIFIED"));
            assertThat(unclassified).extracting(AuditEntry::index).startsWith(0L, 3L, 6L);
            assertThat(unclassified.get(1).record()).isEqualTo(AuditNodeFixture.record(3));
            assertThat(node.log.entries(4, 2, "UNCLASSIFIED"::equals)).extracting(AuditEntry::index).containsExactly(6L, 9L);
            assertThat(node.log.entries(0, 100, banner -> true)).hasSize(30);
            assertThat(node.log.entry(1, "UNCLASSIFIED"::equals)).isEmpty();
            assertThat(node.log.entry(1, b -> true)).map(AuditEntry::record).contains(AuditNodeFixture.record(1));
            assertThat(node.log.entry(99, b -> true)).isEmpty();
        }
    }

    @Test
    void appendsAfterCloseAreRefusedAndCloseKeepsWhatWasQueued() throws SQLException {
        AuditNodeFixture node = new AuditNodeFixture(dir, new JdbcAuditLog.Settings(1000, Duration.ofSeconds(5), Duration.ofSeconds(60), 2000));
        for (int n = 0; n < 100; n++) {
            node.log.append(AuditNodeFixture.record(n));
        }
        node.log.close();
        assertThatThrownBy(() -> node.log.append(AuditNodeFixture.record(100))).hasMessageContaining("closed");
        assertThat(node.log.latestTreeHead().treeSize()).isEqualTo(100);
        assertThat(storedLeaves(node)).hasSize(100);
        node.pool.dispose();
    }
}
