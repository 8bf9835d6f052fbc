package org.kizuna.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail is no side channel: what a reader can observe of it (its size, which entries it may
 * read) grows alike whether or not items the reader may not read exist, and who read what is for
 * auditors only.
 */
@H2Node
class AuditSideChannelTests {

    @LocalServerPort int port;

    @Autowired AuditLog log;

    @Autowired JdbcClient jdbc;

    @Autowired PasswordEncoder encoder;

    /** A JPN auditor (SECRET), so that the asking reader can also look at the entries its reads leave. */
    @BeforeEach
    void jpnAuditor() {
        jpnAuditor(jdbc, encoder);
    }

    static void jpnAuditor(JdbcClient jdbc, PasswordEncoder encoder) {
        if (jdbc.sql("select count(*) from kizuna_user where username = 'jpn.auditor'").query(Long.class).single() == 0) {
            jdbc.sql("""
                    insert into kizuna_user (username, password_hash, nation, clearance, accesses, roles, zone, created_at)
                    values ('jpn.auditor', ?, 'JPN', 'SECRET', '', 'AUDITOR,VIEWER', 'Asia/Tokyo', ?)""")
                    .params(encoder.encode("demo"), OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC)).update();
        }
    }

    Api as(String user) {
        return Api.on(port).as(user, "demo");
    }

    long size() {
        log.flush();
        return log.latestTreeHead().orElseThrow().size();
    }

    /** How much the log grows while {@code read} runs. */
    long growth(Runnable read) {
        long before = size();
        read.run();
        return size() - before;
    }

    /** What the user can tell of the entries from {@code from} on: the offset of each one it may read, with its kind, outcome and label. */
    List<String> readableSince(String user, long from) {
        log.flush();
        Api.Response r = as(user).get("/api/v1/audit/entries?from=" + from + "&limit=1000");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> seen = new ArrayList<>();
        for (JsonNode e : r.json()) {
            JsonNode rec = e.get("record");
            seen.add((e.get("index").asLong() - from) + " " + rec.get("kind").asString() + " " + rec.get("outcome").asString() + " "
                    + rec.get("label").asString());
        }
        return seen;
    }

    /** Midnight UTC {@code days} from today: inside the booking horizon whenever the tests run. */
    static String daysAhead(int days) {
        return java.time.LocalDate.now(ZoneOffset.UTC).plusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }

    String submitNoforn(String start) {
        Api.Response r = as("usa.officer").post("/api/v1/booking/requests", """
                {"unit": "iii-mef", "facilities": ["camp-schwab"], "durationMinutes": 60, "earliestStart": "%s", "latestStart": "%s",
                 "preferredStart": "%s", "priority": 1, "noisy": false, "label": "SECRET//NOFORN"}""".formatted(start, start, start));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    void insertNofornFacility(String id) {
        jdbc.sql("""
                insert into registry_facility (id, name, kind, operator, lat, lon, zone, host_nation, users, joint_use, joint_use_note, hosts,
                    note, valid_from, valid_to, sources, verification, label)
                select ?, name, kind, operator, lat, lon, zone, host_nation, users, joint_use, joint_use_note, hosts, note, valid_from, valid_to,
                    sources, verification, 'SECRET//NOFORN' from registry_facility where id = 'camp-schwab'""").param(id).update();
    }

    void deleteFacility(String id) {
        jdbc.sql("delete from registry_facility where id = ?").param(id).update();
    }

    @Test
    void listingBookingsGrowsTheLogAlikeWithAndWithoutNofornBookings() {
        Runnable list = () -> assertThat(as("jpn.officer").get("/api/v1/booking/requests").status()).isEqualTo(200);
        long without = growth(list);
        submitNoforn(daysAhead(181));
        submitNoforn(daysAhead(182));
        long with = growth(list);
        assertThat(with).isEqualTo(without).isEqualTo(1);
        // and the USA reader, who sees them, leaves one entry per list too
        assertThat(growth(() -> as("usa.officer").get("/api/v1/booking/requests"))).isEqualTo(1);
    }

    @Test
    void listingRegistryFacilitiesGrowsTheLogAlikeWithAndWithoutANofornFacility() {
        Runnable list = () -> assertThat(as("jpn.officer").get("/api/v1/registry/facilities?asOf=2025-06-01").status()).isEqualTo(200);
        long without = growth(list);
        long searchWithout = growth(() -> as("jpn.officer").get("/api/v1/registry/search?q=camp&asOf=2025-06-01"));
        insertNofornFacility("hidden-range-1");
        insertNofornFacility("hidden-range-2");
        try {
            assertThat(growth(list)).isEqualTo(without).isEqualTo(1);
            assertThat(growth(() -> as("jpn.officer").get("/api/v1/registry/search?q=camp&asOf=2025-06-01"))).isEqualTo(searchWithout);
        } finally {
            deleteFacility("hidden-range-1");
            deleteFacility("hidden-range-2");
        }
    }

    /** Reads {@code path} as the JPN auditor; what it can observe of the log afterwards: growth, then the entries it may read. */
    List<String> observed(String path) {
        long before = size();
        Api.Response r = as("jpn.auditor").get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        long grown = size() - before;
        List<String> seen = new ArrayList<>(List.of("grew " + grown));
        seen.addAll(readableSince("jpn.auditor", before));
        return seen;
    }

    @Test
    void aHiddenBookingIdAndAMissingOneLeaveTheSameTrailForTheAskingReader() {
        String hidden = submitNoforn(daysAhead(183));
        assertThat(growth(() -> as("jpn.officer").get("/api/v1/booking/requests/" + hidden)))
                .isEqualTo(growth(() -> as("jpn.officer").get("/api/v1/booking/requests/BR-00000000")));
        List<String> onHidden = observed("/api/v1/booking/requests/" + hidden);
        List<String> onMissing = observed("/api/v1/booking/requests/BR-00000000");
        assertThat(onHidden).isEqualTo(onMissing);
        assertThat(onHidden.getFirst()).isEqualTo("grew 1");
        // the reader's own record, under its own ceiling, says nothing was readable, as for any id that does not exist
        assertThat(onHidden).hasSize(2);
        assertThat(onHidden.get(1)).isEqualTo("0 READ nothing readable SECRET//REL TO USA, JPN");
    }

    @Test
    void aHiddenFacilityIdAndAMissingOneLeaveTheSameTrailForTheAskingReader() {
        insertNofornFacility("hidden-range-3");
        try {
            assertThat(growth(() -> as("jpn.officer").get("/api/v1/registry/facilities/hidden-range-3?asOf=2025-06-01")))
                    .isEqualTo(growth(() -> as("jpn.officer").get("/api/v1/registry/facilities/no-such-range?asOf=2025-06-01")));
            List<String> onHidden = observed("/api/v1/registry/facilities/hidden-range-3?asOf=2025-06-01");
            List<String> onMissing = observed("/api/v1/registry/facilities/no-such-range?asOf=2025-06-01");
            assertThat(onHidden).isEqualTo(onMissing);
            assertThat(onHidden.getFirst()).isEqualTo("grew 1");
        } finally {
            deleteFacility("hidden-range-3");
        }
    }

    @Test
    void whoReadWhatIsForAuditorsOnlyAndForThoseWhoCouldReadWhatTheReaderCould() {
        long from = size();
        as("jpn.officer").get("/api/v1/registry/facilities/camp-asaka?asOf=2025-06-01");
        as("usa.officer").get("/api/v1/booking/requests");
        log.flush();
        for (String user : List.of("jpn.officer", "usa.officer", "usa.clerk")) {
            Api.Response r = as(user).get("/api/v1/audit/entries?from=" + from);
            assertThat(r.status()).as(user).isEqualTo(403);
            assertThat(r.contentType()).contains("application/problem+json");
            assertThat(r.body()).contains("auditor").doesNotContain("JPN/SECRET").doesNotContain("camp-asaka");
            JsonNode proof = as(user).get("/api/v1/audit/entries/" + from + "/proof").json();
            assertThat(proof.has("auditPath")).isTrue();
            assertThat(proof.has("entry")).as(user).isFalse();
            assertThat(proof.toString()).doesNotContain("JPN/SECRET");
        }
        // sizes and hashes stay public
        assertThat(as("jpn.officer").get("/api/v1/audit/tree-head").status()).isEqualTo(200);
        String usaAuditor = as("usa.auditor").get("/api/v1/audit/entries?from=" + from).body();
        assertThat(usaAuditor).contains("\"actor\":\"JPN/SECRET\"").contains("registry/facility/camp-asaka").contains("\"actor\":\"USA/SECRET\"");
        JsonNode proof = as("usa.auditor").get("/api/v1/audit/entries/" + from + "/proof").json();
        assertThat(proof.get("record").get("actor").asString()).isEqualTo("JPN/SECRET");
        // the JPN auditor reads the JPN reader's record, never the USA reader's (NOFORN: only who could read what it could)
        String jpnAuditor = as("jpn.auditor").get("/api/v1/audit/entries?from=" + from).body();
        assertThat(jpnAuditor).contains("registry/facility/camp-asaka").doesNotContain("USA/SECRET");
    }

    @Test
    void aBookingStreamRecordsItsSubscriptionAndNothingPerEvent() throws Exception {
        // two NOFORN submissions, the first while nobody listens, the second while a JPN reader's stream is open
        long quiet = growth(() -> submitNoforn(daysAhead(184)));
        HttpRequest events = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/booking/events"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("jpn.officer:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream").build();
        HttpClient http = HttpClient.newHttpClient();
        try {
            long before = size();
            CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(events, HttpResponse.BodyHandlers.ofLines());
            // the stream sends nothing until an event the reader may read; its subscription is recorded when it opens
            await("the subscription is recorded").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .until(() -> size() != before);
            assertThat(size() - before).as("the subscription itself").isEqualTo(1);
            long listened = growth(() -> submitNoforn(daysAhead(185)));
            assertThat(listened).isEqualTo(quiet);
            assertThat(stream).isNotDone();
            stream.cancel(true);
        } finally {
            http.shutdownNow();
        }
    }
}
