package org.kizuna.picture.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kizuna.KizunaApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 10, point 6 (browser streams): a node with picture streams open stops promptly, and every
 * stream's client sees the end of its stream. A node of its own (the shared test node must not stop).
 */
class StreamShutdownTests {

    @Test
    void closingANodeWithOpenPictureStreamsEndsThemAndStopsWithinSeconds() throws Exception {
        Path dir = Files.createTempDirectory("kizuna-stream-shutdown");
        ConfigurableApplicationContext node = new SpringApplication(KizunaApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:stream-shutdown-" + UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--kizuna.data-dir=" + dir, "--kizuna.mode=demo", "--kizuna.database=h2",
                "--kizuna.cot.tcp-port=0", "--kizuna.cot.tls-port=0", "--kizuna.picture.max-streams=2");
        boolean closed = false;
        try {
            int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port", "0"));
            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<List<String>>> streams = new ArrayList<>();
            for (String user : List.of("usa.officer", "jpn.officer")) {
                HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/picture/stream"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                        .header("Accept", "text/event-stream").GET().build();
                HttpResponse<InputStream> response = http.send(r, HttpResponse.BodyHandlers.ofInputStream());
                assertThat(response.statusCode()).isEqualTo(200);
                BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
                assertThat(lines.readLine()).as("the stream is open: its replay comes first").isEqualTo("event:tracks");
                streams.add(CompletableFuture.supplyAsync(() -> {
                    List<String> rest = new ArrayList<>();
                    try {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) rest.add(line);
                    } catch (java.io.IOException e) {
                        rest.add("error: " + e);
                    }
                    return rest; // the end of the stream
                }));
            }

            HttpResponse<String> third = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/picture/stream"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("usa.clerk:demo".getBytes(StandardCharsets.UTF_8)))
                    .header("Accept", "text/event-stream, application/problem+json").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(third.statusCode()).as("streams beyond kizuna.picture.max-streams are refused").isEqualTo(503);
            assertThat(third.body()).contains("2 picture streams at once");

            long start = System.nanoTime();
            node.close();
            closed = true;
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("StreamShutdownTests: the node closed in " + tookMs + " ms with 2 picture streams open");
            assertThat(tookMs).as("the node stops within seconds with picture streams open (it took %d ms)", tookMs).isLessThan(5_000);
            for (CompletableFuture<List<String>> s : streams) {
                List<String> rest = s.get(2, TimeUnit.SECONDS); // each client sees its stream end
                assertThat(rest).noneMatch(l -> l.startsWith("error:"));
            }
        } finally {
            if (!closed) node.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
