package org.kizuna.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
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
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.internal.cot.CotXmlWriter;

/**
 * {@code ./kizuna cluster} as a user runs it: a broker, two fusion workers and a replica, each worker and replica a process
 * of its own. A CoT client's report comes back to it through the workers; after one worker is killed outright, the next
 * report still does (the other takes its regions); SIGTERM stops every process within seconds. Bad options change nothing.
 */
class ClusterCommandTests {

    private static final Pattern PROCESS = Pattern.compile("^\\s+(worker-\\d+|replica-\\d+): .*\\(process (\\d+)\\)");
    private static final Pattern COT = Pattern.compile("^\\[replica-1\\] .*CoT TCP.*?port (\\d+)");

    @TempDir Path dir;

    @Test
    void aClientsReportComesBackThroughTheWorkersAndStillDoesAfterOneIsKilled() throws Exception {
        List<String> output = new CopyOnWriteArrayList<>();
        Map<String, Long> pids = new ConcurrentHashMap<>();
        int[] cot = {-1};
        Process cluster = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), Kizuna.class.getName(), "cluster", "--data", dir.toString(), "--workers", "2", "--replicas", "1",
                "--port", "0", "--https-port", "0", "--cot-port", "0", "--broker-port", "0", "--no-simulator").redirectErrorStream(true).start();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(cluster.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    if (output.size() < 20_000) output.add(line);
                    Matcher m = PROCESS.matcher(line);
                    if (m.find()) pids.put(m.group(1), Long.parseLong(m.group(2)));
                    m = COT.matcher(line);
                    if (m.find()) cot[0] = Integer.parseInt(m.group(1));
                }
            } catch (IOException e) {
                // the cluster's process has ended
            }
        });
        try {
            await("the cluster says it is ready").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .failFast("the cluster's process ended:\n" + String.join("\n", output), () -> !cluster.isAlive())
                    .until(() -> pids.keySet().containsAll(List.of("worker-1", "worker-2", "replica-1")) && cot[0] > 0);
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), cot[0])) {
                StringWriter received = new StringWriter();
                Thread.ofVirtual().start(() -> read(client, received));
                OutputStream out = client.getOutputStream();
                await("each report comes back through a worker").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    sendAll(out, 0.5);
                    return backAll(received, "5");
                });
                long killed = System.currentTimeMillis();
                ProcessHandle worker = ProcessHandle.of(pids.get("worker-1")).orElseThrow();
                assertThat(worker.destroyForcibly()).isTrue();
                await().atMost(Duration.ofSeconds(10)).until(() -> !worker.isAlive());
                await("reports after the kill come back through the other worker").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> {
                            sendAll(out, 0.7);
                            return backAll(received, "7");
                        });
                System.out.printf("cluster verb: worker-1 killed; every region's report came back %d ms later%n", System.currentTimeMillis() - killed);
                assertThat(output).as("the other worker took every partition")
                        .anyMatch(l -> l.startsWith("[worker-2]") && l.contains("fuses partitions [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]"));
            }
        } finally {
            cluster.destroy();
            assertThat(cluster.waitFor(40, TimeUnit.SECONDS)).as("the cluster stops on SIGTERM:\n%s", String.join("\n", output)).isTrue();
            if (cluster.isAlive()) cluster.destroyForcibly();
        }
        for (Map.Entry<String, Long> p : pids.entrySet()) {
            assertThat(ProcessHandle.of(p.getValue()).map(ProcessHandle::isAlive).orElse(false)).as(p.getKey() + " stopped with the cluster").isFalse();
        }
    }

    @Test
    void severalReplicasWithoutASharedDatabaseAreRefusedAndNothingStarts() {
        StringWriter err = new StringWriter();
        var cli = Kizuna.commandLine(Map.of());
        cli.setErr(new java.io.PrintWriter(err));
        int code = cli.execute("cluster", "--data", dir.resolve("none").toString(), "--replicas", "2");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--db-url");
        assertThat(dir.resolve("none")).doesNotExist();
        code = cli.execute("cluster", "--data", dir.resolve("none").toString(), "--workers", "13");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--workers must be between 1 and 12");
        assertThat(dir.resolve("none")).doesNotExist();
    }

    /** One report in each of 12 one-degree cells (latitudes 20 to 31, at {@code fraction} of a degree), so both workers' regions have some. */
    private static void sendAll(OutputStream out, double fraction) throws IOException {
        long now = System.currentTimeMillis();
        for (int i = 0; i < 12; i++) {
            String uid = "CLUSTER-" + i;
            CotEvent e = new CotEvent(uid, "a-f-G-U-C", "m-g", now, now, now + 120_000, 20 + i + fraction, 135.5, 0, 10, 10, "UNCLASSIFIED", null, null, 3, 90,
                    uid, null);
            out.write(new CotXmlWriter().write(e));
        }
        out.flush();
    }

    /** Whether every one of the 12 reports has come back at its latitude's {@code digit} tenths. */
    private static boolean backAll(StringWriter received, String digit) {
        String text;
        synchronized (received) {
            text = received.toString();
        }
        for (int i = 0; i < 12; i++) {
            if (!Pattern.compile("uid=\"CLUSTER-" + i + "\"[^>]*>\\s*<point lat=\"" + (20 + i) + "\\." + digit).matcher(text).find()) return false;
        }
        return true;
    }

    private static void read(Socket client, StringWriter received) {
        try {
            InputStream in = client.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0;) {
                synchronized (received) {
                    if (received.getBuffer().length() < 4_000_000) received.write(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            // closed
        }
    }
}
