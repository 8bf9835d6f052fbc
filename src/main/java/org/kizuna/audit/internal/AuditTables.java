package org.kizuna.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.kizuna.audit.SignedTreeHead;

/** Plain JDBC access to the two audit tables, shared by the running log and the offline verifier. */
public final class AuditTables {

    /** A stored leaf: its index, canonical bytes and stored leaf hash. */
    public record Row(long index, byte[] record, byte[] leafHash) {
    }

    /** Receives stored rows in index order. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(long index, byte[] record, byte[] leafHash) throws SQLException;
    }

    private AuditTables() {
    }

    static void insert(Connection c, List<Row> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into audit_entry (entry_index, record, leaf_hash) values (?, ?, ?)")) {
            for (Row r : rows) {
                ps.setLong(1, r.index());
                ps.setBytes(2, r.record());
                ps.setBytes(3, r.leafHash());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void insert(Connection c, SignedTreeHead head) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into audit_tree_head (tree_size, root_hash, signed_at, signature) values (?, ?, ?, ?)")) {
            ps.setLong(1, head.treeSize());
            ps.setBytes(2, head.rootHash());
            ps.setObject(3, OffsetDateTime.ofInstant(head.timestamp(), ZoneOffset.UTC));
            ps.setBytes(4, head.signature());
            ps.executeUpdate();
        }
    }

    /** Every tree head, smallest first. */
    public static List<SignedTreeHead> treeHeads(Connection c) throws SQLException {
        List<SignedTreeHead> heads = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select tree_size, root_hash, signed_at, signature from audit_tree_head order by tree_size");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                heads.add(head(rs));
            }
        }
        return heads;
    }

    static SignedTreeHead latestTreeHead(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select tree_size, root_hash, signed_at, signature from audit_tree_head order by tree_size desc limit 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? head(rs) : null;
        }
    }

    /**
     * Streams every stored entry in index order. On PostgreSQL the caller's connection must not be in
     * auto-commit mode for the fetch size to take effect.
     */
    public static void scan(Connection c, long fromIndex, boolean withRecord, RowConsumer consumer) throws SQLException {
        String columns = withRecord ? "entry_index, record, leaf_hash" : "entry_index, leaf_hash";
        try (PreparedStatement ps = c.prepareStatement("select " + columns + " from audit_entry where entry_index >= ? order by entry_index")) {
            ps.setFetchSize(4096);
            ps.setLong(1, fromIndex);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (withRecord) {
                        consumer.accept(rs.getLong(1), rs.getBytes(2), rs.getBytes(3));
                    } else {
                        consumer.accept(rs.getLong(1), null, rs.getBytes(2));
                    }
                }
            }
        }
    }

    /** Stored leaf hashes for indices {@code from} (inclusive) to {@code to} (exclusive), in order. */
    static List<Row> leafHashes(Connection c, long from, long to) throws SQLException {
        List<Row> rows = new ArrayList<>((int) Math.min(to - from, 4096));
        try (PreparedStatement ps = c.prepareStatement("select entry_index, leaf_hash from audit_entry where entry_index >= ? and entry_index < ? order by entry_index")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), new byte[0], rs.getBytes(2)));
                }
            }
        }
        return rows;
    }

    static byte[] record(Connection c, long index) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select record from audit_entry where entry_index = ?")) {
            ps.setLong(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    private static SignedTreeHead head(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject(3, OffsetDateTime.class);
        return new SignedTreeHead(rs.getLong(1), rs.getBytes(2), at.toInstant(), rs.getBytes(4));
    }
}
