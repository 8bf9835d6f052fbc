package org.kizuna.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.kizuna.audit.verify.OfflineVerifier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./kizuna audit verify}: checks a stopped node's audit log (or a PostgreSQL one) against its
 * signed tree heads. Exit 0 when intact, 1 naming the first bad entry or tree head, 2 when the log
 * cannot be read at all. Starts no Spring context.
 */
@Command(name = "verify", description = {"Verify the node's audit log: leaf hashes, contiguous indices, every signed tree head's root and signature.",
        "Prints 'ok: ...' and exits 0, or 'tampered: ...' naming the first bad entry and exits 1; exits 2 when the log cannot be read.",
        "The node is USA's unless --data names another node's directory; its H2 database and keys/" + OfflineVerifier.PUBLIC_KEY_FILE + " are there."})
final class AuditVerifyCommand extends Verb {

    private static final String NATION = "USA";

    @Mixin NodeDataOption data;
    @Mixin DatabaseOptions database;
    @Option(names = "--public-key", description = "The node's Ed25519 public key, X.509 DER (default: <data>/keys/" + OfflineVerifier.PUBLIC_KEY_FILE + ").")
    @Nullable Path publicKey;
    @Option(names = "--allow-unsigned-tail", description = "Accept entries after the last signed tree head (a node that crashed, or one still running on PostgreSQL).") boolean allowUnsignedTail;

    @Override
    public Integer call() {
        Path dir = data.dir(NATION);
        Path keyFile = publicKey != null ? publicKey : OfflineVerifier.publicKeyFile(dir);
        PublicKey key;
        try {
            key = OfflineVerifier.readPublicKey(keyFile);
        } catch (IOException e) {
            return unusable(t("cli.audit.key-unreadable", keyFile.toString(), String.valueOf(e.getMessage())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return unusable(t("cli.audit.key-invalid", keyFile.toString(), String.valueOf(e.getMessage())));
        }
        String url = database.url;
        if (url != null && !database.postgres() && !url.startsWith("jdbc:h2:")) {
            return unusable(t("cli.db-url", url));
        }
        if (!database.given() && !Files.isRegularFile(dir.resolve("kizuna.mv.db"))) {
            return unusable(t("cli.audit.no-database", dir.resolve("kizuna.mv.db").toString()));
        }
        DatabaseOptions.Jdbc jdbc = database.jdbc(OfflineVerifier.readOnlyH2Url(dir));
        OfflineVerifier.Verdict verdict;
        try (Connection c = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password() == null ? "" : jdbc.password())) {
            verdict = OfflineVerifier.verify(c, key, allowUnsignedTail);
        } catch (SQLException e) {
            return unusable(t(database.given() ? "cli.audit.unreadable" : "cli.audit.unreadable-h2", database.given() ? jdbc.url() : dir.toString(),
                    firstLine(e.getMessage())));
        }
        print(verdict.line());
        return verdict.intact() ? 0 : 1;
    }

    private int unusable(String message) {
        err().println("kizuna audit verify: " + message);
        err().flush();
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
