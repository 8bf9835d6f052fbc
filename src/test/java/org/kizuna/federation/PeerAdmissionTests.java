package org.kizuna.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kizuna.federation.bench.Peering;
import org.kizuna.testing.Api;
import org.kizuna.testing.TempDirs;
import tools.jackson.databind.JsonNode;

/**
 * A peer approved (again) gets what it may already read: three whole nodes (USA, JPN, AUS) in this JVM, each with its
 * own H2 file database, keys and CA, federated over mutual TLS on loopback. The USA node revokes AUS, writes a report
 * while AUS is not approved, and approves AUS again: AUS gets the report's releasable portions (never its NOFORN one)
 * within seconds, and JPN, which had it already, is sent nothing more.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeerAdmissionTests {

    static Path root;
    static FederatedNode usa, jpn, aus;

    @BeforeAll
    static void startThreeNodes() throws IOException {
        root = Files.createTempDirectory("kizuna-admission");
        Peering.Node u = new Peering.Node("USA", root.resolve("usa"), Peering.freePort());
        Peering.Node j = new Peering.Node("JPN", root.resolve("jpn"), Peering.freePort());
        Peering.Node a = new Peering.Node("AUS", root.resolve("aus"), Peering.freePort());
        usa = FederatedNode.start(u, List.of(Peering.Peer.of(j), Peering.Peer.of(a)));
        jpn = FederatedNode.start(j, List.of(Peering.Peer.of(u), Peering.Peer.of(a)));
        aus = FederatedNode.start(a, List.of(Peering.Peer.of(u), Peering.Peer.of(j)));
        FederatedNode.settle(usa, jpn, aus);
    }

    @AfterAll
    static void stop() throws IOException {
        for (AutoCloseable c : new AutoCloseable[]{usa, jpn, aus}) {
            try {
                if (c != null) c.close();
            } catch (Exception e) {
                // the next one still closes
            }
        }
        TempDirs.delete(root);
    }

    static JsonNode peer(FederatedNode node, String nation) {
        return node.api("usa.admin").get("/api/v1/federation/peers/" + nation).json();
    }

    /** The next sequence the USA node would give an envelope for {@code peer}: it moves with every envelope queued for it. */
    static long nextSeq(String peer) {
        return usa.jdbc().sql("select next_seq from federation_cursor where peer = ?").param(peer).query(Long.class).single();
    }

    static Api.Response view(FederatedNode node, String user, String id) {
        return node.api(user).get("/api/v1/intel/reports/" + id);
    }

    static void approveAus() {
        String fingerprint = peer(usa, "AUS").path("fingerprint").asString();
        Api.Response r = usa.api("usa.admin").post("/api/v1/federation/peers/AUS/approval", "{\"fingerprint\":\"" + fingerprint + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("state").asString()).isEqualTo("approved");
    }

    static long stored(FederatedNode node, String words) {
        String like = "%" + words + "%";
        return node.jdbc().sql("select count(*) from intel_portion where text like ?").param(like).query(Long.class).single()
                + node.jdbc().sql("select count(*) from federation_replica where data like ?").param(like).query(Long.class).single();
    }

    @Test
    @Order(1)
    void aPeerApprovedAgainGetsTheReportsWrittenWhileItWasNotApprovedAndNoOtherPeerGetsThemTwice() {
        Api.Response revoked = usa.api("usa.admin").post("/api/v1/federation/peers/AUS/revocation", "{}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> !peer(usa, "AUS").path("outbound").asBoolean(true));

        String id = FederationTests.report(usa, "usa.officer", "(U)", "Written while AUS was revoked", "(S//REL TO USA, AUS, JPN)",
                "Three nations: convoy at grid KILO-4", "(S//NF)", "NOFORN-ONLY tasking ZB42");
        String plan = FederatedRecordsTests.plan(usa, "usa.officer", "(U)", "Plan written while AUS was revoked", FederatedRecordsTests.usaJpn(), "(U)",
                "Concept", "unclassified concept of the plan");
        await().atMost(Duration.ofSeconds(5)).until(() -> view(jpn, "jpn.officer", id).status() == 200 && jpn.replicas("plan").containsKey(plan));
        await().atMost(Duration.ofSeconds(10)).until(usa::drained);
        assertThat(aus.replicas("plan")).doesNotContainKey(plan);
        assertThat(view(aus, "aus.officer", id).status()).isEqualTo(404);
        long toJpn = nextSeq("JPN");
        long jpnReceived = peer(jpn, "USA").path("receivedSeq").asLong();
        long jpnSharedRows = usa.jdbc().sql("select count(*) from federation_shared where peer = 'JPN'").query(Long.class).single();

        approveAus();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> view(aus, "aus.officer", id).status() == 200);
        Api.Response seen = view(aus, "aus.officer", id);
        assertThat(seen.body()).contains("Written while AUS was revoked").contains("Three nations: convoy at grid KILO-4").doesNotContain("ZB42");
        assertThat(seen.json().path("originator").asString()).isEqualTo("USA");
        assertThat(seen.json().path("portions")).hasSize(1);
        assertThat(stored(aus, "ZB42")).isZero();
        // so do the other kinds: the plan, at the version JPN holds
        await().atMost(Duration.ofSeconds(5)).until(() -> aus.replicas("plan").containsKey(plan));
        assertThat(aus.replicas("plan").get(plan)).isEqualTo(jpn.replicas("plan").get(plan));
        // the version did not move: AUS holds the version JPN holds, and JPN was sent nothing more
        long version = usa.jdbc().sql("select version from intel_report where id = ?").param(id).query(Long.class).single();
        assertThat(aus.replicas().get(id)).isEqualTo(version);
        assertThat(jpn.replicas().get(id)).isEqualTo(version);
        await().atMost(Duration.ofSeconds(10)).until(usa::drained);
        assertThat(nextSeq("JPN")).isEqualTo(toJpn);
        assertThat(peer(jpn, "USA").path("receivedSeq").asLong()).isEqualTo(jpnReceived);
        assertThat(usa.jdbc().sql("select count(*) from federation_shared where peer = 'JPN'").query(Long.class).single()).isEqualTo(jpnSharedRows);
        // one replica of the report on AUS, once
        assertThat(aus.jdbc().sql("select count(*) from intel_report where id = ?").param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void approvingAPeerAgainWithNothingChangedSendsItNothing() {
        Api.Response revoked = usa.api("usa.admin").post("/api/v1/federation/peers/AUS/revocation", "{}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        long toAus = nextSeq("AUS");
        long offers = usa.jdbc().sql("select count(*) from intel_report where originator is null and replica = false and version > 0").query(Long.class)
                .single();
        assertThat(offers).as("the USA node owns shared reports to offer").isPositive();

        approveAus();

        // every offer is handled (no publication left incomplete) and none is queued for AUS: it had each version
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> usa.jdbc().sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0
                        && peer(usa, "AUS").path("outbound").asBoolean(false));
        assertThat(nextSeq("AUS")).isEqualTo(toAus);
        // and the link to AUS works again: a new report reaches it
        String id = FederationTests.report(usa, "usa.officer", "(U)", "After the second approval", "(U)", "unclassified follow-up");
        await().atMost(Duration.ofSeconds(5)).until(() -> view(aus, "aus.officer", id).status() == 200);
    }
}
