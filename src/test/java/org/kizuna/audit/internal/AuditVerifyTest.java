package org.kizuna.audit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.audit.AuditRecord;
import org.kizuna.audit.SignedTreeHead;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./kizuna audit verify} on a real H2 file database written by the real log: it passes the intact
 * log and names the first bad entry or tree head after each kind of tampering done directly in SQL.
 */
class AuditVerifyTest {

    private static final int ENTRIES = 300;

    @TempDir
    Path dir;
    private String dataArg;
    private SignedTreeHead lastHead;
    private List<SignedTreeHead> heads;

    @BeforeEach
    void writeAndStopANode() throws SQLException {
        try (AuditNodeFixture node = new AuditNodeFixture(dir)) {
            node.append(0, ENTRIES, 40);
            lastHead = node.log.latestTreeHead();
        }
        dataArg = dir.toString();
        try (Connection c = sqlConnection()) {
            heads = AuditTables.treeHeads(c);
        }
    }

    private Connection sqlConnection() throws SQLException {
        return java.sql.DriverManager.getConnection(org.kizuna.KizunaDatabase.h2Url(dir), "sa", "");
    }

    private void sql(String statement, Object... params) throws SQLException {
        try (Connection c = sqlConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private byte[] bytes(String query, long key) throws SQLException {
        try (Connection c = sqlConnection(); PreparedStatement ps = c.prepareStatement(query)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    @Test
    void passesAnIntactLogAndPrintsItsSignedRoot() {
        assertThat(heads.size()).isGreaterThan(5);
        assertThat(heads.getLast().treeSize()).isEqualTo(ENTRIES);
        var result = AuditNodeFixture.verify("--data", dataArg);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("ok: " + ENTRIES + " entries, " + heads.size() + " tree heads verified, root " + lastHead.rootHex());
    }

    @Test
    void namesAnEntryWhoseRecordBytesWereAltered() throws SQLException {
        byte[] record = bytes("select record from audit_entry where entry_index = ?", 57);
        record[record.length - 20] ^= 1; // one bit inside the label
        sql("update audit_entry set record = ? where entry_index = 57", record);
        var result = AuditNodeFixture.verify("--data", dataArg);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("tampered: entry 57: ").contains("altered");
    }

    @Test
    void namesTheTreeHeadWhenAnAlteredEntryCarriesARecomputedLeafHash() throws SQLException {
        AuditRecord forged = AuditRecord.readDecision("jpn.officer", "USA:report:57", true, "granted", "UNCLASSIFIED", Instant.now());
        byte[] bytes = RecordCodec.encode(57, forged);
        sql("update audit_entry set record = ?, leaf_hash = ? where entry_index = 57", bytes, Rfc6962.leafHash(bytes));
        SignedTreeHead covering = heads.stream().filter(h -> h.treeSize() > 57).findFirst().orElseThrow();
        long previous = heads.stream().filter(h -> h.treeSize() <= 57).mapToLong(SignedTreeHead::treeSize).max().orElse(0);
        var result = AuditNodeFixture.verify("--data", dataArg);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("tampered: tree head at size " + covering.treeSize() + ": ")
                .contains("between " + previous + " and " + (covering.treeSize() - 1));
    }

    @Test
    void namesARemovedEntry() throws SQLException {
        sql("delete from audit_entry where entry_index = 80");
        var result = AuditNodeFixture.verify("--data", dataArg);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("tampered: entry 80: missing");
    }

    @Test
    void namesTheLastEntryWhenItWasRemoved() throws SQLException {
        sql("delete from audit_entry where entry_index >= ?", ENTRIES - 3);
        var result = AuditNodeFixture.verify("--data", dataArg);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("tampered: entry " + (ENTRIES - 3) + ": missing");
    }

    @Test
    void namesTheFirstOfTwoSwappedEntries() throws SQLException {
        try (Connection c = sqlConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update audit_entry set entry_index = -1 where entry_index = 30");
            s.executeUpdate("update audit_entry set entry_index = 30 where entry_index = 31");
            s.executeUpdate("update audit_entry set entry_index = 31 where entry_index = -1");
        }
        var result = AuditNodeFixture.verify("--data", dataArg);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("tampered: entry 30: holds the record written as entry 31");
    }

    @Test
    void namesATreeHeadWhoseRootWasAltered() throws SQLException {
        SignedTreeHead target = heads.get(2);
        byte[] root = target.rootHash();
        root[0] ^= 0x40;
        sql("update audit_tree_head set root_hash = ? where tree_size = ?", root, target.treeSize());
        var result = AuditNodeFixture.verify("--data", dataArg);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("tampered: tree head at size " + target.treeSize()
                + ": signature does not verify with the node's public key; the tree head was forged or altered");
    }

    @Test
    void namesATreeHeadWhoseSignatureWasAltered() throws SQLException {
        SignedTreeHead target = heads.getLast();
        byte[] signature = target.signature();
        signature[10] ^= 1;
        sql("update audit_tree_head set signature = ? where tree_size = ?", signature, target.treeSize());
        var result = AuditNodeFixture.verify("--data", dataArg);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("tampered: tree head at size " + target.treeSize() + ": signature does not verify");
    }

    @Test
    void rejectsEntriesAndATreeHeadForgedWithAnotherKey() throws Exception {
        // an insider appends a record and signs a matching tree head with a key of their own
        Frontier f = new Frontier();
        try (Connection c = sqlConnection()) {
            AuditTables.scan(c, 0, false, (i, r, leaf) -> f.append(leaf));
        }
        byte[] bytes = RecordCodec.encode(ENTRIES, AuditRecord.approval("usa.officer", "USA:plan:9", "", "UNCLASSIFIED", Instant.now()));
        byte[] leaf = Rfc6962.leafHash(bytes);
        f.append(leaf);
        var otherKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        byte[] signature = NodeKeys.sign(otherKey.getPrivate(), SignedTreeHead.signedBytes(ENTRIES + 1, f.root(), at));
        sql("insert into audit_entry (entry_index, record, leaf_hash) values (?, ?, ?)", (long) ENTRIES, bytes, leaf);
        sql("insert into audit_tree_head (tree_size, root_hash, signed_at, signature) values (?, ?, ?, ?)",
                (long) ENTRIES + 1, f.root(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC), signature);
        var result = AuditNodeFixture.verify("--data", dataArg);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("tampered: tree head at size " + (ENTRIES + 1) + ": signature does not verify");
    }

    @Test
    void namesEntriesAppendedWithoutASignedTreeHead() throws SQLException {
        byte[] bytes = RecordCodec.encode(ENTRIES, AuditRecord.approval("usa.officer", "USA:plan:9", "", "UNCLASSIFIED", Instant.now()));
        sql("insert into audit_entry (entry_index, record, leaf_hash) values (?, ?, ?)", (long) ENTRIES, bytes, Rfc6962.leafHash(bytes));
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
        var result = AuditNodeFixture.verify("--data", dataArg);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("tampered: ");
    }

    @Test
    void exitsTwoWhenThereIsNoDatabaseOrNoKey() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("elsewhere"));
        var noKey = AuditNodeFixture.verify("--data", empty.toString());
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.err()).contains("audit public key").contains(empty.toString());
        Files.createDirectories(empty.resolve("keys"));
        Files.copy(dir.resolve("keys").resolve(NodeKeys.PUBLIC_FILE), empty.resolve("keys").resolve(NodeKeys.PUBLIC_FILE));
        var noDatabase = AuditNodeFixture.verify("--data", empty.toString());
        assertThat(noDatabase.exitCode()).isEqualTo(2);
        assertThat(noDatabase.err()).contains("no node database");
        assertThat(Files.exists(empty.resolve("kizuna.mv.db"))).as("verify must not create a database").isFalse();
        var badUrl = AuditNodeFixture.verify("--data", dataArg, "--db-url", "jdbc:mysql://x/y");
        assertThat(badUrl.exitCode()).isEqualTo(2);
    }

    @Test
    void anotherNodesPublicKeyRejectsEveryHead() throws Exception {
        Path foreign = dir.resolve("foreign.pub");
        Files.write(foreign, KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
        var result = AuditNodeFixture.verify("--data", dataArg, "--public-key", foreign.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).startsWith("tampered: tree head at size ").contains("signature does not verify");
    }
}
