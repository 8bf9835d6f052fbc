package org.kizuna.audit.internal;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kizuna.audit.TreeHead;

/**
 * Checks a stored audit log from scratch: every leaf hash recomputed from the stored bytes, contiguous
 * indices, each record at the index it was written for and with its label column, every tree head's
 * signature and root, heads that never go back in time, and no entry after the last signed head. Because every root is recomputed from one pass over the
 * same entries, each head is also consistent with the next. Stops at the first problem.
 */
public final class LogVerifier {

    /** The outcome: {@code problem} is null when the log is intact. */
    public record Verdict(long entries, int treeHeads, @Nullable String rootHex, @Nullable String problem) {
        public boolean intact() {
            return problem == null;
        }

        /** The one-line report of {@code audit verify}. */
        public String line() {
            return intact()
                    ? "ok: " + entries + " entries, " + treeHeads + " tree heads verified, root " + rootHex
                    : "tampered: " + problem;
        }
    }

    private static final class Tampered extends RuntimeException {
        Tampered(String problem) {
            super(problem, null, false, false);
        }
    }

    private final PublicKey publicKey;
    private final boolean allowUnsignedTail;

    public LogVerifier(PublicKey publicKey, boolean allowUnsignedTail) {
        this.publicKey = publicKey;
        this.allowUnsignedTail = allowUnsignedTail;
    }

    /** Verifies the log in {@code c}, reading it in one transaction so that a running node cannot shift it underneath. */
    public Verdict verify(Connection c) throws SQLException {
        c.setAutoCommit(false);
        if (c.getMetaData().supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ)) {
            // one snapshot of entries and tree heads, even while a node keeps writing to PostgreSQL
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
        try {
            return run(c);
        } finally {
            c.rollback();
        }
    }

    private Verdict run(Connection c) throws SQLException {
        List<TreeHead> heads;
        try {
            heads = AuditTables.treeHeads(c);
        } catch (IllegalArgumentException e) {
            return new Verdict(0, 0, null, "tree head: a stored tree head is unreadable (" + e.getMessage() + "); it was altered");
        }
        Merkle.Frontier frontier = new Merkle.Frontier();
        long[] expected = {0};
        int[] nextHead = {0};
        TreeHead[] previous = {null};
        try {
            while (nextHead[0] < heads.size() && heads.get(nextHead[0]).size() == 0) {
                checkHead(heads.get(nextHead[0]++), frontier, previous);
            }
            AuditTables.scan(c, 0, (index, record, storedLeaf, labelColumn) -> {
                long k = expected[0];
                if (index != k) {
                    throw new Tampered("entry " + k + ": missing (the next entry in the log is " + index + ")");
                }
                long writtenAt;
                try {
                    writtenAt = RecordCodec.checkedIndex(record);
                } catch (IllegalArgumentException e) {
                    throw new Tampered("entry " + k + ": altered (its stored bytes are not an audit record: " + e.getMessage() + ")");
                }
                if (writtenAt != k) {
                    throw new Tampered("entry " + k + ": out of order (it holds the record written as entry " + writtenAt + ")");
                }
                byte[] leaf = Merkle.leafHash(record);
                if (!MessageDigest.isEqual(leaf, storedLeaf)) {
                    throw new Tampered("entry " + k + ": altered (its record does not match its leaf hash)");
                }
                if (!RecordCodec.banner(record).equals(labelColumn)) {
                    throw new Tampered("entry " + k + ": altered (its label column differs from its record)");
                }
                frontier.append(leaf);
                expected[0] = k + 1;
                while (nextHead[0] < heads.size() && heads.get(nextHead[0]).size() == expected[0]) {
                    checkHead(heads.get(nextHead[0]++), frontier, previous);
                }
            });
            long n = expected[0];
            if (nextHead[0] < heads.size()) {
                TreeHead head = heads.get(nextHead[0]);
                throw new Tampered("entry " + n + ": missing (the log ends at " + n + " entries, the tree head at size "
                        + head.size() + " covers it)");
            }
            if (heads.isEmpty()) {
                throw new Tampered("tree head: none is stored, not even the empty tree's that a node signs at first start; tree heads were removed");
            }
            long signed = heads.getLast().size();
            if (n > signed && !allowUnsignedTail) {
                throw new Tampered("entry " + signed + ": not covered by any signed tree head (" + (n - signed)
                        + " entries after the last one at size " + signed + "); entries were added, or tree heads removed."
                        + " A node that crashed signs these when it next starts; --allow-unsigned-tail accepts them");
            }
            return new Verdict(n, heads.size(), HexFormat.of().formatHex(heads.getLast().rootHash()), null);
        } catch (Tampered t) {
            return new Verdict(expected[0], nextHead[0], null, t.getMessage());
        }
    }

    private void checkHead(TreeHead head, Merkle.Frontier frontier, TreeHead[] previous) {
        long size = head.size();
        if (!NodeKeys.verify(publicKey, head)) {
            throw new Tampered("tree head at size " + size + ": the signature does not verify with the node's public key (forged or altered)");
        }
        TreeHead before = previous[0];
        if (before != null && head.signedAt().isBefore(before.signedAt())) {
            throw new Tampered("tree head at size " + size + ": signed at " + head.signedAt() + ", before the smaller tree head at size "
                    + before.size() + " (" + before.signedAt() + ")");
        }
        byte[] root = frontier.root();
        if (!MessageDigest.isEqual(root, head.rootHash())) {
            long from = before == null ? 0 : before.size();
            throw new Tampered("tree head at size " + size + ": its root does not match the entries before it (signed " + head.rootHex()
                    + ", recomputed " + HexFormat.of().formatHex(root) + "); an entry between " + from + " and " + (size - 1) + " was altered and rehashed");
        }
        previous[0] = head;
    }
}
