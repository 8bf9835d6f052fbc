package org.kizuna.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

import org.kizuna.label.InvalidMarkingException;
import org.kizuna.label.Reader;
import org.kizuna.node.NodePki;
import org.kizuna.node.Revocations;
import org.kizuna.node.TakConnectionPackage;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./kizuna certs}: the node's CoT certificate authority. Runs without starting the node; the CA
 * is created under {@code <data>/pki} if the node has not created it yet.
 */
@Command(name = "certs", description = "Certificates for CoT clients on the mutual-TLS port (8089).", subcommands = {CertsCommand.IssueClient.class,
        CertsCommand.ConnectionPackage.class, CertsCommand.Revoke.class})
final class CertsCommand extends VerbGroup {

    /** {@code --node} and {@code --data}: the node whose CA it is, and where the CA's files are. */
    static final class NodeCa {

        @Option(names = "--node", defaultValue = "USA", description = "Nation of the node whose CA it is (default: ${DEFAULT-VALUE}).") String node;
        @Mixin NodeDataOption data;

        /** The CA's directory, {@code <data>/pki}. */
        Path pki() {
            return data.dir(node).resolve("pki");
        }
    }

    /** The client a certificate is issued to (NAME, its nation and the clearance written in it) and the CA that issues it. */
    static final class Client {

        @Parameters(index = "0", paramLabel = "NAME", description = "User name of the client (the certificate's CN).") String name;
        @Option(names = "--nation", required = true, description = "ISO 3166 alpha-3 code of the client's nation, such as JPN.") String nation;
        @Option(names = "--clearance", defaultValue = "SECRET", description = "Clearance written in the certificate (default: ${DEFAULT-VALUE}); the node never trusts it: a known user reads with the node's record, an unknown one is refused (production) or reads UNCLASSIFIED only (demo).") String clearance;
        @Mixin NodeCa ca;

        /** The node's CA, opened (or made) once the options are checked. */
        NodePki pki(Verb verb) {
            NationOption.checked(verb.spec, "--nation", nation);
            NationOption.checked(verb.spec, "--node", ca.node);
            try {
                Reader.of(nation, clearance, Set.of());
            } catch (InvalidMarkingException e) {
                throw verb.refuseWith("cli.certs.not-a-reader", e.reason());
            }
            return NodePki.loadOrCreate(ca.pki(), ca.node);
        }
    }

    @Command(name = "issue-client", description = "Write a client's key and certificate (PEM and PKCS#12, password 'kizuna') and the CA certificate.")
    static final class IssueClient extends Verb {

        @Option(names = "--out", required = true, description = "Directory to write NAME.key.pem, NAME.crt.pem, NAME.p12 and ca.crt.pem into.") Path out;
        @Mixin Client client;

        @Override
        public Integer call() throws IOException {
            NodePki pki = client.pki(this);
            NodePki.Issued issued;
            try {
                issued = pki.issueClient(client.name, client.nation, client.clearance);
            } catch (IllegalArgumentException e) {
                throw refuse(message(e));
            }
            pki.write(issued, out);
            out().println(t("cli.certs.issued", client.name, client.nation, client.clearance, pki.caCertificate().getSubjectX500Principal().getName(),
                    out.toAbsolutePath().normalize().toString()));
            return 0;
        }
    }

    @Command(name = "package", description = "Write the connection data package a TAK client imports: the node's CoT TLS address, its CA and a new client certificate for NAME.")
    static final class ConnectionPackage extends Verb {

        @Option(names = "--host", description = "Host name or address clients reach the node's CoT TLS port at (default: this machine's name).") String host;
        @Option(names = "--cot-port", defaultValue = "8089", description = "The node's CoT TLS port (default: ${DEFAULT-VALUE}).") int cotPort;
        @Option(names = "--out", description = "The zip to write (default: NAME-kizuna.zip in the current directory).") Path out;
        @Mixin Client client;

        @Override
        public Integer call() throws IOException {
            NodePki pki = client.pki(this);
            String name = client.name;
            String address = host != null ? host : java.net.InetAddress.getLocalHost().getHostName();
            Path file = out != null ? out : Path.of(name + "-kizuna.zip");
            TakConnectionPackage written;
            try {
                NodePki.Issued issued = pki.issueClient(name, client.nation, client.clearance);
                written = TakConnectionPackage.of(pki, issued, address, cotPort);
            } catch (IllegalArgumentException e) {
                throw refuse(message(e));
            }
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
            org.kizuna.node.NodeDirectory.writePrivate(file.toAbsolutePath(), written.zip());
            out().println(t("cli.certs.package", file.toAbsolutePath().normalize().toString(), name, client.nation, address, String.valueOf(cotPort)));
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke every certificate the node's CA issued to NAME: refused at the next handshake; a running node cuts NAME's live connections within a second.")
    static final class Revoke extends Verb {

        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

        @Parameters(index = "0", paramLabel = "NAME", description = "User name of the client (the certificates' CN).") String name;
        @Mixin NodeCa ca;

        @Override
        public Integer call() throws IOException {
            if (!NAME.matcher(name).matches()) {
                throw refuseWith("cli.certs.name", name);
            }
            Path dir = ca.pki();
            if (!Files.isRegularFile(dir.resolve("ca.p12"))) {
                throw refuseWith("cli.certs.no-ca", dir.toString());
            }
            int n;
            try {
                n = Revocations.revoke(dir, name);
            } catch (IllegalArgumentException e) {
                throw refuse(message(e));
            }
            out().println(t("cli.certs.revoked", String.valueOf(n), name, dir.resolve("revoked.txt").toString()));
            return 0;
        }
    }
}
