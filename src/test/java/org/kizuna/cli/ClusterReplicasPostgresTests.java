package org.kizuna.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.testing.Api;
import org.kizuna.testing.PostgresAvailable;
import org.kizuna.testing.PostgresSchema;

/**
 * Records across replicas (issue 18, point 3), as {@code ./kizuna cluster --replicas 2 --db-url ...} runs them: two API
 * replicas of one node on one PostgreSQL, each a process of its own beside a fusion worker. A booking request filed on
 * either replica is read on the other; both sign the one audit log, which verifies as one Merkle log after they stop.
 */
@ExtendWith(PostgresAvailable.class)
class ClusterReplicasPostgresTests {

    private static final Pattern REPLICA = Pattern.compile("^\\s+(replica-\\d+): http://localhost:(\\d+)/ .*\\(process (\\d+)\\)");

    @TempDir Path dir;

    @Test
    void twoReplicasShareTheNodesRecordsAndSignOneAuditLog() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create("kizuna_cluster_")) {
            twoReplicasOn(schema.url());
        }
    }

    private void twoReplicasOn(String url) throws Exception {
        List<String> output = new CopyOnWriteArrayList<>();
        Map<String, Integer> ports = new ConcurrentHashMap<>();
        Process cluster = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), Kizuna.class.getName(), "cluster", "--data", dir.toString(), "--workers", "1", "--replicas", "2",
                "--port", "0", "--https-port", "0", "--cot-port", "0", "--broker-port", "0", "--no-simulator", "--db-url", url, "--db-user",
                PostgresAvailable.USER).redirectErrorStream(true).start();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(cluster.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    if (output.size() < 20_000) output.add(line);
                    Matcher m = REPLICA.matcher(line);
                    if (m.find()) ports.put(m.group(1), Integer.parseInt(m.group(2)));
                }
            } catch (IOException e) {
                // the cluster's process has ended
            }
        });
        try {
            await("the cluster says it is ready").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200))
                    .failFast("the cluster's process ended:\n" + String.join("\n", output), () -> !cluster.isAlive())
                    .until(() -> ports.size() == 2);
            Api first = Api.on(ports.get("replica-1")).as("usa.officer", "demo");
            Api second = Api.on(ports.get("replica-2")).as("usa.officer", "demo");
            for (int i = 0; i < 6; i++) {
                Api.Response filed = (i % 2 == 0 ? first : second).post("/api/v1/booking/requests", booking(i));
                assertThat(filed.status()).as("filed on replica-%d: %s", i % 2 + 1, filed).isEqualTo(201);
                String id = filed.json().get("id").asString();
                assertThat((i % 2 == 0 ? second : first).get("/api/v1/booking/requests/" + id).status()).as("read on the other replica").isEqualTo(200);
            }
            long one = first.get("/api/v1/audit/tree-head").json().get("size").asLong();
            assertThat(one).as("audit entries of both replicas' requests").isPositive();
        } finally {
            cluster.destroy();
            assertThat(cluster.waitFor(60, TimeUnit.SECONDS)).as("the cluster stops on SIGTERM:\n%s", String.join("\n", output)).isTrue();
        }
        StringWriter said = new StringWriter();
        var cli = Kizuna.commandLine(Map.of());
        cli.setOut(new PrintWriter(said));
        cli.setErr(new PrintWriter(said));
        int verified = cli.execute("audit", "verify", "--data", dir.resolve("replica-2").toString(), "--db-url", url, "--db-user", PostgresAvailable.USER);
        assertThat(verified).as("one audit log, signed by both replicas with the node's key: %s", said).isZero();
    }

    private static String booking(int i) {
        String start = java.time.Instant.parse("2027-07-01T00:00:00Z").plus(Duration.ofHours(3L * i)).toString();
        return """
                {"unit": "iii-mef", "facilities": ["camp-schwab"], "durationMinutes": 60, "earliestStart": "%s", "latestStart": "%s",
                 "preferredStart": "%s", "priority": 3, "noisy": false, "label": "UNCLASSIFIED"}""".formatted(start, start, start);
    }
}
