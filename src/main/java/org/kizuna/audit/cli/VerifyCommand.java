package org.kizuna.audit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.kizuna.audit.internal.LogVerifier;
import org.kizuna.node.NodeDatabase;
import org.kizuna.audit.internal.NodeKeys;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./kizuna audit verify}: checks a stopped node's audit log (or a PostgreSQL one) against its
 * signed tree heads. Exit 0 when intact, 1 naming the first bad entry or tree head, 2 when the log
 * cannot be read at all. Starts no Spring context.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify the node's audit log: leaf hashes, contiguous indices, every signed tree head's root and signature.",
                "Prints 'ok: ...' and exits 0, or 'tampered: ...' naming the first bad entry and exits 1; exits 2 when the log cannot be read."})
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", description = "Data directory of the node (default: data/USA); holds the H2 database and keys/audit-ed25519.pub.")
    @Nullable Path data;

    @Option(names = "--db-url", description = "JDBC URL of the node's PostgreSQL database instead of the H2 database under --data.")
    @Nullable String dbUrl;

    @Option(names = "--db-user", description = "Database user.")
    @Nullable String dbUser;

    @Option(names = "--db-password", description = "Database password.")
    @Nullable String dbPassword;

    @Option(names = "--public-key", description = "The node's Ed25519 public key, X.509 DER (default: <data>/keys/" + NodeKeys.PUBLIC + ").")
    @Nullable Path publicKey;

    @Option(names = "--allow-unsigned-tail", description = "Accept entries after the last signed tree head (a node that crashed, or one still running on PostgreSQL).")
    boolean allowUnsignedTail;

    @Override
    public Integer call() {
        Path dir = (data != null ? data : Path.of("data", "USA")).toAbsolutePath().normalize();
        Path keyFile = publicKey != null ? publicKey : NodeKeys.publicKeyFile(dir);
        PublicKey key;
        try {
            key = NodeKeys.readPublicKey(keyFile);
        } catch (IOException e) {
            return unusable("cannot read the node's audit public key " + keyFile + ": " + e.getMessage());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return unusable(keyFile + " is not an Ed25519 public key (X.509 DER): " + e.getMessage());
        }
        String url;
        String user;
        String password;
        if (dbUrl != null) {
            if (!dbUrl.startsWith("jdbc:postgresql:") && !dbUrl.startsWith("jdbc:h2:")) {
                return unusable("--db-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database); got '" + dbUrl + "'");
            }
            url = dbUrl;
            user = dbUser == null ? "" : dbUser;
            password = dbPassword == null ? "" : dbPassword;
        } else {
            if (!Files.isRegularFile(dir.resolve("kizuna.mv.db"))) {
                return unusable("no node database at " + dir.resolve("kizuna.mv.db") + "; give the node's data directory with --data");
            }
            url = readOnlyH2Url(dir);
            user = NodeDatabase.h2User();
            password = "";
        }
        LogVerifier.Verdict verdict;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            verdict = new LogVerifier(key, allowUnsignedTail).verify(c);
        } catch (SQLException e) {
            return unusable("cannot read the audit log from " + (dbUrl != null ? dbUrl : dir.toString()) + ": " + firstLine(e.getMessage())
                    + (dbUrl == null ? " (is the node still running? stop it first, H2 allows one process at a time)" : ""));
        }
        spec.commandLine().getOut().println(verdict.line());
        spec.commandLine().getOut().flush();
        return verdict.intact() ? 0 : 1;
    }

    /** The node's H2 database, opened read-only and never created: verification must not change what it checks. */
    public static String readOnlyH2Url(Path dir) {
        return NodeDatabase.h2Url(dir) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
    }

    private int unusable(String message) {
        spec.commandLine().getErr().println("kizuna audit verify: " + message);
        spec.commandLine().getErr().flush();
        return 2;
    }

    private static String firstLine(@Nullable String s) {
        if (s == null) {
            return "unknown database error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
