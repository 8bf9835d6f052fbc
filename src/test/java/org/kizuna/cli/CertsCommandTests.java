package org.kizuna.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.label.LabelKernel;
import org.kizuna.node.NodePki;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.ingest.CotIdentities;
import org.kizuna.picture.internal.ingest.CotServer;
import org.kizuna.picture.internal.ingest.CotSettings;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import picocli.CommandLine;

/** {@code ./kizuna certs issue-client}: files written, signed by the node's CA, and accepted on the TLS port. */
class CertsCommandTests {

    @TempDir Path dir;

    int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = Kizuna.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void issuesAClientThatTheNodesTlsPortAccepts() throws Exception {
        Path data = dir.resolve("node"), out = dir.resolve("client");
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = run(o, e, "certs", "issue-client", "jpn.watch", "--nation", "JPN", "--out", out.toString(), "--data", data.toString());
        assertThat(code).as(e.toString()).isZero();
        assertThat(o.toString()).contains("jpn.watch").contains("JPN");
        for (String f : new String[]{"jpn.watch.key.pem", "jpn.watch.crt.pem", "jpn.watch.p12", "jpn.watch.p12.password", "ca.crt.pem"}) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        assertThat(Files.readString(out.resolve("jpn.watch.key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(out.resolve("jpn.watch.p12.password"))).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        X509Certificate cert, ca;
        try (InputStream in = Files.newInputStream(out.resolve("jpn.watch.crt.pem"))) {
            cert = (X509Certificate) cf.generateCertificate(in);
        }
        try (InputStream in = Files.newInputStream(out.resolve("ca.crt.pem"))) {
            ca = (X509Certificate) cf.generateCertificate(in);
        }
        cert.verify(ca.getPublicKey());
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=jpn.watch").contains("OU=JPN");

        // the node started on the same data directory accepts the PKCS#12 client over mutual TLS
        NodePki pki = NodePki.loadOrCreate(data.resolve("pki"), "USA");
        assertThat(pki.caCertificate()).isEqualTo(ca);
        try (LivePicture picture = new LivePicture(LabelKernel.standard().forNode("USA", "TOP SECRET"), new SensorCatalog(), "USA");
                CotServer server = new CotServer(picture, new CotSettings(-1, 0, CotIdentities.of("local", "USA", "SECRET", Set.of()),
                        CotIdentities.fromCertificates(n -> Optional.empty()), 100, 8, 10), pki).start()) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(out.resolve("jpn.watch.p12"))) {
                assertThatThrownBy(() -> {
                    try (InputStream again = Files.newInputStream(out.resolve("jpn.watch.p12"))) {
                        KeyStore.getInstance("PKCS12").load(again, "kizuna".toCharArray());
                    }
                })
                        .as("the bundle has a password of its own, not a well-known one").isInstanceOf(IOException.class);
                ks.load(in, Files.readString(out.resolve("jpn.watch.p12.password")).toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, Files.readString(out.resolve("jpn.watch.p12.password")).toCharArray());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLSv1.3");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            try (var socket = (javax.net.ssl.SSLSocket) ctx.getSocketFactory().createSocket("localhost", server.tlsPort())) {
                socket.setSoTimeout((int) Duration.ofSeconds(5).toMillis());
                socket.startHandshake();
                byte[] buf = new byte[4096];
                int n = socket.getInputStream().read(buf);
                assertThat(new String(buf, 0, Math.max(n, 0), java.nio.charset.StandardCharsets.UTF_8)).contains("t-x-takp-v");
            }
        }
    }

    @Test
    void writesTheConnectionPackageATakClientImports() throws Exception {
        Path data = dir.resolve("node"), zip = dir.resolve("out/jpn.watch.zip");
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = run(o, e, "certs", "package", "jpn.watch", "--nation", "JPN", "--host", "node.example", "--cot-port", "8089", "--out",
                zip.toString(), "--data", data.toString());
        assertThat(code).as(e.toString()).isZero();
        assertThat(o.toString()).contains("jpn.watch").contains("node.example:8089:ssl");
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            var pref = z.getEntry(org.kizuna.node.TakConnectionPackage.PREF_ENTRY);
            assertThat(pref).isNotNull();
            assertThat(new String(z.getInputStream(pref).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("node.example:8089:ssl");
            assertThat(z.getEntry(org.kizuna.node.TakConnectionPackage.TRUSTSTORE_ENTRY)).isNotNull();
        }
        StringWriter o2 = new StringWriter(), e2 = new StringWriter();
        assertThat(run(o2, e2, "certs", "package", "jpn.watch", "--nation", "Japan", "--data", data.toString())).isEqualTo(2);
        assertThat(e2.toString()).contains("--nation must be an ISO 3166 alpha-3 code");
    }

    @Test
    void badInputIsAClearErrorWithExitCode2() {
        StringWriter o = new StringWriter(), e = new StringWriter();
        assertThat(run(o, e, "certs", "issue-client", "x", "--nation", "Japan", "--out", dir.toString(), "--data", dir.toString())).isEqualTo(2);
        assertThat(e.toString()).contains("--nation must be an ISO 3166 alpha-3 code");
        StringWriter o2 = new StringWriter(), e2 = new StringWriter();
        assertThat(run(o2, e2, "certs", "issue-client", "bad name!", "--nation", "JPN", "--out", dir.toString(), "--data", dir.toString())).isEqualTo(2);
        assertThat(e2.toString()).contains("client name must be");
        StringWriter o4 = new StringWriter(), e4 = new StringWriter();
        assertThat(run(o4, e4, "certs", "issue-client", "ok", "--nation", "JPN", "--clearance", "ULTRA", "--out", dir.toString(), "--data", dir.toString()))
                .isEqualTo(2);
        assertThat(e4.toString()).contains("do not make a reader");
        StringWriter o3 = new StringWriter(), e3 = new StringWriter();
        assertThat(run(o3, e3, "certs", "issue-client", "ok", "--out", dir.toString())).isEqualTo(2);
        assertThat(e3.toString()).contains("--nation");
    }
}
