package org.kizuna.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.writes.Cells.assertAnswer;
import static org.kizuna.writes.Cells.assertLikeNonexistent;
import static org.kizuna.writes.Cells.count;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kizuna.node.NodePki;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The TAK mission row of the write matrix (docs/architecture.md, "Who may write what"), over the mutual-TLS Marti API
 * of a whole node, each user calling with a certificate of its own: creating a mission and changing what a mission
 * holds need the planner role of the mission creator's nation (the user's own for a new one). A refused write is a
 * 403 problem+json and changes nothing; a mission the user may not read answers exactly as one that does not exist.
 */
@H2Node
@TestPropertySource(properties = {"kizuna.https-port=0", "kizuna.cot.tls-port=0", "kizuna.cot.tcp-port=-1", "kizuna.tak.host=localhost"})
class WhoMayWriteWhatInTakTests {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Map<String, String> CLEARANCE = Map.of("usa.officer", "SECRET", "usa.planner", "CONFIDENTIAL", "usa.clerk", "CONFIDENTIAL",
            "usa.releaser", "SECRET", "usa.admin", "SECRET", "jpn.officer", "SECRET", "jpn.clerk", "CONFIDENTIAL");
    private static final Map<String, HttpClient> CLIENTS = new ConcurrentHashMap<>();
    /** The missions of the matrix, by the label they carry: one made once per context. */
    private static final Map<String, String> MISSIONS = new ConcurrentHashMap<>();

    @LocalServerPort int port;
    @Autowired Environment environment;
    @Autowired NodePki pki;
    @Autowired JdbcClient jdbc;

    HttpClient client(String user) {
        return CLIENTS.computeIfAbsent(user + "@" + environment.getRequiredProperty("local.https.port"),
                k -> HttpClient.newBuilder().sslContext(pki.clientContext(pki.issueClient(user, user.substring(0, 3).toUpperCase(), CLEARANCE.get(user))))
                        .build());
    }

    Api.Response put(String user, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://localhost:" + environment.getRequiredProperty("local.https.port") + path));
        b.method("PUT", json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) b.header("Content-Type", "application/json");
        HttpResponse<String> r = client(user).send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Api.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    void defaultLabel(String user, String label) {
        Api.Response r = Api.on(port).as("usa.admin", "demo").put("/api/v1/users/" + user + "/default-label",
                label == null ? "{\"label\": null}" : "{\"label\": \"" + label + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** The matrix's mission of this creator under this label (made once, with the creator's default label set for it). */
    String mission(String creator, String label) {
        return MISSIONS.computeIfAbsent(creator + " " + label + " " + port, k -> {
            String name = "matrix-" + creator + "-" + SEQ.incrementAndGet();
            try {
                defaultLabel(creator, label);
                Api.Response r = put(creator, "/Marti/api/missions/" + name, null);
                assertThat(r.status()).as(r.body()).isEqualTo(201);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                defaultLabel(creator, creator.startsWith("jpn") ? "SECRET//REL TO USA, JPN" : null);
            }
            return name;
        });
    }

    long missions() {
        return count(jdbc, "select count(*) from tak_mission");
    }

    @ParameterizedTest(name = "{0} creates a mission: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            usa.officer  | 201
            usa.planner  | 201
            usa.clerk    | 403
            usa.releaser | 403
            usa.admin    | 403
            jpn.officer  | 201
            jpn.clerk    | 403
            """)
    void createAMission(String user, int expected) throws Exception {
        defaultLabel("jpn.officer", "SECRET//REL TO USA, JPN"); // a JPN user's own-nation default is one this USA node may not hold
        long before = missions();
        Api.Response r = put(user, "/Marti/api/missions/matrix-new-" + SEQ.incrementAndGet() + "?creatorUid=ANDROID-M", null);
        assertAnswer(r, expected);
        assertThat(missions()).isEqualTo(expected == 201 ? before + 1 : before);
    }

    @ParameterizedTest(name = "{0} changes the contents of a {1} mission of {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            usa.officer  | CONFIDENTIAL//REL TO USA, JPN | usa.officer | 200
            usa.planner  | CONFIDENTIAL//REL TO USA, JPN | usa.officer | 200
            usa.clerk    | CONFIDENTIAL//REL TO USA, JPN | usa.officer | 403
            usa.releaser | CONFIDENTIAL//REL TO USA, JPN | usa.officer | 403
            usa.admin    | CONFIDENTIAL//REL TO USA, JPN | usa.officer | 403
            jpn.officer  | CONFIDENTIAL//REL TO USA, JPN | usa.officer | 403
            jpn.clerk    | CONFIDENTIAL//REL TO USA, JPN | usa.officer | 403
            jpn.officer  | SECRET//REL TO USA, JPN       | jpn.officer | 200
            usa.officer  | SECRET//REL TO USA, JPN       | jpn.officer | 403
            usa.officer  | SECRET//NOFORN                | usa.officer | 200
            jpn.officer  | SECRET//NOFORN                | usa.officer | 404
            usa.clerk    | SECRET//NOFORN                | usa.officer | 404
            """)
    void changeAMissionsContents(String user, String label, String creator, int expected) throws Exception {
        defaultLabel("jpn.officer", "SECRET//REL TO USA, JPN");
        String name = mission(creator, label);
        long before = count(jdbc, "select count(*) from tak_mission_uid u join tak_mission m on m.guid = u.mission_guid where m.name = ?", name);
        String uid = "ANDROID-" + user + "-" + SEQ.incrementAndGet();
        Api.Response r = put(user, "/Marti/api/missions/" + name + "/contents", "{\"uids\": [\"" + uid + "\"]}");
        assertAnswer(r, expected);
        long after = count(jdbc, "select count(*) from tak_mission_uid u join tak_mission m on m.guid = u.mission_guid where m.name = ?", name);
        assertThat(after).as("a refused change changes nothing").isEqualTo(expected == 200 ? before + 1 : before);
        if (expected == 404) {
            assertLikeNonexistent(r, name, put(user, "/Marti/api/missions/matrix-nothere/contents", "{\"uids\": [\"" + uid + "\"]}"), "matrix-nothere");
        }
    }
}
