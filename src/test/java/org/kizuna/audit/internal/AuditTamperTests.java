package org.kizuna.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.audit.AuditRecord;
import org.kizuna.audit.TreeHead;
import org.kizuna.label.Label;
import org.kizuna.node.NodeDatabase;

/**
 * {@code ./kizuna audit verify} on a real H2 file database written by the real log (several signed tree
 * heads): it passes the intact log and names the first bad entry or tree head after each kind of
 * tampering done directly in SQL, including the ones an insider with database access would try.
 */
class AuditTamperTests {

    private static final int ENTRIES = 300;
    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder B64 = Base64.getEncoder();

    @TempDir Path dir;
    private String dataArg;
    private TreeHead lastHead;
    private List<TreeHead> heads;

    @BeforeEach
    void writeAndStopANode() throws SQLException {
        try (AuditNodeFixture node = new AuditNodeFixture(dir)) {
            node.append(0, ENTRIES, 40);
            lastHead = node.log.latestTreeHead().orElseThrow();
        }
        dataArg = dir.toString();
        try (Connection c = sqlConnection()) {
            heads = AuditTables.treeHeads(c);
        }
    }

    private Connection sqlConnection() throws SQLException {
        return java.sql.DriverManager.getConnection(NodeDatabase.h2Url(dir), NodeDatabase.h2User(), "");
    }

    private void sql(String statement, Object... params) throws SQLException {
        try (Connection c = sqlConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            assertThat(ps.executeUpdate()).isPositive();
        }
    }

    private byte[] storedRecord(long index) throws SQLException {
        try (Connection c = sqlConnection(); PreparedStatement ps = c.prepareStatement("select record from audit_entry where idx = ?")) {
            ps.setLong(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return Base64.getDecoder().decode(rs.getString(1));
            }
        }
    }

    /** Runs {@code audit verify} on the node, which must find it tampered with (exit 1), and returns its verdict line. */
    private String tamperedVerdict() {
        var result = AuditNodeFixture.verify("--data", dataArg);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        return result.out();
    }

    private static AuditRecord forgedApproval() {
        return new AuditRecord(AuditRecord.Kind.APPROVAL, "usa.officer", "plans/plan/9", "approved", "", Label.UNCLASSIFIED, Instant.now());
    }

    @Test
    void passesAnIntactLogAndPrintsItsSignedRoot() {
        assertThat(heads.size()).isGreaterThan(5);
        assertThat(heads.getLast().size()).isEqualTo(ENTRIES);
        var result = AuditNodeFixture.verify("--data", dataArg);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("ok: " + ENTRIES + " entries, " + heads.size() + " tree heads verified, root " + lastHead.rootHex());
    }

    @Test
    void namesAnEntryWhoseRecordBytesWereAltered() throws SQLException {
        byte[] record = storedRecord(57);
        record[record.length - 12] ^= 1; // one bit inside the label banner
        sql("update audit_entry set record = ? where idx = 57", B64.encodeToString(record));
        assertThat(tamperedVerdict()).isEqualTo("tampered: entry 57: altered (its record does not match its leaf hash)");
    }

    @Test
    void namesAnEntryWhoseLabelColumnWasLowered() throws SQLException {
        sql("update audit_entry set label = 'UNCLASSIFIED' where idx = 58");
        assertThat(tamperedVerdict()).isEqualTo("tampered: entry 58: altered (its label column differs from its record)");
    }

    @Test
    void namesTheTreeHeadWhenAnAlteredEntryCarriesARecomputedLeafHash() throws SQLException {
        AuditRecord forged = new AuditRecord(AuditRecord.Kind.READ_DECISION, "JPN/SECRET/jpn.officer", "intel/report/57", "allow", "",
                Label.UNCLASSIFIED, Instant.now());
        byte[] bytes = RecordCodec.encode(57, forged);
        sql("update audit_entry set record = ?, leaf_hash = ?, label = ? where idx = 57", B64.encodeToString(bytes),
                HEX.formatHex(Merkle.leafHash(bytes)), "UNCLASSIFIED");
        TreeHead covering = heads.stream().filter(h -> h.size() > 57).findFirst().orElseThrow();
        long previous = heads.stream().filter(h -> h.size() <= 57).mapToLong(TreeHead::size).max().orElse(0);
        assertThat(tamperedVerdict()).startsWith("tampered: tree head at size " + covering.size() + ": its root does not match")
                .endsWith("an entry between " + previous + " and " + (covering.size() - 1) + " was altered and rehashed");
    }

    @Test
    void namesARemovedEntry() throws SQLException {
        sql("delete from audit_entry where idx = 80");
        assertThat(tamperedVerdict()).isEqualTo("tampered: entry 80: missing (the next entry in the log is 81)");
    }

    @Test
    void namesTheFirstOfTheLastEntriesWhenTheyWereRemoved() throws SQLException {
        sql("delete from audit_entry where idx >= ?", (long) ENTRIES - 3);
        assertThat(tamperedVerdict()).startsWith("tampered: entry " + (ENTRIES - 3) + ": missing");
    }

    @Test
    void namesTheFirstOfTwoSwappedEntries() throws SQLException {
        try (Connection c = sqlConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update audit_entry set idx = -1 where idx = 30");
            s.executeUpdate("update audit_entry set idx = 30 where idx = 31");
            s.executeUpdate("update audit_entry set idx = 31 where idx = -1");
        }
        assertThat(tamperedVerdict()).isEqualTo("tampered: entry 30: out of order (it holds the record written as entry 31)");
    }

    @Test
    void namesATreeHeadWhoseRootWasAltered() throws SQLException {
        TreeHead target = heads.get(2);
        byte[] root = target.rootHash();
        root[0] ^= 0x40;
        sql("update audit_tree_head set root_hash = ? where tree_size = ?", HEX.formatHex(root), target.size());
        assertThat(tamperedVerdict()).isEqualTo("tampered: tree head at size " + target.size()
                + ": the signature does not verify with the node's public key (forged or altered)");
    }

    @Test
    void namesATreeHeadWhoseSignatureOrTimeWasAltered() throws SQLException {
        TreeHead target = heads.getLast();
        byte[] signature = target.signature();
        signature[10] ^= 1;
        sql("update audit_tree_head set signature = ? where tree_size = ?", B64.encodeToString(signature), target.size());
        assertThat(tamperedVerdict()).startsWith("tampered: tree head at size " + target.size() + ": the signature does not verify");

        sql("update audit_tree_head set signature = ?, signed_at = signed_at + 1 where tree_size = ?", B64.encodeToString(target.signature()), target.size());
        assertThat(AuditNodeFixture.verify("--data", dataArg).out()).startsWith("tampered: tree head at size " + target.size() + ": the signature");
    }

    @Test
    void rejectsAnEntryAndATreeHeadForgedWithAnotherKey() throws Exception {
        // an insider appends a record and signs a matching tree head with a key of their own
        Merkle.Frontier f = new Merkle.Frontier();
        try (Connection c = sqlConnection()) {
            AuditTables.scan(c, 0, (i, r, leaf, label) -> f.append(leaf));
        }
        byte[] bytes = RecordCodec.encode(ENTRIES, forgedApproval());
        byte[] leaf = Merkle.leafHash(bytes);
        f.append(leaf);
        var otherKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        long at = System.currentTimeMillis();
        byte[] signature = NodeKeys.sign(otherKey.getPrivate(), ENTRIES + 1, f.root(), at);
        sql("insert into audit_entry (idx, record, leaf_hash, label) values (?, ?, ?, ?)", (long) ENTRIES, B64.encodeToString(bytes),
                HEX.formatHex(leaf), "UNCLASSIFIED");
        sql("insert into audit_tree_head (tree_size, root_hash, signed_at, signature) values (?, ?, ?, ?)",
                (long) ENTRIES + 1, HEX.formatHex(f.root()), at, B64.encodeToString(signature));
        assertThat(tamperedVerdict()).startsWith("tampered: tree head at size " + (ENTRIES + 1) + ": the signature does not verify");
    }

    @Test
    void namesEntriesAppendedWithoutASignedTreeHead() throws SQLException {
        byte[] bytes = RecordCodec.encode(ENTRIES, forgedApproval());
        sql("insert into audit_entry (idx, record, leaf_hash, label) values (?, ?, ?, ?)", (long) ENTRIES, B64.encodeToString(bytes),
                HEX.formatHex(Merkle.leafHash(bytes)), "UNCLASSIFIED");
        var strict = AuditNodeFixture.verify("--data", dataArg);
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).startsWith("tampered: entry " + ENTRIES + ": not covered by any signed tree head");
        var lenient = AuditNodeFixture.verify("--data", dataArg, "--allow-unsigned-tail");
        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.out()).isEqualTo("ok: " + (ENTRIES + 1) + " entries, " + heads.size() + " tree heads verified, root " + lastHead.rootHex());
    }

    @Test
    void namesRemovedTreeHeads() throws SQLException {
        sql("delete from audit_tree_head");
        assertThat(tamperedVerdict()).startsWith("tampered: tree head: none is stored");
    }

    @Test
    void exitsTwoWhenThereIsNoDatabaseOrNoKey() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("elsewhere"));
        var noKey = AuditNodeFixture.verify("--data", empty.toString());
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.err()).contains("audit public key").contains(empty.toString());
        Files.createDirectories(empty.resolve("keys"));
        Files.copy(NodeKeys.publicKeyFile(dir), NodeKeys.publicKeyFile(empty));
        var noDatabase = AuditNodeFixture.verify("--data", empty.toString());
        assertThat(noDatabase.exitCode()).isEqualTo(2);
        assertThat(noDatabase.err()).contains("no node database");
        assertThat(Files.exists(empty.resolve("kizuna.mv.db"))).as("verify must not create a database").isFalse();
        var badUrl = AuditNodeFixture.verify("--data", dataArg, "--db-url", "jdbc:mysql://x/y");
        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.err()).contains("--db-url must be a PostgreSQL JDBC URL");
    }

    @Test
    void anotherNodesPublicKeyRejectsEveryHead() throws Exception {
        Path foreign = dir.resolve("foreign.pub");
        Files.write(foreign, KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
        var result = AuditNodeFixture.verify("--data", dataArg, "--public-key", foreign.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("tampered: tree head at size 0: the signature does not verify");
    }
}
