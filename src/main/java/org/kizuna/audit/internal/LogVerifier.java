package org.kizuna.audit.internal;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Checks a node's whole audit log from its database, without the node: every entry's bytes against its
 * leaf hash and its own index, the indices for gaps, and every signed tree head against the root
 * recomputed from the entries and against the node's public key.
 */
public final class LogVerifier {

    private static final HexFormat HEX = HexFormat.of();

    /** The verdict: ok with counts, or the first problem found. */
    public record Verdict(boolean ok, long entries, long treeHeads, String rootHex, String problem) {
        static Verdict bad(String problem) {
            return new Verdict(false, 0, 0, "", problem);
        }
    }

    private LogVerifier() {
    }

    public static Verdict verify(Connection db, PublicKey key) throws SQLException {
        Merkle.Frontier frontier = new Merkle.Frontier();
        long expected = 0;
        try (Statement heads = db.createStatement();
             ResultSet h = heads.executeQuery("select tree_size, root_hash, signed_at, signature from audit_tree_head order by tree_size");
             Statement entries = db.createStatement();
             ResultSet e = entries.executeQuery("select idx, record, leaf_hash, label from audit_entry order by idx")) {
            long headCount = 0;
            boolean moreEntries = e.next();
            while (h.next()) {
                long size = h.getLong(1);
                while (frontier.size() < size) {
                    if (!moreEntries) {
                        return Verdict.bad("entry " + frontier.size() + ": missing (the tree head at size " + size + " covers it)");
                    }
                    String problem = checkEntry(e, expected);
                    if (problem != null) return Verdict.bad(problem);
                    frontier.append(HEX.parseHex(e.getString(3)));
                    expected++;
                    moreEntries = e.next();
                }
                byte[] root = frontier.root();
                if (!Arrays.equals(root, HEX.parseHex(h.getString(2)))) {
                    return Verdict.bad("tree head at size " + size + ": its root does not match the entries before it (an entry below "
                            + size + " was altered and rehashed)");
                }
                if (!NodeKeys.verify(key, size, root, h.getLong(3), Base64.getDecoder().decode(h.getString(4)))) {
                    return Verdict.bad("tree head at size " + size + ": the signature does not verify with the node's public key");
                }
                headCount++;
            }
            if (moreEntries) {
                String problem = checkEntry(e, expected);
                if (problem != null) return Verdict.bad(problem);
                return Verdict.bad("entry " + e.getLong(1) + ": not covered by any signed tree head");
            }
            return new Verdict(true, frontier.size(), headCount, HEX.formatHex(frontier.root()), "");
        }
    }

    private static String checkEntry(ResultSet e, long expected) throws SQLException {
        long idx = e.getLong(1);
        if (idx != expected) {
            return "entry " + expected + ": missing (the next entry in the log is " + idx + ")";
        }
        byte[] bytes;
        RecordCodec.Decoded decoded;
        try {
            bytes = Base64.getDecoder().decode(e.getString(2));
            decoded = RecordCodec.decode(bytes);
        } catch (IllegalArgumentException bad) {
            return "entry " + idx + ": unreadable record (" + bad.getMessage() + ")";
        }
        if (!Arrays.equals(Merkle.leafHash(bytes), HEX.parseHex(e.getString(3)))) {
            return "entry " + idx + ": altered (its record does not match its leaf hash)";
        }
        if (decoded.index() != idx) {
            return "entry " + idx + ": out of order (it holds the record written as entry " + decoded.index() + ")";
        }
        if (!decoded.record().label().banner().equals(e.getString(4))) {
            return "entry " + idx + ": altered (its label column differs from its record)";
        }
        return null;
    }
}
