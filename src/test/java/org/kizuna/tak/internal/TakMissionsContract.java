package org.kizuna.tak.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.kizuna.node.NodePki;
import org.kizuna.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * TAK missions over the real mutual-TLS Marti API, on whichever database the subclass runs the node: create, list,
 * get, subscribe, contents, the change log and the notices on the CoT stream, with the label rules (a JPN reader sees
 * neither a NOFORN mission nor the NOFORN content of a mission it may read) and the bounds.
 */
abstract class TakMissionsContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired Environment environment;
    @Autowired NodePki pki;
    @Autowired JdbcClient jdbc;

    /** What a TAK API call answered. */
    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        /** The one mission of a Mission envelope. */
        JsonNode mission() {
            JsonNode j = json();
            assertThat(j.get("version").asString()).isEqualTo("3");
            assertThat(j.get("type").asString()).isEqualTo("Mission");
            assertThat(j.has("nodeId")).isTrue();
            assertThat(j.get("data").size()).isEqualTo(1);
            return j.get("data").get(0);
        }
    }

    /** A TAK client of one user: its certificate's HTTPS calls. */
    final class Client {
        final HttpClient http;

        Client(String user, String nation, String clearance) {
            this.http = HttpClient.newBuilder().sslContext(pki.clientContext(pki.issueClient(user, nation, clearance))).build();
        }

        Answer call(String method, String path, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) b.header("Content-Type", "application/json");
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        }

        Answer get(String path) throws Exception {
            return call("GET", path, null);
        }

        Answer put(String path, String body) throws Exception {
            return call("PUT", path, body);
        }

        Answer delete(String path) throws Exception {
            return call("DELETE", path, null);
        }

        /** Uploads a data package as TAK clients do; answers its hash. */
        String upload(String text) throws Exception {
            byte[] content = (text + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
            String hash = DataPackages.sha256(content);
            String boundary = "kizuna-missions";
            String multipart = "--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"assetfile\"; filename=\"p.zip\"\r\nContent-Type: application/zip\r\n\r\n"
                    + new String(content, StandardCharsets.UTF_8) + "\r\n--" + boundary + "--\r\n";
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort() + "/Marti/sync/missionupload?filename=p.zip&hash="
                            + hash)).header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofString(multipart))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return hash;
        }
    }

    int httpsPort() {
        return environment.getRequiredProperty("local.https.port", Integer.class);
    }

    static String name(String stem) {
        return stem + "-" + SEQ.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    }

    static String path(String name) {
        return "/Marti/api/missions/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    void defaultLabel(String user, String label) {
        Api.Response r = Api.on(port).as("usa.admin", "demo").put("/api/v1/users/" + user + "/default-label",
                label == null ? "{\"label\": null}" : "{\"label\": \"" + label + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    static List<String> hashes(JsonNode mission) {
        return mission.get("contents").valueStream().map(c -> c.get("data").get("hash").asString()).toList();
    }

    @Test
    void aPlannerCreatesAMissionPutsContentInItAndASubscriberFollowsItsChanges() throws Exception {
        defaultLabel("jpn.officer", "SECRET//REL TO USA, JPN");
        Client jpn = new Client("jpn.officer", "JPN", "SECRET");
        Client usa = new Client("usa.officer", "USA", "SECRET");
        String name = name("Orient Shield (north)");
        Answer created = jpn.put(path(name) + "?creatorUid=ANDROID-J1&description=bilateral%20exercise&tool=public", null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode m = created.mission();
        assertThat(m.get("name").asString()).isEqualTo(name);
        assertThat(m.get("description").asString()).isEqualTo("bilateral exercise");
        assertThat(m.get("creatorUid").asString()).isEqualTo("ANDROID-J1");
        assertThat(m.get("classification").asString()).isEqualTo("SECRET//REL TO USA, JPN");
        assertThat(m.get("guid").asString()).matches("[0-9a-f-]{36}");
        assertThat(m.get("contents").size()).isZero();
        // a second PUT describes the same mission (200), it does not make another
        Answer again = jpn.put(path(name) + "?description=changed", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.mission().get("guid").asString()).isEqualTo(m.get("guid").asString());

        String hash = jpn.upload("orient shield plan");
        Answer added = jpn.put(path(name) + "/contents?creatorUid=ANDROID-J1", "{\"hashes\": [\"" + hash + "\"], \"uids\": [\"ANDROID-J1\", \"JS-MAYA\"]}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(hashes(added.mission())).containsExactly(hash);
        assertThat(added.mission().get("uids").valueStream().map(u -> u.get("data").asString())).containsExactly("ANDROID-J1", "JS-MAYA");
        // adding them again changes nothing
        assertThat(jpn.put(path(name) + "/contents", "{\"hashes\": [\"" + hash + "\"], \"uids\": [\"JS-MAYA\"]}").mission().get("uids").size()).isEqualTo(2);

        // a file as ATAK's Data Sync sends one (/Marti/sync/upload, the body is the file), put in the mission too
        byte[] notes = ("orient shield notes " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> file = jpn.http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort()
                + "/Marti/sync/upload?name=notes.txt&keywords=exercise,notes&creatorUid=ANDROID-J1")).header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(notes)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
        JsonNode record = JSON.readTree(file.body());
        assertThat(record.get("Hash").asString()).isEqualTo(DataPackages.sha256(notes));
        assertThat(record.get("MIMEType").asString()).isEqualTo("text/plain");
        assertThat(record.get("Keywords").valueStream().map(JsonNode::asString)).containsExactly("exercise", "notes");
        assertThat(record.get("Label").asString()).isEqualTo("SECRET//REL TO USA, JPN");
        Answer empty = jpn.call("POST", "/Marti/sync/upload?name=empty.txt", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(jpn.put(path(name) + "/contents", "{\"hashes\": [\"" + record.get("Hash").asString() + "\"]}").status()).isEqualTo(200);
        assertThat(jpn.delete(path(name) + "/contents?hash=" + record.get("Hash").asString()).status()).isEqualTo(200);

        // a USA reader may read the mission (REL TO USA, JPN): listed, got with its contents, subscribed to
        Answer listed = usa.get("/Marti/api/missions");
        assertThat(listed.json().get("type").asString()).isEqualTo("Mission");
        assertThat(listed.json().get("data").valueStream().map(x -> x.get("name").asString())).contains(name);
        Answer got = usa.get(path(name));
        assertThat(got.status()).isEqualTo(200);
        assertThat(hashes(got.mission())).containsExactly(hash);
        Answer byGuid = usa.get("/Marti/api/missions/guid/" + m.get("guid").asString());
        assertThat(byGuid.mission().get("name").asString()).isEqualTo(name);
        Answer subscribed = usa.put(path(name) + "/subscription?uid=ANDROID-U1", null);
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        JsonNode sub = subscribed.json();
        assertThat(sub.get("type").asString()).isEqualTo("com.bbn.marti.sync.model.MissionSubscription");
        assertThat(sub.get("data").get("clientUid").asString()).isEqualTo("ANDROID-U1");
        assertThat(sub.get("data").get("username").asString()).isEqualTo("usa.officer");
        // a JPN mission is changed by JPN planners only: the USA officer reads it
        assertThat(sub.get("data").get("role").get("type").asString()).isEqualTo("MISSION_READONLY_SUBSCRIBER");
        Answer mine = jpn.put(path(name) + "/subscription?uid=ANDROID-J1", null);
        assertThat(mine.json().get("data").get("role").get("type").asString()).isEqualTo("MISSION_SUBSCRIBER");
        assertThat(usa.get(path(name) + "/subscription?uid=ANDROID-U1").status()).isEqualTo(200);
        assertThat(usa.get(path(name) + "/subscriptions").json().get("data").valueStream().map(JsonNode::asString)).contains("ANDROID-U1", "ANDROID-J1");

        // the change log: created, the package and the two uids added, the file added and taken out
        Answer changes = usa.get(path(name) + "/changes");
        assertThat(changes.json().get("type").asString()).isEqualTo("MissionChange");
        List<JsonNode> log = changes.json().get("data").valueStream().toList();
        assertThat(log).extracting(c -> c.get("type").asString()).containsExactly("CREATE_MISSION", "ADD_CONTENT", "ADD_CONTENT", "ADD_CONTENT",
                "ADD_CONTENT", "REMOVE_CONTENT");
        assertThat(log.get(1).get("contentResource").get("hash").asString()).isEqualTo(hash);
        assertThat(log).allSatisfy(c -> assertThat(c.get("missionName").asString()).isEqualTo(name));
        assertThat(log).extracting(c -> c.path("contentUid").asString("")).contains("ANDROID-J1", "JS-MAYA");
        assertThat(usa.get(path(name) + "?changes=true").mission().get("missionChanges").size()).isEqualTo(6);
        assertThat(usa.get(path(name) + "/changes?secago=3600").json().get("data").size()).isEqualTo(6);
        assertThat(usa.get(path(name) + "/changes?start=2000-01-01T00:00:00Z&end=2000-01-02T00:00:00Z").json().get("data").size()).isZero();

        // taking content out, and unsubscribing
        Answer removed = jpn.delete(path(name) + "/contents?uid=JS-MAYA&creatorUid=ANDROID-J1");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.mission().get("uids").valueStream().map(u -> u.get("data").asString())).containsExactly("ANDROID-J1");
        assertThat(usa.get(path(name) + "/changes").json().get("data").valueStream().map(c -> c.get("type").asString())).endsWith("REMOVE_CONTENT");
        assertThat(usa.delete(path(name) + "/subscription?uid=ANDROID-U1").status()).isEqualTo(200);
        assertThat(usa.get(path(name) + "/subscriptions").json().get("data").valueStream().map(JsonNode::asString)).doesNotContain("ANDROID-U1");
        assertThat(usa.get(path(name) + "/subscription?uid=ANDROID-U1").status()).isEqualTo(404);
        assertThat(usa.get("/Marti/api/missions/all/invitations?clientUid=ANDROID-U1").json().get("data").size()).isZero();
    }

    @Test
    void aJpnReaderSeesNeitherANofornMissionNorTheNofornContentOfAMissionItMayRead() throws Exception {
        Client usa = new Client("usa.officer", "USA", "SECRET");
        Client jpn = new Client("jpn.officer", "JPN", "SECRET");
        defaultLabel("jpn.officer", "SECRET//REL TO USA, JPN");
        String hidden = name("usa-only");
        String shared = name("shared");
        String noforn, rel;
        try {
            defaultLabel("usa.officer", null); // a USA officer's own reports: SECRET//NOFORN
            assertThat(usa.put(path(hidden) + "?creatorUid=ANDROID-U2", null).mission().get("classification").asString()).isEqualTo("SECRET//NOFORN");
            noforn = usa.upload("noforn annex");
            defaultLabel("usa.officer", "SECRET//REL TO USA, JPN");
            rel = usa.upload("releasable annex");
            assertThat(usa.put(path(shared), null).status()).isEqualTo(201);
        } finally {
            defaultLabel("usa.officer", null);
        }
        assertThat(usa.put(path(hidden) + "/contents", "{\"hashes\": [\"" + noforn + "\"]}").status()).isEqualTo(200);
        assertThat(usa.put(path(shared) + "/contents", "{\"hashes\": [\"" + noforn + "\", \"" + rel + "\"]}").status()).isEqualTo(200);
        assertThat(hashes(usa.get(path(shared)).mission())).containsExactlyInAnyOrder(noforn, rel);

        // the NOFORN mission: not listed, and everywhere "no mission named ..." exactly as for a name nobody used
        assertThat(jpn.get("/Marti/api/missions").json().get("data").valueStream().map(x -> x.get("name").asString())).contains(shared).doesNotContain(hidden);
        String none = name("nobody-made");
        for (String call : new String[]{"", "/changes", "/subscriptions", "/cot"}) {
            Answer h = jpn.get(path(hidden) + call), n = jpn.get(path(none) + call);
            assertThat(h.status()).as(call).isEqualTo(404).isEqualTo(n.status());
            assertThat(h.contentType()).startsWith("application/problem+json");
            assertThat(h.body().replace(hidden, "NAME")).isEqualTo(n.body().replace(none, "NAME"));
        }
        Answer subHidden = jpn.put(path(hidden) + "/subscription?uid=ANDROID-J2", null), subNone = jpn.put(path(none) + "/subscription?uid=ANDROID-J2", null);
        assertThat(subHidden.status()).isEqualTo(404);
        assertThat(subHidden.body().replace(hidden, "NAME")).isEqualTo(subNone.body().replace(none, "NAME"));
        Answer addHidden = jpn.put(path(hidden) + "/contents", "{\"uids\": [\"X\"]}"), addNone = jpn.put(path(none) + "/contents", "{\"uids\": [\"X\"]}");
        assertThat(addHidden.status()).isEqualTo(404);
        assertThat(addHidden.body().replace(hidden, "NAME")).isEqualTo(addNone.body().replace(none, "NAME"));
        Answer jpnAddsToUsa = jpn.put(path(shared) + "/contents", "{\"uids\": [\"X\"]}");
        assertThat(jpnAddsToUsa.status()).as("a USA mission is USA planners' to change").isEqualTo(403);

        // the shared mission: read, with its releasable package only; the NOFORN one is neither listed nor counted
        JsonNode seen = jpn.get(path(shared) + "?changes=true").mission();
        assertThat(hashes(seen)).containsExactly(rel);
        assertThat(seen.get("missionChanges").valueStream().map(c -> c.path("contentResource").path("hash").asString(""))).contains(rel).doesNotContain(noforn);
        assertThat(jpn.get(path(shared) + "/changes").json().get("data").valueStream().map(c -> c.path("contentResource").path("hash").asString("")))
                .contains(rel).doesNotContain(noforn);
        JsonNode inList = jpn.get("/Marti/api/missions").json().get("data").valueStream().filter(x -> x.get("name").asString().equals(shared)).findFirst()
                .orElseThrow();
        assertThat(hashes(inList)).containsExactly(rel);

        // a name taken by a mission the JPN planner may not read is free to it: another mission, the USA one unchanged
        Answer own = jpn.put(path(hidden) + "?creatorUid=ANDROID-J2", null);
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.mission().get("classification").asString()).isEqualTo("SECRET//REL TO USA, JPN");
        assertThat(hashes(jpn.get(path(hidden)).mission())).isEmpty();
        assertThat(hashes(usa.get(path(hidden)).mission())).as("USA readers keep the older mission of that name").containsExactly(noforn);
        // a package the JPN planner may not read is "no data package", as one nobody uploaded
        String nobody = "0".repeat(64);
        Answer hiddenHash = jpn.put(path(hidden) + "/contents", "{\"hashes\": [\"" + noforn + "\"]}");
        Answer noHash = jpn.put(path(hidden) + "/contents", "{\"hashes\": [\"" + nobody + "\"]}");
        assertThat(hiddenHash.status()).isEqualTo(400).isEqualTo(noHash.status());
        assertThat(hiddenHash.body().replace(noforn, "H")).isEqualTo(noHash.body().replace(nobody, "H"));
    }

    @Test
    void writesNeedAPlannerOfTheMissionsNationAndEveryBoundIsA400() throws Exception {
        defaultLabel("jpn.officer", "SECRET//REL TO USA, JPN");
        Client planner = new Client("jpn.officer", "JPN", "SECRET");
        Client clerk = new Client("jpn.clerk", "JPN", "CONFIDENTIAL");
        String name = name("bounds");
        Answer refused = clerk.put(path(name), null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("needs the planner role");
        assertThat(planner.put(path(name), null).status()).isEqualTo(201);

        String tooLong = "x".repeat(256);
        for (String[] bad : new String[][]{
                {"PUT", path(tooLong), null, "name:"},
                {"PUT", path("<script>"), null, "name:"},
                {"PUT", path("..."), null, "name:"},
                {"PUT", path("invitations"), null, "names a call"},
                {"PUT", path(name) + "?password=secret", null, "password:"},
                {"PUT", path(name) + "?inviteOnly=true", null, "inviteOnly:"},
                {"PUT", path(name) + "?tool=a%20b", null, "tool:"},
                {"PUT", path(name) + "?description=" + "d".repeat(2001), null, "description:"},
                {"PUT", path(name) + "/contents", "{\"hashes\": [\"abc\"]}", "hashes:"},
                {"PUT", path(name) + "/contents", "{\"uids\": [" + "\"u\",".repeat(100) + "\"u\"]}", "uids: at most 100 per call"},
                {"PUT", path(name) + "/contents", "{\"uids\": [\"\"]}", "uids:"},
                {"PUT", path(name) + "/keywords", "[" + "\"k\",".repeat(20) + "\"k\"]", "keywords:"},
                {"PUT", path(name) + "/keywords", "[\"a,b\"]", "keywords:"},
                {"PUT", path(name) + "/subscription", null, "uid:"},
                {"GET", path(name) + "/changes?secago=-1", null, "secago:"},
                {"GET", path(name) + "/changes?start=yesterday", null, "start"},
                {"GET", path(name) + "/changes?start=2030-01-01T00:00:00Z&end=2029-01-01T00:00:00Z", null, "start, end:"},
                {"DELETE", path(name) + "/contents", null, "hash, uid:"},
                {"GET", "/Marti/api/missions/guid/not-a-guid", null, "guid:"}}) {
            Answer a = planner.call(bad[0], bad[1], bad[2]);
            assertThat(a.status()).as(bad[0] + " " + bad[1] + ": " + a.body()).isEqualTo(400);
            assertThat(a.contentType()).as(bad[1]).startsWith("application/problem+json");
            assertThat(a.json().get("detail").asString()).as(bad[1]).contains(bad[3]);
        }
        assertThat(planner.delete(path(name)).status()).as("missions are not deleted").isEqualTo(405);
        Answer keywords = planner.put(path(name) + "/keywords", "[\"exercise\", \"bilateral\"]");
        assertThat(keywords.mission().get("keywords").valueStream().map(JsonNode::asString)).containsExactly("exercise", "bilateral");
        // nothing refused was stored
        assertThat(jdbc.sql("select count(*) from tak_mission where name = ?").param(name).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from tak_mission_uid u join tak_mission m on m.guid = u.mission_guid where m.name = ?").param(name)
                .query(Long.class).single()).isZero();
    }

    @Test
    void subscribersAreToldOfAChangeOnTheirCotStreamOnlyWhatTheyMayRead() throws Exception {
        Client usa = new Client("usa.officer", "USA", "SECRET");
        Client jpn = new Client("jpn.officer", "JPN", "SECRET");
        defaultLabel("jpn.officer", "SECRET//REL TO USA, JPN");
        String name = name("notices");
        String noforn, rel;
        try {
            defaultLabel("usa.officer", null);
            noforn = usa.upload("noforn notice annex");
            defaultLabel("usa.officer", "SECRET//REL TO USA, JPN");
            rel = usa.upload("releasable notice annex");
            assertThat(usa.put(path(name), null).status()).isEqualTo(201);
        } finally {
            defaultLabel("usa.officer", null);
        }
        int cotPort = environment.getRequiredProperty("local.cot.tls.port", Integer.class);
        StringBuffer atJpn = new StringBuffer(), atUsa = new StringBuffer();
        try (SSLSocket jpnStream = stream(pki.issueClient("jpn.officer", "JPN", "SECRET"), cotPort, atJpn);
                SSLSocket usaStream = stream(pki.issueClient("usa.officer", "USA", "SECRET"), cotPort, atUsa)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> atJpn.indexOf("t-x-takp-v") >= 0 && atUsa.indexOf("t-x-takp-v") >= 0);
            assertThat(jpn.put(path(name) + "/subscription?uid=ANDROID-J3", null).status()).isEqualTo(201);
            assertThat(usa.put(path(name) + "/subscription?uid=ANDROID-U3", null).status()).isEqualTo(201);
            assertThat(usa.put(path(name) + "/contents?creatorUid=ANDROID-U3", "{\"hashes\": [\"" + noforn + "\"]}").status()).isEqualTo(200);
            assertThat(usa.put(path(name) + "/contents?creatorUid=ANDROID-U3", "{\"hashes\": [\"" + rel + "\"]}").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> atJpn.indexOf(rel) >= 0 && atUsa.indexOf(rel) >= 0);
            String jpnSaw = atJpn.toString();
            assertThat(jpnSaw).contains("type=\"t-x-m-c\"", "name=\"" + name + "\"", "<type>ADD_CONTENT</type>", "<hash>" + rel + "</hash>");
            // notices come in order: the NOFORN one would have come first
            assertThat(jpnSaw).doesNotContain(noforn);
            assertThat(atUsa.toString()).contains("<hash>" + noforn + "</hash>", "<hash>" + rel + "</hash>");
        }
    }

    /** A CoT TLS connection of this certificate whose every byte received is appended to {@code into}. */
    SSLSocket stream(NodePki.Issued cert, int port, StringBuffer into) throws Exception {
        SSLSocket s = (SSLSocket) pki.clientContext(cert).getSocketFactory().createSocket("localhost", port);
        s.startHandshake();
        Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[8192];
            try (InputStream in = s.getInputStream()) {
                for (int n; (n = in.read(buf)) > 0;) into.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            } catch (java.io.IOException ignored) {
                // closed by the test
            }
        });
        return s;
    }
}
