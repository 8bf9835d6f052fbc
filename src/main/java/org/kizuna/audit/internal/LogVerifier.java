package org.kizuna.audit.internal;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

import org.kizuna.audit.SignedTreeHead;

/**
 * Checks a stored audit log from scratch: every leaf hash recomputed from the stored bytes, contiguous
 * indices, each record at the index it was written for, every tree head's signature and root, and
 * heads that grow and never go back in time. Because every root is recomputed from one pass over the
 * same entries, each head is also consistent with the next. Stops at the first problem.
 */
public final class LogVerifier {

    /** The outcome: {@code problem} is null when the log is intact. */
    public record Verdict(long entries, int treeHeads, String rootHex, String problem) {
        public boolean intact() {
            return problem == null;
        }

        /** The one-line report of {@code audit verify}. */
        public String line() {
            return intact() ? "ok: " + entries + " entries, " + treeHeads + " tree heads verified, root " + rootHex
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
        try {
            return run(c);
        } finally {
            c.rollback();
        }
    }

    private Verdict run(Connection c) throws SQLException {
        List<SignedTreeHead> heads = AuditTables.treeHeads(c);
        Frontier frontier = new Frontier();
        long[] expected = {0};
        int[] nextHead = {0};
        SignedTreeHead[] previous = {null};
        try {
            while (nextHead[0] < heads.size() && heads.get(nextHead[0]).treeSize() == 0) {
                checkHead(heads.get(nextHead[0]++), frontier, previous);
            }
            AuditTables.scan(c, 0, true, (index, record, storedLeaf) -> {
                long k = expected[0];
                if (index != k) {
                    throw new Tampered("entry " + k + ": missing (the next stored entry is " + index + "); entries were removed or reordered");
                }
                long writtenAt;
                try {
                    writtenAt = RecordCodec.checkedIndex(record);
                } catch (IllegalArgumentException e) {
                    throw new Tampered("entry " + k + ": stored bytes are not an audit record (" + e.getMessage() + "); the entry was altered");
                }
                if (writtenAt != k) {
                    throw new Tampered("entry " + k + ": holds the record written as entry " + writtenAt + "; entries were reordered or moved");
                }
                byte[] leaf = Rfc6962.leafHash(record);
                if (!MessageDigest.isEqual(leaf, storedLeaf)) {
                    throw new Tampered("entry " + k + ": record bytes do not match the stored leaf hash; the entry was altered");
                }
                frontier.append(leaf);
                expected[0] = k + 1;
                while (nextHead[0] < heads.size() && heads.get(nextHead[0]).treeSize() == expected[0]) {
                    checkHead(heads.get(nextHead[0]++), frontier, previous);
                }
            });
            long n = expected[0];
            if (nextHead[0] < heads.size()) {
                SignedTreeHead head = heads.get(nextHead[0]);
                throw new Tampered("entry " + n + ": missing; the log ends at " + n + " entries but the tree head at size "
                        + head.treeSize() + " covers entries up to " + (head.treeSize() - 1) + "; entries were removed");
            }
            if (heads.isEmpty()) {
                throw new Tampered("tree head at size " + n + ": no signed tree head is stored; tree heads were removed");
            }
            long signed = heads.getLast().treeSize();
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

    private void checkHead(SignedTreeHead head, Frontier frontier, SignedTreeHead[] previous) {
        long size = head.treeSize();
        if (!NodeKeys.verify(publicKey, head)) {
            throw new Tampered("tree head at size " + size + ": signature does not verify with the node's public key; the tree head was forged or altered");
        }
        SignedTreeHead before = previous[0];
        if (before != null && head.timestamp().isBefore(before.timestamp())) {
            throw new Tampered("tree head at size " + size + ": signed at " + head.timestamp() + ", before the smaller tree head at size "
                    + before.treeSize() + " (" + before.timestamp() + ")");
        }
        byte[] root = frontier.root();
        if (!MessageDigest.isEqual(root, head.rootHash())) {
            long from = before == null ? 0 : before.treeSize();
            throw new Tampered("tree head at size " + size + ": signed root " + head.rootHex() + " does not match the stored entries (recomputed "
                    + HexFormat.of().formatHex(root) + "); an entry between " + from + " and " + (size - 1) + " was altered, removed or reordered");
        }
        previous[0] = head;
    }
}
