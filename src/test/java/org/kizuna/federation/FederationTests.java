package org.kizuna.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kizuna.audit.AuditEntry;
import org.kizuna.audit.AuditLog;
import org.kizuna.federation.bench.Peering;
import org.kizuna.label.Reader;
import org.kizuna.testing.Api;
import org.kizuna.testing.TempDirs;
import tools.jackson.databind.JsonNode;

/**
 * Three whole nodes (USA, JPN, AUS) in this JVM, each with its own H2 file database, keys and CA, federated over
 * mutual TLS on loopback. The USA-JPN links run through relays that the tests cut (a partition with both nodes
 * running and writing) and restore; afterwards each side must hold exactly what it should: every item, once, at its
 * latest version, and nothing its guard withheld.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationTests {

    static Path root;
    static FederatedNode usa, jpn, aus;
    static LinkCut toJpn, toUsa;

    @BeforeAll
    static void startThreeNodes() throws IOException {
        root = Files.createTempDirectory("kizuna-federation");
        Peering.Node u = new Peering.Node("USA", root.resolve("usa"), Peering.freePort());
        Peering.Node j = new Peering.Node("JPN", root.resolve("jpn"), Peering.freePort());
        Peering.Node a = new Peering.Node("AUS", root.resolve("aus"), Peering.freePort());
        toJpn = new LinkCut(j.federationPort());
        toUsa = new LinkCut(u.federationPort());
        usa = FederatedNode.start(u, List.of(new Peering.Peer("JPN", "127.0.0.1:" + toJpn.port(), j.dataDir()), Peering.Peer.of(a)));
        jpn = FederatedNode.start(j, List.of(new Peering.Peer("USA", "127.0.0.1:" + toUsa.port(), u.dataDir()), Peering.Peer.of(a)));
        aus = FederatedNode.start(a, List.of(Peering.Peer.of(u), Peering.Peer.of(j)));
        FederatedNode.settle(usa, jpn, aus);
    }

    @AfterAll
    static void stop() throws IOException {
        for (AutoCloseable c : new AutoCloseable[]{usa, jpn, aus, toJpn, toUsa}) {
            try {
                if (c != null) c.close();
            } catch (Exception e) {
                // the next one still closes
            }
        }
        TempDirs.delete(root);
    }

    static String report(FederatedNode node, String user, String titleMark, String title, String... portions) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < portions.length; i += 2) {
            if (i > 0) p.append(',');
            p.append("{\"marking\":\"").append(portions[i]).append("\",\"text\":\"").append(portions[i + 1]).append("\"}");
        }
        Api.Response r = node.api(user).post("/api/v1/intel/reports",
                "{\"title\":{\"marking\":\"" + titleMark + "\",\"text\":\"" + title + "\"},\"portions\":[" + p + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    static Api.Response view(FederatedNode node, String user, String id) {
        return node.api(user).get("/api/v1/intel/reports/" + id);
    }

    /** Whether any stored text of the node (reports, replicas, outbox) holds {@code words}. */
    static boolean holdsAnywhere(FederatedNode node, String words) {
        String like = "%" + words + "%";
        long n = node.jdbc().sql("select count(*) from intel_portion where text like ?").param(like).query(Long.class).single()
                + node.jdbc().sql("select count(*) from federation_replica where data like ?").param(like).query(Long.class).single();
        return n > 0;
    }

    /** The node's audit records of the guard's decisions on an item's way out (outcome and reasons), read by an auditor of its nation. */
    static List<String> releases(FederatedNode node, String id) {
        AuditLog log = node.bean(AuditLog.class);
        log.flush();
        long size = log.latestTreeHead().orElseThrow().size();
        Reader auditor = new Reader(node.nation, "TOP SECRET", Set.of(), Set.of());
        List<String> out = new ArrayList<>();
        for (long from = Math.max(0, size - 5000); from < size; from += 1000) {
            log.entries(from, 1000, auditor).stream().map(AuditEntry::record).filter(r -> r.subject().startsWith("federation/report/" + id + "@"))
                    .forEach(r -> out.add(r.outcome() + " " + r.reason()));
        }
        return out;
    }

    static JsonNode peer(FederatedNode node, String nation) {
        return node.api("usa.admin").get("/api/v1/federation/peers/" + nation).json();
    }

    @Test
    @Order(0)
    void aUsPortionReleasableToJapanArrivesMarkedInJapansPolicyWithItsUsMarkingKept() {
        String id = report(usa, "usa.officer", "(U)", "Relabel contact RL-TITLE", "(S//REL TO USA, JPN)", "Relabelled portion RL-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> view(jpn, "jpn.officer", id).status() == 200);
        JsonNode seen = view(jpn, "jpn.officer", id).json();
        JsonNode portion = seen.path("portions").get(0);
        assertThat(portion.path("text").asString()).isEqualTo("Relabelled portion RL-1");
        // the originator's marking, under which every decision is taken, and beside it the same label in JPN's policy
        assertThat(portion.path("marking").asString()).isEqualTo("(S//REL TO USA, JPN)");
        assertThat(portion.path("nationalMarking").asString()).isEqualTo("(//JPN S//FGI USA//REL TO USA, JPN)");
        assertThat(seen.path("title").path("nationalMarking").asString()).isEqualTo("(//JPN U//FGI USA)");
        assertThat(seen.path("banner").asString()).isEqualTo("SECRET//REL TO USA, JPN");
        assertThat(seen.path("nationalBanner").asString()).isEqualTo("//JPN SECRET//FGI USA//REL TO USA, JPN");
        // what arrived holds both, inside the signed data
        String data = jpn.jdbc().sql("select data from federation_replica where item_id = ?").param(id).query(String.class).single();
        assertThat(data).contains("\"marking\":\"SECRET//REL TO USA, JPN\"").contains("\"recipientMarking\":\"//JPN SECRET//FGI USA//REL TO USA, JPN\"");
        // on its own node a report in the node's policy has no second marking
        JsonNode own = view(usa, "usa.officer", id).json();
        assertThat(own.path("portions").get(0).has("nationalMarking")).isFalse();
        assertThat(own.has("nationalBanner")).isFalse();
        // the audit record of the release says which label left
        assertThat(releases(usa, id))
                .anySatisfy(r -> assertThat(r).contains("to JPN released").contains("(S//REL TO USA, JPN) = (//JPN S//FGI USA//REL TO USA, JPN)"));
    }

    @Test
    @Order(0)
    void anAustralianLevelWithNoEquivalentInThePeersPolicyDoesNotLeave() {
        String id = report(aus, "aus.officer", "(//AUS O//REL TO USA, AUS, JPN)", "AUS contact OS-TITLE", "(//AUS OS//REL TO USA, AUS, JPN)",
                "OFFICIAL-SENSITIVE detail OS-5");
        await().atMost(Duration.ofSeconds(5)).until(() -> view(jpn, "jpn.officer", id).status() == 200);
        await().atMost(Duration.ofSeconds(5)).until(() -> view(usa, "usa.officer", id).status() == 200);
        JsonNode seen = view(jpn, "jpn.officer", id).json();
        assertThat(seen.path("portions")).isEmpty();
        assertThat(seen.path("title").path("marking").asString()).isEqualTo("(//AUS O//REL TO USA, AUS, JPN)");
        assertThat(seen.path("title").path("nationalMarking").asString()).isEqualTo("(//JPN U//FGI AUS//REL TO USA, AUS, JPN)");
        assertThat(view(usa, "usa.officer", id).json().path("title").path("nationalMarking").asString()).isEqualTo("(U//FGI AUS//REL TO USA, AUS, JPN)");
        assertThat(holdsAnywhere(jpn, "OS-5")).isFalse();
        assertThat(holdsAnywhere(usa, "OS-5")).isFalse();
        assertThat(releases(aus, id)).anySatisfy(r -> assertThat(r).contains("to JPN released").contains("= (//JPN U//FGI AUS//REL TO USA, AUS, JPN)")
                .contains("has no agreed equivalent in the JPN policy"));
    }

    @Test
    @Order(0)
    void theJapaneseNodesPeersAreAdministeredByItsOwnNationsAdministratorOnly() {
        String fingerprint = peer(jpn, "USA").path("fingerprint").asString();
        String approval = "{\"fingerprint\":\"" + fingerprint + "\"}";
        // the USA's administrator has an account on the JPN node, but the JPN node's peers are Japan's to administer
        Api.Response refused = jpn.api("usa.admin").post("/api/v1/federation/peers/USA/approval", approval);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(jpn.api("usa.admin").post("/api/v1/federation/peers/USA/revocation", "{}").status()).isEqualTo(403);
        assertThat(peer(jpn, "USA").path("state").asString()).isEqualTo("approved");
        Api.Response approved = jpn.api("jpn.admin").post("/api/v1/federation/peers/USA/approval", approval);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("state").asString()).isEqualTo("approved");
        assertThat(approved.json().path("queued").isNumber()).as("an administrator sees the link's figures").isTrue();
    }

    @Test
    @Order(1)
    void aReportReleasableToJapanAppearsOnTheJapaneseNodeWithinTwoSecondsWithoutItsNofornPortion() {
        String id = report(usa, "usa.officer", "(U)", "Exercise contact east of Okinawa", "(S//REL TO USA, JPN)", "Shared with Japan: course north",
                "(S//NF)", "NOFORN-ONLY sensor settings QX17");
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() -> view(jpn, "jpn.officer", id).status() == 200);
        Api.Response seen = view(jpn, "jpn.officer", id);
        assertThat(seen.body()).contains("Shared with Japan: course north").contains("Exercise contact east of Okinawa").doesNotContain("QX17");
        assertThat(seen.json().path("originator").asString()).isEqualTo("USA");
        assertThat(seen.json().path("portions")).hasSize(1);
        // a USA reader on the JPN node sees no more than the JPN node holds
        assertThat(view(jpn, "usa.officer", id).body()).doesNotContain("QX17");
        // the unclassified title reaches Australia, the REL TO USA, JPN portion does not
        await().atMost(Duration.ofSeconds(5)).until(() -> view(aus, "aus.officer", id).status() == 200);
        assertThat(view(aus, "aus.officer", id).json().path("portions")).isEmpty();
        assertThat(holdsAnywhere(jpn, "QX17")).isFalse();
        assertThat(holdsAnywhere(aus, "QX17")).isFalse();
        assertThat(holdsAnywhere(aus, "Shared with Japan")).isFalse();
        // a replica is read-only where it is held
        Api.Response release = jpn.api("usa.officer").post("/api/v1/intel/reports/" + id + "/tear-lines",
                "{\"marking\":\"(U)\",\"text\":\"x\"}");
        assertThat(release.status()).isIn(400, 403);
    }

    @Test
    @Order(2)
    void aNodeNeverForwardsWhatItReceivedFurtherThanTheOriginatorAllowed() {
        String usaOnly = report(usa, "usa.officer", "(S//REL TO USA, JPN)", "Bilateral only ORIGIN-CTRL-7", "(S//REL TO USA, JPN)", "bilateral detail");
        await().atMost(Duration.ofSeconds(5)).until(() -> view(jpn, "jpn.officer", usaOnly).status() == 200);
        // JPN's own report for everyone proves the JPN-AUS link carries what JPN owns
        String jpnOwn = report(jpn, "jpn.officer", "(U)", "JPN marker for Australia", "(U)", "unclassified note");
        await().atMost(Duration.ofSeconds(5)).until(() -> view(aus, "aus.officer", jpnOwn).status() == 200);
        assertThat(aus.replicas()).doesNotContainKey(usaOnly);
        assertThat(holdsAnywhere(aus, "ORIGIN-CTRL-7")).isFalse();
        long queuedByJpn = jpn.jdbc().sql("select count(*) from federation_shared where item_id = ?").param(usaOnly).query(Long.class).single();
        assertThat(queuedByJpn).as("JPN queued USA's report for nobody").isZero();
    }

    @Test
    @Order(3)
    void aPartitionWhileBothSidesWriteLosesNothingDuplicatesNothingAndLeaksNothing() throws Exception {
        String released = report(usa, "usa.officer", "(U)", "Report released during the partition", "(C//NF)", "released later: TIDE-9");
        await().atMost(Duration.ofSeconds(5)).until(() -> jpn.replicas().containsKey(released));
        toJpn.cut();
        toUsa.cut();
        await().atMost(Duration.ofSeconds(10)).until(() -> !peer(usa, "JPN").path("outbound").asBoolean(true));
        CompletableFuture<List<String>> fromUsa = CompletableFuture.supplyAsync(() -> write(usa, "usa.officer", "USA"));
        CompletableFuture<List<String>> fromJpn = CompletableFuture.supplyAsync(() -> write(jpn, "jpn.officer", "JPN"));
        List<String> usaIds = fromUsa.get(), jpnIds = fromJpn.get();
        Api.Response widen = usa.api("usa.officer").post("/api/v1/intel/reports/" + released + "/releases", "{\"portion\":\"1\",\"to\":[\"JPN\"]}");
        assertThat(widen.status()).as(widen.body()).isEqualTo(200);
        JsonNode cutHealth = peer(usa, "JPN");
        assertThat(cutHealth.path("queued").asLong()).isGreaterThanOrEqualTo(usaIds.size());
        assertThat(cutHealth.path("lastError").asString()).isNotBlank();
        assertThat(jpn.replicas()).doesNotContainKeys(usaIds.toArray(String[]::new));

        toJpn.restore();
        toUsa.restore();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> jpn.replicas().keySet().containsAll(usaIds) && usa.replicas().keySet().containsAll(jpnIds)
                        && java.util.Objects.equals(jpn.replicas().get(released), versionOf(usa, released)));
        // federation holds the items; intel's replica listener applies them after that commit, so give it time
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> usaIds.stream().allMatch(id -> view(jpn, "jpn.officer", id).status() == 200)
                        && jpnIds.stream().allMatch(id -> view(usa, "usa.officer", id).status() == 200)
                        && view(jpn, "jpn.officer", released).body().contains("TIDE-9"));
        for (String id : usaIds) {
            assertThat(jpn.replicas().get(id)).isEqualTo(versionOf(usa, id));
            String body = view(jpn, "jpn.officer", id).body();
            assertThat(body).contains("shared by USA").doesNotContain("NOFORN-PART");
        }
        for (String id : jpnIds) assertThat(view(usa, "usa.officer", id).status()).isEqualTo(200);
        assertThat(view(jpn, "jpn.officer", released).body()).contains("TIDE-9");
        // exactly once: one report row per replica, and nothing left in the outboxes
        for (FederatedNode n : List.of(usa, jpn)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> n.jdbc().sql("select count(*) from intel_report where replica = true").query(Long.class)
                    .single() >= n.replicas().size());
            long replicaReports = n.jdbc().sql("select count(*) from intel_report where replica = true").query(Long.class).single();
            assertThat(replicaReports).isEqualTo(n.replicas().size());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> peer(usa, "JPN").path("queued").asLong(-1) == 0 && peer(jpn, "USA").path("queued").asLong(-1) == 0);
        assertThat(holdsAnywhere(jpn, "NOFORN-PART-USA")).isFalse();
        assertThat(holdsAnywhere(usa, "NOFORN-PART-JPN")).isFalse();
    }

    private static long versionOf(FederatedNode owner, String id) {
        return owner.jdbc().sql("select version from intel_report where id = ?").param(id).query(Long.class).single();
    }

    private static List<String> write(FederatedNode node, String user, String nation) {
        List<String> ids = new ArrayList<>();
        String mark = nation.equals("USA") ? "(S//REL TO USA, JPN)" : "(//JPN S//REL TO USA, JPN)";
        String noforn = nation.equals("USA") ? "(S//NF)" : "(//JPN S)";
        for (int i = 0; i < 25; i++) {
            String id = report(node, user, "(U)", nation + " report " + i + " during the partition", mark, "shared by " + nation + " #" + i, noforn,
                    "NOFORN-PART-" + nation);
            ids.add(id);
        }
        // the text names the report, so that a replica's content is checked against its own id
        return ids;
    }

    @Test
    @Order(4)
    void revokingAPeerCutsItsLinksAtOnceAndNothingMoreReachesIt() {
        assertThat(peer(usa, "JPN").path("state").asString()).isEqualTo("approved");
        Api.Response r = usa.api("usa.admin").post("/api/v1/federation/peers/JPN/revocation", "{}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("state").asString()).isEqualTo("revoked");
        await().atMost(Duration.ofSeconds(2))
                .until(() -> !peer(usa, "JPN").path("outbound").asBoolean(true) && !peer(usa, "JPN").path("inbound").asBoolean(true));
        String after = report(usa, "usa.officer", "(U)", "After the revocation", "(S//REL TO USA, JPN)", "not for a revoked peer");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> view(jpn, "jpn.officer", after).status() == 404);
        // a planner may not administer peers
        assertThat(usa.api("usa.officer").post("/api/v1/federation/peers/AUS/revocation", "{}").status()).isEqualTo(403);
        assertThat(Map.of("AUS", peer(usa, "AUS").path("state").asString())).containsEntry("AUS", "approved");
    }
}
