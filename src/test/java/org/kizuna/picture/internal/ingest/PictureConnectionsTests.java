package org.kizuna.picture.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.kizuna.picture.CotEvent;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/v1/picture/connections} (issue 16, point 1): an administrator sees each open CoT connection with
 * the events it sent and those refused by reason, with the latest refusal's reason; nobody else sees it.
 */
@H2Node
class PictureConnectionsTests {

    @LocalServerPort int port;

    @Autowired CotServer cot;

    @Test
    void anAdministratorSeesWhatEachConnectionHadRefusedAndWhy() throws Exception {
        try (CotTestClient c = CotTestClient.plain(cot.tcpPort()).awaitSubscribed(cot)) {
            long now = System.currentTimeMillis();
            // an anonymous plain connection vouches for nobody: its unlabelled report has no default label
            c.send(new CotEvent("ANDROID-anon", "a-f-G", "m-g", now, now, now + 60_000, 35, 139, 0, 10, 10, null, null, null, Double.NaN, Double.NaN,
                    "ANON", null));
            c.await(e -> e.type().equals("b-t-f"), Duration.ofSeconds(5));
            String me = c.socket.getLocalSocketAddress().toString();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
                Api.Response r = Api.on(port).as("usa.admin", "demo").get("/api/v1/picture/connections");
                if (r.status() != 200) return false;
                for (var conn : r.json().get("connections")) {
                    if (conn.get("remote").asText().endsWith(me.substring(me.lastIndexOf(':'))) && conn.get("refused").path("label").asLong() == 1
                            && conn.get("lastRefusal").asText().contains("no label") && conn.get("events").asLong() == 1) {
                        return true;
                    }
                }
                return false;
            });
        }
        Api.Response officer = Api.on(port).as("usa.officer", "demo").get("/api/v1/picture/connections");
        assertThat(officer.status()).isEqualTo(403);
        assertThat(officer.contentType()).startsWith("application/problem+json");
    }
}
