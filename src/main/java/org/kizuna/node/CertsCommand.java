package org.kizuna.node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;


import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./kizuna certs}: the node's CoT certificate authority. Runs without starting the node; the CA
 * is created under {@code <data>/pki} if the node has not created it yet.
 */
@Command(name = "certs", mixinStandardHelpOptions = true,
        description = "Certificates for CoT clients on the mutual-TLS port (8089).",
        subcommands = {CertsCommand.IssueClient.class, CertsCommand.Revoke.class})
public final class CertsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "issue-client", mixinStandardHelpOptions = true,
            description = "Write a client's key and certificate (PEM and PKCS#12, password 'kizuna') and the CA certificate.")
    static final class IssueClient implements Callable<Integer> {

        private static final Pattern NATION = Pattern.compile("[A-Z]{3}");

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "User name of the client (the certificate's CN).")
        String name;

        @Option(names = "--nation", required = true, description = "ISO 3166 alpha-3 code of the client's nation, such as JPN.")
        String nation;

        @Option(names = "--clearance", defaultValue = "SECRET", description = "Clearance written in the certificate (default: ${DEFAULT-VALUE}); "
                + "the node never trusts it: a known user reads with the node's record, an unknown one is refused (production) or reads UNCLASSIFIED only (demo).")
        String clearance;

        @Option(names = "--out", required = true, description = "Directory to write NAME.key.pem, NAME.crt.pem, NAME.p12 and ca.crt.pem into.")
        Path out;

        @Option(names = "--data", description = "The node's data directory (default: ./data/<node nation>).")
        @Nullable Path data;

        @Option(names = "--node", defaultValue = "USA", description = "Nation of the node whose CA signs (default: ${DEFAULT-VALUE}).")
        String node;

        @Override
        public Integer call() throws IOException {
            if (!NATION.matcher(nation).matches()) {
                throw new ParameterException(spec.commandLine(), "--nation must be an ISO 3166 alpha-3 code in capitals such as JPN; got '" + nation + "'");
            }
            if (!NATION.matcher(node).matches()) {
                throw new ParameterException(spec.commandLine(), "--node must be an ISO 3166 alpha-3 code in capitals such as USA; got '" + node + "'");
            }
            try {
                org.kizuna.label.Reader.of(nation, clearance, java.util.Set.of());
            } catch (org.kizuna.label.InvalidMarkingException e) {
                throw new ParameterException(spec.commandLine(), "--clearance/--nation do not make a reader: " + e.getMessage());
            }
            Path dir = (data != null ? data : Path.of("data", node)).toAbsolutePath().normalize();
            NodePki pki = NodePki.loadOrCreate(dir.resolve("pki"), node);
            NodePki.Issued issued;
            try {
                issued = pki.issueClient(name, nation, clearance);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            pki.write(issued, out);
            spec.commandLine().getOut().printf("Issued %s (%s, %s) by %s: %s (the password of %s.p12 is in %s.p12.password)%n", name, nation, clearance,
                    pki.caCertificate().getSubjectX500Principal().getName(), out.toAbsolutePath().normalize(), name, name);
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke every certificate the node's CA issued to NAME: refused at the next handshake; a running node cuts NAME's live connections within a second.")
    static final class Revoke implements Callable<Integer> {

        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "User name of the client (the certificates' CN).")
        String name;

        @Option(names = "--data", description = "The node's data directory (default: ./data/<node nation>).")
        @Nullable Path data;

        @Option(names = "--node", defaultValue = "USA", description = "Nation of the node (default: ${DEFAULT-VALUE}).")
        String node;

        @Override
        public Integer call() throws IOException {
            if (!NAME.matcher(name).matches()) {
                throw new ParameterException(spec.commandLine(), "client name must be 1-64 characters of letters, digits, '.', '_' or '-'; got '" + name + "'");
            }
            Path dir = (data != null ? data : Path.of("data", node)).toAbsolutePath().normalize().resolve("pki");
            if (!java.nio.file.Files.isRegularFile(dir.resolve("ca.p12"))) {
                throw new ParameterException(spec.commandLine(), "no node CA under " + dir + " (give the node's data directory with --data)");
            }
            int n;
            try {
                n = org.kizuna.node.Revocations.revoke(dir, name);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            spec.commandLine().getOut().printf("Revoked %d certificate(s) of %s in %s%n", n, name, dir.resolve("revoked.txt"));
            return 0;
        }
    }
}
