package org.kizuna.testing;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A node in a process of its own, started as {@code ./kizuna start} starts it (the {@code Kizuna} main
 * class on the test class path), so that tests can send it SIGTERM or kill it outright.
 */
public final class NodeProcess implements AutoCloseable {

    private static final Pattern PLAIN = Pattern.compile("is ready at http://localhost:(\\d+)/");
    private static final Pattern HTTPS = Pattern.compile("https://[^:/]+:(\\d+)/");
    private static final Pattern COT_TCP = Pattern.compile("CoT TCP.*?port (\\d+)");
    private static final Pattern COT_TLS = Pattern.compile("CoT TLS.*?port (\\d+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private volatile int port = -1;
    private volatile int httpsPort = -1;
    private volatile int cotPort = -1;
    private volatile int cotTlsPort = -1;

    private NodeProcess(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("node-output-" + process.pid()).start(this::read);
    }

    /** Starts a demo node on {@code data} with random ports (HTTP, HTTPS, CoT) and waits until it says it is ready. */
    public static NodeProcess start(Path data, String... extra) throws IOException, InterruptedException {
        return start(data, java.util.Map.of(), extra);
    }

    /** As {@link #start(Path, String...)}, with these environment variables besides (such as {@code SPRING_APPLICATION_JSON}). */
    public static NodeProcess start(Path data, java.util.Map<String, String> environment, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), "org.kizuna.cli.Kizuna", "start",
                "--data", data.toString(), "--port", "0", "--https-port", "0", "--no-simulator"));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // CoT on ports of the system's choosing (the node logs them), as the tests' own nodes do: never a clash on 8087/8089
        builder.environment().put("KIZUNA_COT_TCPPORT", "0");
        builder.environment().put("KIZUNA_COT_TLSPORT", "0");
        builder.environment().putAll(environment);
        NodeProcess node = new NodeProcess(builder.start());
        node.awaitReady(Duration.ofSeconds(120));
        return node;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                if (output.size() < 10_000) output.add(line);
                Matcher m = COT_TCP.matcher(line);
                if (m.find()) cotPort = Integer.parseInt(m.group(1));
                m = COT_TLS.matcher(line);
                if (m.find()) cotTlsPort = Integer.parseInt(m.group(1));
                m = PLAIN.matcher(line);
                if (m.find()) port = Integer.parseInt(m.group(1));
                m = HTTPS.matcher(line);
                if (m.find() && line.contains("HTTPS")) httpsPort = Integer.parseInt(m.group(1));
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        try {
            await("the node says where it listens").atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .failFast("the node's process ended", () -> !process.isAlive())
                    .until(() -> port >= 0 && httpsPort >= 0);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("the node did not start (" + e.getMessage() + "); it said:\n" + String.join("\n", output), e);
        }
    }

    public int port() {
        return port;
    }

    public int httpsPort() {
        return httpsPort;
    }

    /** The plain CoT port, as the node logged it, or -1. */
    public int cotPort() {
        return cotPort;
    }

    /** The CoT TLS port, as the node logged it, or -1. */
    public int cotTlsPort() {
        return cotTlsPort;
    }

    public Process process() {
        return process;
    }

    public String output() {
        return String.join("\n", output);
    }

    /** SIGTERM, as a service manager or Ctrl-C stops a node. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: the node gets no chance to close anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
