package org.kizuna.audit.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;

import org.kizuna.audit.internal.LogVerifier;
import org.kizuna.audit.internal.NodeKeys;
import org.kizuna.node.NodeDatabase;

/**
 * Checks a stored audit log without the node: every leaf hash, contiguous indices, every signed tree
 * head's root and signature, with the node's public key. The node is stopped (its H2 database allows
 * one process at a time) or the log is read from its PostgreSQL database in one snapshot.
 */
public final class OfflineVerifier {

    /** The name of the node's public key file under {@code <data>/keys}. */
    public static final String PUBLIC_KEY_FILE = NodeKeys.PUBLIC;

    /** The outcome: intact or not, how many signed tree heads were checked, and the one-line report of {@code audit verify}. */
    public record Verdict(boolean intact, int treeHeads, String line) {
    }

    private OfflineVerifier() {
    }

    /** Where a node keeps the public key that verifies its tree heads. */
    public static Path publicKeyFile(Path dataDir) {
        return NodeKeys.publicKeyFile(dataDir);
    }

    /** An Ed25519 public key in X.509 DER, such as the node's or one a partner was given. */
    public static PublicKey readPublicKey(Path file) throws IOException, GeneralSecurityException {
        return NodeKeys.readPublicKey(file);
    }

    /** The node's H2 database, opened read-only and never created: verification must not change what it checks. */
    public static String readOnlyH2Url(Path dataDir) {
        return NodeDatabase.h2Url(dataDir) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
    }

    /**
     * Verifies the log in {@code c} with {@code key}; {@code allowUnsignedTail} accepts entries after the
     * last signed tree head (a node that crashed, or one still running on PostgreSQL).
     */
    public static Verdict verify(Connection c, PublicKey key, boolean allowUnsignedTail) throws SQLException {
        LogVerifier.Verdict v = new LogVerifier(key, allowUnsignedTail).verify(c);
        return new Verdict(v.intact(), v.treeHeads(), v.line());
    }
}
