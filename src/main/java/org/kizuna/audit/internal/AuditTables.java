package org.kizuna.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kizuna.audit.TreeHead;

/**
 * Plain JDBC access to the audit tables, shared by the running log and the offline verifier. The
 * columns are text (record in base64, hashes in hex) so that one schema serves H2 and PostgreSQL.
 * {@code audit_writer_lock} holds one row, which a writer locks for the length of each batch's transaction.
 */
public final class AuditTables {

    private static final HexFormat HEX = HexFormat.of();

    /** A stored leaf: its index, canonical bytes, stored leaf hash and the label column. */
    public record Row(long index, byte[] record, byte[] leafHash, String label) {
    }

    /** Receives stored rows in index order. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(long index, byte[] record, byte[] leafHash, String label) throws SQLException;
    }

    private AuditTables() {
    }

    /**
     * Locks the node's log until the transaction ends: replicas of the node append one batch after the other. Taken first
     * in each writing transaction; under READ COMMITTED (the default of PostgreSQL, H2 and the pools), each statement after
     * it sees everything the previous holder committed.
     */
    static void lockLog(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from audit_writer_lock where id = 1 for update");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("audit_writer_lock has no row: the audit migrations were not applied (or the row was deleted)");
            }
        }
    }

    /** The number of stored entries as the end of the log says: its last index plus one. */
    static long size(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select max(idx) from audit_entry"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            long last = rs.getLong(1);
            return rs.wasNull() ? 0 : last + 1;
        }
    }

    /** The tree head at {@code size}, if one is stored. */
    static @Nullable TreeHead treeHead(Connection c, long size) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select tree_size, root_hash, signed_at, signature from audit_tree_head where tree_size = ?")) {
            ps.setLong(1, size);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? head(rs) : null;
            }
        }
    }

    static void insert(Connection c, List<Row> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into audit_entry (idx, record, leaf_hash, label) values (?, ?, ?, ?)")) {
            Base64.Encoder b64 = Base64.getEncoder();
            for (Row r : rows) {
                ps.setLong(1, r.index());
                ps.setString(2, b64.encodeToString(r.record()));
                ps.setString(3, HEX.formatHex(r.leafHash()));
                ps.setString(4, r.label());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void insert(Connection c, TreeHead head) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into audit_tree_head (tree_size, root_hash, signed_at, signature) values (?, ?, ?, ?)")) {
            ps.setLong(1, head.size());
            ps.setString(2, head.rootHex());
            ps.setLong(3, head.signedAt().toEpochMilli());
            ps.setString(4, Base64.getEncoder().encodeToString(head.signature()));
            ps.executeUpdate();
        }
    }

    /**
     * Every tree head, smallest first.
     *
     * @throws IllegalArgumentException when a stored hash or signature is not hex or base64
     */
    public static List<TreeHead> treeHeads(Connection c) throws SQLException {
        List<TreeHead> heads = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select tree_size, root_hash, signed_at, signature from audit_tree_head order by tree_size");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                heads.add(head(rs));
            }
        }
        return heads;
    }

    static @Nullable TreeHead latestTreeHead(Connection c) throws SQLException {
        try (PreparedStatement ps = c
                .prepareStatement("select tree_size, root_hash, signed_at, signature from audit_tree_head order by tree_size desc limit 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? head(rs) : null;
        }
    }

    /**
     * Streams every stored entry from {@code fromIndex} in index order. On PostgreSQL the connection must
     * not be in auto-commit mode for the fetch size to take effect. A record or hash that is not base64 or
     * hex is passed on as an empty array, for the caller to reject.
     */
    public static void scan(Connection c, long fromIndex, RowConsumer consumer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select idx, record, leaf_hash, label from audit_entry where idx >= ? order by idx")) {
            ps.setFetchSize(4096);
            ps.setLong(1, fromIndex);
            Base64.Decoder b64 = Base64.getDecoder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs.getLong(1), decode(b64, rs.getString(2)), hex(rs.getString(3)), rs.getString(4));
                }
            }
        }
    }

    /** Stored leaf hashes only, from {@code fromIndex} in index order. */
    static void scanLeafHashes(Connection c, long fromIndex, RowConsumer consumer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select idx, leaf_hash from audit_entry where idx >= ? order by idx")) {
            ps.setFetchSize(4096);
            ps.setLong(1, fromIndex);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs.getLong(1), new byte[0], hex(rs.getString(2)), "");
                }
            }
        }
    }

    /** Stored leaf hashes for indices {@code from} (inclusive) to {@code to} (exclusive), in order. */
    static List<Row> leafHashes(Connection c, long from, long to) throws SQLException {
        List<Row> rows = new ArrayList<>((int) Math.min(to - from, 4096));
        try (PreparedStatement ps = c.prepareStatement("select idx, leaf_hash from audit_entry where idx >= ? and idx < ? order by idx")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), new byte[0], hex(rs.getString(2)), ""));
                }
            }
        }
        return rows;
    }

    static byte @Nullable [] record(Connection c, long index) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select record from audit_entry where idx = ?")) {
            ps.setLong(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? decode(Base64.getDecoder(), rs.getString(1)) : null;
            }
        }
    }

    private static TreeHead head(ResultSet rs) throws SQLException {
        return new TreeHead(rs.getLong(1), HEX.parseHex(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3)),
                Base64.getDecoder().decode(rs.getString(4)));
    }

    private static byte[] decode(Base64.Decoder b64, String s) {
        try {
            return b64.decode(s);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static byte[] hex(String s) {
        try {
            return HEX.parseHex(s);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
