package org.kizuna.audit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.Kizuna;
import org.kizuna.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node process stopped with SIGTERM writes its last audit records and signs its last tree head on the
 * way out, before its embedded database closes: {@code audit verify} passes without
 * {@code --allow-unsigned-tail}. (The deadlines only stop a broken run; nothing here measures time.)
 */
class AuditShutdownTests {

    @TempDir
    Path work;

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aNodeStoppedWithSigtermLeavesALogThatVerifiesWithoutAnUnsignedTail() throws Exception {
        Path data = work.resolve("data");
        Path out = work.resolve("node.log");
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Kizuna.class.getName(),
                "start", "--data", data.toString(), "--port", String.valueOf(port), "--no-simulator")
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("KIZUNA_COT_TCPPORT", "0");
        pb.environment().put("KIZUNA_COT_TLSPORT", "0");
        Process node = pb.start();
        try {
            await("the node says it is ready").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                    .failFast("the node's process ended", () -> !node.isAlive())
                    .until(() -> Files.readString(out, StandardCharsets.UTF_8).contains("is ready"));
            for (int i = 0; i < 30; i++) {
                assertThat(Api.on(port).as("jpn.officer", "demo").get("/api/v1/registry/facilities").status()).isEqualTo(200);
            }
            node.destroy(); // SIGTERM
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("the node stopped").isTrue();
        } finally {
            node.destroyForcibly();
        }
        java.io.StringWriter printed = new java.io.StringWriter();
        var cli = Kizuna.commandLine();
        cli.setOut(new java.io.PrintWriter(printed));
        cli.setErr(new java.io.PrintWriter(printed));
        int exit = cli.execute("audit", "verify", "--data", data.toString());
        assertThat(exit).as(printed.toString()).isZero();
        assertThat(printed.toString()).startsWith("ok: ");
        long entries = Long.parseLong(printed.toString().substring(4, printed.toString().indexOf(' ', 4)));
        assertThat(entries).as("the 30 reads are all in the log").isGreaterThanOrEqualTo(30);
        try (var files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
