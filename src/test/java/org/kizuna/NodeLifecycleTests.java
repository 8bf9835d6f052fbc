package org.kizuna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.kizuna.cli.Kizuna;
import org.kizuna.testing.Api;
import org.kizuna.testing.NodeProcess;
import org.kizuna.testing.TempDirs;
import picocli.CommandLine;

/**
 * A node as a process: SIGTERM stops it within 5 s while browsers hold event streams open and CoT clients
 * are connected, with the audit log's signed head written on the way out; {@code kill -9} loses nothing
 * the node had acknowledged (bookings answered 2xx, audit entries covered by a tree head it handed out).
 */
class NodeLifecycleTests {

    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("usa.officer:demo".getBytes(StandardCharsets.UTF_8));

    static String booking(int i) {
        Instant start = Instant.parse("2027-06-01T00:00:00Z").plus(Duration.ofHours(3L * i));
        return """
                {"unit": "iii-mef", "facilities": ["camp-schwab"], "durationMinutes": 60, "earliestStart": "%s", "latestStart": "%s",
                 "preferredStart": "%s", "priority": 3, "noisy": false, "label": "UNCLASSIFIED"}""".formatted(start, start, start);
    }

    static int verifyAuditLog(Path data, boolean allowUnsignedTail) {
        CommandLine cli = Kizuna.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        return allowUnsignedTail
                ? cli.execute("audit", "verify", "--data", data.toString(), "--allow-unsigned-tail")
                : cli.execute("audit", "verify", "--data", data.toString());
    }

    @Test
    void sigtermStopsANodeWithinFiveSecondsWithStreamsAndCotClientsOpenAndSignsTheLog() throws Exception {
        Path data = Files.createTempDirectory("kizuna-sigterm");
        try (NodeProcess node = NodeProcess.start(data)) {
            Api api = Api.on(node.port()).as("usa.officer", "demo");
            // two browser streams, open and waiting for events
            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<InputStream>>> streams = List.of("/api/v1/picture/stream", "/api/v1/booking/events").stream()
                    .map(path -> http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + path))
                            .header("Authorization", AUTH).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream()))
                    .toList();
            // a CoT client connected to the plain port
            assertThat(node.cotPort()).as("the node logs its CoT port").isPositive();
            try (Socket cot = new Socket("127.0.0.1", node.cotPort())) {
                Instant now = Instant.now();
                cot.getOutputStream()
                        .write(("<event version=\"2.0\" uid=\"LIFECYCLE-1\" access=\"UNCLASSIFIED\" type=\"a-f-G\" how=\"m-g\" time=\"" + now + "\" start=\""
                                + now
                                + "\" stale=\"" + now.plusSeconds(300) + "\"><point lat=\"35\" lon=\"139\" hae=\"0\" ce=\"10\" le=\"10\"/></event>")
                                .getBytes(StandardCharsets.UTF_8));
                cot.getOutputStream().flush();
                // the picture stream answers with its first event (the track, or a tick); the booking stream with the
                // first booking it may read: file one every half second until it has answered (the stream may not
                // be subscribed yet when the first is filed)
                CompletableFuture<HttpResponse<InputStream>> bookingStream = streams.get(1);
                AtomicInteger filed = new AtomicInteger();
                await("the booking stream answers").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                        .until(() -> {
                            if (bookingStream.isDone()) return true;
                            assertThat(api.post("/api/v1/booking/requests", booking(filed.getAndIncrement())).status()).isEqualTo(201);
                            return false;
                        });
                assertThat(api.get("/api/v1/booking/requests").status()).isEqualTo(200); // read decisions for the audit log
                for (var s : streams) {
                    assertThat(s.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                }

                long t0 = System.nanoTime();
                node.terminate();
                boolean exited = node.process().waitFor(5, TimeUnit.SECONDS);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.println("SIGTERM to exit: " + ms + " ms");
                assertThat(exited).as("exited within 5 s of SIGTERM (still running after %d ms); it said:%n%s", ms, node.output()).isTrue();
            }
            // every audit entry is covered by a signed tree head: verify passes without --allow-unsigned-tail
            assertThat(verifyAuditLog(data, false)).as("audit verify after SIGTERM").isZero();
        } finally {
            TempDirs.delete(data);
        }
    }

    @Test
    void killMinus9LosesNoAcknowledgedBookingOrAuditEntry() throws Exception {
        Path data = Files.createTempDirectory("kizuna-kill9");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLong auditSize = new AtomicLong();
        AtomicLong lastAcknowledged = new AtomicLong();
        AtomicLong treeHeadStatus = new AtomicLong();
        try {
            try (NodeProcess node = NodeProcess.start(data)) {
                Api api = Api.on(node.port()).as("usa.officer", "demo");
                List<Thread> writers = new java.util.ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    int first = w * 1000;
                    writers.add(Thread.ofPlatform().daemon().start(() -> {
                        for (int i = first; i < first + 1000 && !Thread.currentThread().isInterrupted(); i++) {
                            try {
                                Api.Response r = api.post("/api/v1/booking/requests", booking(i));
                                if (r.status() / 100 == 2) acknowledged.add(r.json().get("id").asString());
                            } catch (RuntimeException e) {
                                return; // the node is gone
                            }
                        }
                    }));
                }
                writers.add(Thread.ofPlatform().daemon().start(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        try {
                            api.get("/api/v1/booking/requests");
                            Api.Response head = api.get("/api/v1/audit/tree-head");
                            treeHeadStatus.set(head.status());
                            if (head.status() == 200) {
                                auditSize.accumulateAndGet(head.json().get("size").asLong(), Math::max);
                                lastAcknowledged.set(System.nanoTime());
                            }
                        } catch (RuntimeException e) {
                            return;
                        }
                    }
                }));
                // let bookings accumulate: 30 of them, or for 60 s on a slow machine; at least 10 must be filed
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                await().atMost(Duration.ofSeconds(70)).pollInterval(Duration.ofMillis(20))
                        .until(() -> acknowledged.size() >= 30 || System.nanoTime() > end);
                assertThat(acknowledged).as("bookings filed before the kill").hasSizeGreaterThanOrEqualTo(10);
                // kill the node right after it handed out a tree head (its entries acknowledged as durable), while
                // bookings are still being filed
                while (System.nanoTime() - lastAcknowledged.get() > TimeUnit.MILLISECONDS.toNanos(5) && System.nanoTime() < end) Thread.onSpinWait();
                node.kill();
                for (Thread t : writers) {
                    t.interrupt();
                    t.join(10_000);
                }
            }
            assertThat(auditSize.get()).as("tree heads handed out before the kill (the last answered %d; the test's user must"
                    + " be one who may read the tree head)", treeHeadStatus.get()).isPositive();
            try (NodeProcess again = NodeProcess.start(data)) {
                Api api = Api.on(again.port()).as("usa.officer", "demo");
                for (String id : acknowledged) {
                    assertThat(api.get("/api/v1/booking/requests/" + id).status()).as("acknowledged booking %s after kill -9", id).isEqualTo(200);
                }
                long size = api.get("/api/v1/audit/tree-head").json().get("size").asLong();
                assertThat(size).as("audit entries acknowledged before kill -9").isGreaterThanOrEqualTo(auditSize.get());
                again.terminate();
                assertThat(again.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(verifyAuditLog(data, false)).as("the audit log verifies after kill -9 and restart").isZero();
        } finally {
            TempDirs.delete(data);
        }
    }
}
