package org.kizuna.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;

import org.kizuna.node.NodeDatabase;
import org.kizuna.audit.internal.LogVerifier;
import org.kizuna.audit.internal.NodeKeys;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./kizuna audit}: checks a node's audit log without starting the node. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit log administration.",
        subcommands = {AuditCommand.Verify.class, CommandLine.HelpCommand.class})
public final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every entry and signed tree head of a node's audit log. Exit 0 when intact, 1 when tampered, 2 when it cannot be read.")
    static final class Verify implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--data", defaultValue = "data/USA", description = "The node's data directory (default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--db-url", description = "PostgreSQL JDBC URL, when the node keeps its log there.")
        String dbUrl;

        @Option(names = "--db-user", defaultValue = "", description = "Database user.")
        String dbUser;

        @Option(names = "--db-password", defaultValue = "", description = "Database password.")
        String dbPassword;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            PublicKey key;
            try {
                key = NodeKeys.publicKey(data);
            } catch (Exception e) {
                err.println("audit verify: cannot read the node's public key under " + data.resolve("keys") + ": " + e.getMessage());
                return 2;
            }
            if (dbUrl == null && !Files.exists(data.resolve("kizuna.mv.db"))) {
                err.println("audit verify: no node database at " + data.resolve("kizuna.mv.db"));
                return 2;
            }
            String url = dbUrl != null ? dbUrl : NodeDatabase.h2Url(data) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
            try (Connection db = DriverManager.getConnection(url, dbUrl != null ? dbUser : NodeDatabase.h2User(), dbUrl != null ? dbPassword : "")) {
                LogVerifier.Verdict v = LogVerifier.verify(db, key);
                if (v.ok()) {
                    out.println("ok: " + v.entries() + " entries, " + v.treeHeads() + " tree heads verified, root " + v.rootHex());
                    out.flush();
                    return 0;
                }
                out.println("tampered: " + v.problem());
                out.flush();
                return 1;
            } catch (SQLException e) {
                err.println("audit verify: cannot read the audit log: " + e.getMessage()
                        + (e.getMessage() != null && e.getMessage().contains("in use") ? " (stop the node first)" : ""));
                return 2;
            }
        }
    }
}
