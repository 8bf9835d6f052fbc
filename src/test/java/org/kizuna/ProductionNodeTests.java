package org.kizuna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kizuna.node.NodeDatabase;
import org.kizuna.node.NodePki;
import org.kizuna.testing.NodeTls;
import org.kizuna.testing.TempDirs;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A production node: HTTPS only (no plain HTTP at all), and its data directory, database and keys are
 * readable by the node's user only, the key stores protected by a secret generated for this node; it holds the public
 * reference data (registry, joint statements, exercise series) and none of the demo's invented content.
 */
class ProductionNodeTests {

    static Path dir;
    static ConfigurableApplicationContext node;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("kizuna-production-node");
        // as a freshly unpacked directory would be: readable by everyone
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        node = new SpringApplication(KizunaApplication.class).run("--spring.datasource.url=" + NodeDatabase.h2Url(dir),
                "--spring.datasource.username=sa", "--kizuna.data-dir=" + dir, "--kizuna.mode=production", "--server.port=0");
    }

    @AfterAll
    static void stop() {
        if (node != null) node.close();
        TempDirs.delete(dir);
    }

    @Test
    void aProductionNodeHoldsThePublicReferenceDataOnceAndNoDemoContent() throws Exception {
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        String counts = """
                select (select count(*) from commitment_statement) || ' statements, ' || (select count(*) from commitment) || ' commitments, '
                    || (select count(*) from commitment_change) || ' changes, ' || (select count(*) from exercise_series) || ' series, '
                    || (select count(*) from exercise) || ' exercises, ' || (select count(*) from exercise_inject) || ' injects, '
                    || (select count(*) from plan) || ' plans, ' || (select count(*) from missions_assignment) || ' assignments'""";
        String loaded = jdbc.sql(counts).query(String.class).single();
        // the statements and commitments of commitments/joint-statements.yaml, the series of exercises/reference-exercises.yaml with their
        // latest exercise; none of the demo's invented content (the next Keen Sword and its injects, plans, the missions matrix)
        assertThat(loaded).startsWith("8 statements, 13 commitments, ").endsWith(" 10 series, 10 exercises, 0 injects, 0 plans, 0 assignments");
        assertThat(jdbc.sql("select count(*) from commitment where id = 'futenma-frf'").query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from exercise_series where id = 'keen-sword'").query(Long.class).single()).isEqualTo(1L);
        // loading is once: the loaders run again at every start and leave what the node holds as it is
        for (String runner : List.of("commitmentsReferenceData", "exercisesReferenceData")) {
            node.getBean(runner, ApplicationRunner.class).run(new DefaultApplicationArguments());
        }
        assertThat(jdbc.sql(counts).query(String.class).single()).isEqualTo(loaded);
    }

    @Test
    void aProductionNodeServesHttpsOnlyWithTheNodesCertificate() throws Exception {
        List<NodeTls.Listener> listeners = NodeTls.listeners(node);
        assertThat(listeners).as("no plain HTTP connector in production").allMatch(NodeTls.Listener::secure).hasSize(1);
        int port = Integer.parseInt(node.getEnvironment().getProperty("local.https.port"));
        assertThat(port).isEqualTo(listeners.getFirst().port());
        HttpResponse<String> health = NodeTls.trusting(node.getBean(NodePki.class).caCertificate())
                .send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }

    @Test
    void theDataDirectoryAndKeyFilesAreTheNodeUsersAlone() throws Exception {
        String dirOnly = "rwx------", fileOnly = "rw-------";
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo(dirOnly);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("pki")))).isEqualTo(dirOnly);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys")))).isEqualTo(dirOnly);
        for (Path file : List.of(dir.resolve("pki/ca.p12"), dir.resolve("pki/server.p12"), dir.resolve("pki").resolve(NodePki.SECRET_FILE),
                dir.resolve("keys/audit-ed25519.key"), dir.resolve("kizuna.mv.db"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo(fileOnly);
        }
    }

    @Test
    void theKeyStoresOpenWithTheNodesOwnSecretAndNotAWellKnownPassword() throws Exception {
        char[] secret = Files.readString(dir.resolve("pki").resolve(NodePki.SECRET_FILE)).trim().toCharArray();
        assertThat(secret.length).isGreaterThanOrEqualTo(32);
        for (String store : List.of("ca.p12", "server.p12")) {
            try (var in = Files.newInputStream(dir.resolve("pki").resolve(store))) {
                KeyStore.getInstance("PKCS12").load(in, secret);
            }
            for (String known : List.of("kizuna", "changeit", "")) {
                assertThatThrownBy(() -> {
                    try (var in = Files.newInputStream(dir.resolve("pki").resolve(store))) {
                        KeyStore.getInstance("PKCS12").load(in, known.toCharArray());
                    }
                }).as(store + " opens with '" + known + "'").isInstanceOf(java.io.IOException.class);
            }
        }
    }
}
