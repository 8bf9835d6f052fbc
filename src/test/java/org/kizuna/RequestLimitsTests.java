package org.kizuna;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Request bodies are bounded before they are read, deeply nested JSON is refused, and no error answer
 * carries exception or SQL text: every error is problem+json written by the node.
 */
@H2Node
class RequestLimitsTests {

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("usa.officer:demo".getBytes(StandardCharsets.UTF_8));

    /** A valid JSON list of markings of about {@code bytes} bytes. */
    static String bigList(int bytes) {
        StringBuilder b = new StringBuilder("[");
        while (b.length() < bytes) b.append("\"(U)\",");
        return b.append("\"(U)\"]").toString();
    }

    HttpResponse<String> send(HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/labels/rollup"))
                .header("Authorization", AUTH).header("Content-Type", "application/json").POST(body).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        HttpResponse<String> r = send(HttpRequest.BodyPublishers.ofString(bigList(2 * 1024 * 1024)));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("larger than the node accepts");
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() throws Exception {
        byte[] big = bigList(2 * 1024 * 1024).getBytes(StandardCharsets.UTF_8);
        // no length: the client sends chunks
        HttpResponse<String> r = send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("larger than the node accepts");
    }

    @Test
    void aSmallBodyStillWorks() throws Exception {
        HttpResponse<String> r = send(HttpRequest.BodyPublishers.ofString("[\"(S//REL TO USA, JPN)\", \"(C)\"]"));
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void deeplyNestedJsonIsRefusedWithAProblemAndFilesNothing() {
        long before = jdbc.sql("select count(*) from booking_request").query(Long.class).single();
        // a valid request with a property the endpoint does not know, nested 200 levels deep
        String body = """
                {"unit": "iii-mef", "facilities": ["camp-schwab"], "durationMinutes": 60, "earliestStart": "2027-05-02T00:00:00Z",
                 "latestStart": "2027-05-02T00:00:00Z", "preferredStart": "2027-05-02T00:00:00Z", "priority": 3, "noisy": false,
                 "label": "UNCLASSIFIED", "remarks": %s}""".formatted("[".repeat(200) + "]".repeat(200));
        Api.Response r = Api.on(port).as("usa.officer", "demo").post("/api/v1/booking/requests", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).contains("nested too deeply");
        assertThat(jdbc.sql("select count(*) from booking_request").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aDatabaseFailureAnswersAGeneric500WithAnIncidentIdAndNoSqlOrExceptionText() {
        jdbc.sql("alter table registry_facility rename to registry_facility_away").update();
        Api.Response r;
        try {
            r = Api.on(port).as("usa.officer", "demo").get("/api/v1/registry/facilities");
        } finally {
            jdbc.sql("alter table registry_facility_away rename to registry_facility").update();
        }
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("incident").asString()).matches("[0-9a-f-]{36}");
        assertThat(r.body()).contains("Incident " + r.json().get("incident").asString());
        assertThat(r.body().toLowerCase()).doesNotContain("sql").doesNotContain("select").doesNotContain("registry_facility")
                .doesNotContain("exception").doesNotContain("org.").doesNotContain("h2").doesNotContain("trace");
    }

    @Test
    void anUnknownAddressIsAProblemToo() {
        Api.Response r = Api.on(port).as("usa.officer", "demo").get("/api/v1/no-such-thing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("Exception");
    }
}
