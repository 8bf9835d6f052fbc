package org.kizuna.picture.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.KizunaApplication;
import org.kizuna.node.NodeDatabase;
import org.kizuna.node.NodePki;
import org.kizuna.testing.Api;
import org.kizuna.testing.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A whole node's CoT doors (issue 10, points 1 and 5): the plain port on loopback, off in production;
 * disabling a user over the API (administrators only) or revoking a certificate on the command line cuts
 * the user's live TLS connection at once and refuses the next handshake; production refuses the
 * certificate of a user it does not know.
 */
class CotNodeAccessTests {

    static @TempDir Path dir;
    static ConfigurableApplicationContext node;
    static CotServer cot;
    static NodePki pki;
    static int port;

    static ConfigurableApplicationContext start(Path data, String mode, String... more) {
        String[] args = {"--spring.datasource.url=" + NodeDatabase.h2Url(data), "--spring.datasource.username=sa",
                "--kizuna.data-dir=" + data, "--kizuna.mode=" + mode, "--server.port=0", "--kizuna.cot.tcp-port=0", "--kizuna.cot.tls-port=0"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return new SpringApplication(KizunaApplication.class).run(all);
    }

    static void addUser(ConfigurableApplicationContext node, String name, String nation, String clearance, String roles, String password) {
        node.getBean(JdbcClient.class).sql("""
                insert into kizuna_user (username, password_hash, nation, clearance, accesses, roles, zone, created_at)
                values (?, ?, ?, ?, '', ?, 'UTC', ?)""")
                .params(name, node.getBean(PasswordEncoder.class).encode(password), nation, clearance, roles, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    @BeforeAll
    static void startNode() throws Exception {
        node = start(dir, "demo");
        cot = node.getBean(CotServer.class);
        port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
        pki = NodePki.loadOrCreate(dir.resolve("pki"), "USA");
    }

    @AfterAll
    static void stopNode() {
        if (node != null) node.close();
    }

    static org.kizuna.picture.CotEvent position(String uid, String access, String caveat) {
        long now = System.currentTimeMillis();
        return new org.kizuna.picture.CotEvent(uid, "a-f-G", "m-g", now, now, now + 120_000, 35, 135, 0, 10, 10, access, caveat, null, 0, 0, uid, null);
    }

    @Test
    void theNodesPlainPortListensOnLoopbackForAnonymousUnclassifiedReaders() throws Exception {
        assertThat(cot.tcpPort()).isPositive();
        assertThat(cot.tcpAddress().isLoopbackAddress()).isTrue();
        try (CotTestClient anonymous = CotTestClient.plain(cot.tcpPort())) {
            anonymous.awaitSubscribed(cot);
            org.kizuna.picture.Picture picture = node.getBean(org.kizuna.picture.Picture.class);
            org.kizuna.picture.Source usa = new org.kizuna.picture.Source("test", "USA", null);
            picture.ingest(position("NODE-NF-1", "SECRET", "NOFORN"), usa);
            picture.ingest(position("NODE-U-1", "UNCLASSIFIED", null), usa);
            anonymous.await(e -> e.uid().equals("NODE-U-1"), Duration.ofSeconds(5));
            assertThat(anonymous.sawUid("NODE-NF-1")).isFalse();
        }
    }

    @Test
    void disablingAUserCutsTheirLiveCotConnectionAndRefusesTheNextHandshake() throws Exception {
        SSLContext officer = pki.clientContext(pki.issueClient("usa.officer", "USA", "SECRET"));
        Api admin = Api.on(port).as("usa.admin", "demo");
        try (CotTestClient c = CotTestClient.tls(cot.tlsPort(), officer)) {
            c.await(e -> e.type().equals("t-x-takp-v"), Duration.ofSeconds(5));

            var notAdmin = Api.on(port).as("jpn.officer", "demo").post("/api/v1/users/usa.officer/disable", "");
            assertThat(notAdmin.status()).isEqualTo(403);
            assertThat(notAdmin.contentType()).contains("problem+json");
            assertThat(notAdmin.body()).contains("administrator role");
            assertThat(c.closedWithin(Duration.ofMillis(300))).as("a refused disable changes nothing").isFalse();
            assertThat(Api.on(port).as("usa.officer", "demo").get("/api/v1/me").status()).isEqualTo(200);

            var disabled = admin.post("/api/v1/users/usa.officer/disable", "");
            assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
            assertThat(c.closedWithin(Duration.ofSeconds(3))).as("the live connection is cut at once").isTrue();
        }
        assertThat(CotTestClient.refused(cot.tlsPort(), officer)).as("the next handshake fails").isTrue();
        assertThat(Api.on(port).as("usa.officer", "demo").get("/api/v1/me").status()).as("a disabled user cannot sign in").isEqualTo(401);
        assertThat(admin.post("/api/v1/users/no.such.user/disable", "").status()).isEqualTo(404);

        assertThat(admin.post("/api/v1/users/usa.officer/enable", "").status()).isEqualTo(200);
        try (CotTestClient c = CotTestClient.tls(cot.tlsPort(), officer)) {
            c.await(e -> e.type().equals("t-x-takp-v"), Duration.ofSeconds(5));
        }
        assertThat(Api.on(port).as("usa.officer", "demo").get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void revokingACertificateOnTheCommandLineCutsTheLiveConnectionAndRefusesItAfterwards() throws Exception {
        SSLContext jpn = pki.clientContext(pki.issueClient("jpn.officer", "JPN", "SECRET"));
        try (CotTestClient c = CotTestClient.tls(cot.tlsPort(), jpn)) {
            c.await(e -> e.type().equals("t-x-takp-v"), Duration.ofSeconds(5));
            Cli.Run revoke = Cli.run("certs", "revoke", "jpn.officer", "--data", dir.toString());
            assertThat(revoke.exit()).as(revoke.err()).isZero();
            assertThat(revoke.out()).contains("Revoked 1 certificate(s) of jpn.officer");
            assertThat(c.closedWithin(Duration.ofSeconds(3))).as("the node watching the list cuts it within a second").isTrue();
        }
        assertThat(CotTestClient.refused(cot.tlsPort(), jpn)).isTrue();

        Cli.Run unknown = Cli.run("certs", "revoke", "no.such.client", "--data", dir.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("issued no certificate to 'no.such.client'");
        Cli.Run bad = Cli.run("certs", "revoke", "bad name!", "--data", dir.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("client name must be");
        Cli.Run noCa = Cli.run("certs", "revoke", "jpn.officer", "--data", dir.resolve("nowhere").toString());
        assertThat(noCa.exit()).isEqualTo(2);
        assertThat(noCa.err()).contains("no node CA");
    }

    @Test
    void aProductionNodeServesNoPlainPortAndRefusesTheCertificateOfAnUnknownUser(@TempDir Path prod) throws Exception {
        try (ConfigurableApplicationContext p = start(prod, "production")) {
            CotServer server = p.getBean(CotServer.class);
            assertThat(server.tcpPort()).as("production leaves the plain port off").isEqualTo(-1);
            NodePki prodPki = NodePki.loadOrCreate(prod.resolve("pki"), "USA");
            assertThat(CotTestClient.refused(server.tlsPort(), prodPki.clientContext(prodPki.issueClient("stranger", "USA", "TOP SECRET")))).isTrue();
            addUser(p, "usa.ops", "USA", "SECRET", "VIEWER", "a-long-private-passphrase");
            try (CotTestClient c = CotTestClient.tls(server.tlsPort(), prodPki.clientContext(prodPki.issueClient("usa.ops", "USA", "SECRET")))) {
                c.await(e -> e.type().equals("t-x-takp-v"), Duration.ofSeconds(5));
            }
        }
        try (ConfigurableApplicationContext p = start(prod, "production", "--kizuna.cot.plain-enabled=true", "--kizuna.cot.plain-reader=usa.ops")) {
            CotServer server = p.getBean(CotServer.class);
            assertThat(server.tcpPort()).as("enabled explicitly").isPositive();
            assertThat(server.tcpAddress().isLoopbackAddress()).isTrue();
            // with a configured reader, plain connections read with that user's record
            try (CotTestClient ops = CotTestClient.plain(server.tcpPort())) {
                ops.awaitSubscribed(server);
                p.getBean(org.kizuna.picture.Picture.class).ingest(position("PROD-NF-1", "SECRET", "NOFORN"),
                        new org.kizuna.picture.Source("test", "USA", null));
                ops.await(e -> e.uid().equals("PROD-NF-1"), Duration.ofSeconds(5));
            }
        }
    }
}
