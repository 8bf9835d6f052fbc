package org.kizuna.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kizuna.federation.bench.Peering;
import org.kizuna.testing.Api;
import org.kizuna.testing.TempDirs;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three whole nodes (USA, JPN, AUS) in this JVM, federated over mutual TLS on loopback, sharing the records other than
 * intelligence reports: plans (each section under its own label, so each partner node gets what its nation may read),
 * the bilateral approval of a USA plan by JPN's approver on JPN's replica (sent to the USA node, applied there only while
 * the version is current and was sent in full, and the approved state back on JPN), comments on a replica, commitments
 * and exercises; and a node refusing a request about an item it did not send the requester. The JPN-to-USA link runs
 * through a relay the stale-approval test cuts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederatedRecordsTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static Path root;
    static FederatedNode usa, jpn, aus;
    static LinkCut toUsa;

    @BeforeAll
    static void startThreeNodes() throws IOException {
        root = Files.createTempDirectory("kizuna-fedrec");
        Peering.Node u = new Peering.Node("USA", root.resolve("usa"), Peering.freePort());
        Peering.Node j = new Peering.Node("JPN", root.resolve("jpn"), Peering.freePort());
        Peering.Node a = new Peering.Node("AUS", root.resolve("aus"), Peering.freePort());
        toUsa = new LinkCut(u.federationPort());
        usa = FederatedNode.start(u, List.of(Peering.Peer.of(j), Peering.Peer.of(a)));
        jpn = FederatedNode.start(j, List.of(new Peering.Peer("USA", "127.0.0.1:" + toUsa.port(), u.dataDir()), Peering.Peer.of(a)));
        aus = FederatedNode.start(a, List.of(Peering.Peer.of(u), Peering.Peer.of(j)));
        FederatedNode.settle(usa, jpn, aus);
    }

    @AfterAll
    static void stop() throws IOException {
        for (AutoCloseable c : new AutoCloseable[]{usa, jpn, aus, toUsa}) {
            try {
                if (c != null) c.close();
            } catch (Exception e) {
                // the next one still closes
            }
        }
        TempDirs.delete(root);
    }

    // ------------------------------------------------------------------ helpers

    /** Drafts a plan on {@code node}; sections are marking, heading, text triples. */
    static String plan(FederatedNode node, String user, String titleMark, String title, Map<String, String> approvers, String... sections) {
        List<Map<String, String>> s = new ArrayList<>();
        for (int i = 0; i < sections.length; i += 3) s.add(Map.of("marking", sections[i], "heading", sections[i + 1], "text", sections[i + 2]));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("marking", titleMark);
        body.put("kind", "CONTINGENCY");
        body.put("nations", List.copyOf(approvers.keySet()));
        body.put("approvers", approvers);
        body.put("sections", s);
        Api.Response r = node.api(user).post("/api/v1/plans", JSON.writeValueAsString(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    static Map<String, String> usaJpn() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("USA", "usa.officer");
        m.put("JPN", "jpn.officer");
        return m;
    }

    static Api.Response plan(FederatedNode node, String user, String id) {
        return node.api(user).get("/api/v1/plans/" + id);
    }

    static JsonNode seen(FederatedNode node, String user, String id) {
        Api.Response r = plan(node, user, id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static Api.Response approve(FederatedNode node, String user, String id, int version, String hash) {
        return node.api(user).post("/api/v1/plans/" + id + "/versions/" + version + "/approvals", "{\"hash\":\"" + hash + "\"}");
    }

    static JsonNode peer(FederatedNode node, String nation) {
        return node.api("usa.admin").get("/api/v1/federation/peers/" + nation).json();
    }

    static boolean arrived(FederatedNode node, String user, String id) {
        return plan(node, user, id).status() == 200;
    }

    /** Whether any replica or outbox row of the node holds {@code words}. */
    static boolean holdsAnywhere(FederatedNode node, String words) {
        String like = "%" + words + "%";
        return node.jdbc().sql("select count(*) from federation_replica where data like ?").param(like).query(Long.class).single()
                + node.jdbc().sql("select count(*) from plan_section where body like ?").param(like).query(Long.class).single()
                + node.jdbc().sql("select count(*) from federation_outbox where data like ?").param(like).query(Long.class).single() > 0;
    }

    static String status(JsonNode plan, int version) {
        return plan.path("versions").get(version - 1).path("status").asString();
    }

    static List<String> texts(JsonNode plan, int version) {
        List<String> out = new ArrayList<>();
        plan.path("versions").get(version - 1).path("sections").forEach(s -> out.add(s.path("text").asString()));
        return out;
    }

    // ------------------------------------------------------------------ plans

    static String approvable;

    @Test
    @Order(1)
    void aPlanReachesEachPartnerNodeWithTheSectionsItsNationMayReadAndIsReadOnlyThere() {
        approvable = plan(usa, "usa.officer", "(U)", "Kadena contingency plan FEDREC-A", usaJpn(), "(S//REL TO USA, JPN)", "Concept",
                "Bilateral concept BILAT-A7", "(U)", "Public annex", "Unclassified annex text");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> arrived(jpn, "jpn.officer", approvable));
        JsonNode onJpn = seen(jpn, "jpn.officer", approvable), onUsa = seen(usa, "usa.officer", approvable);
        assertThat(onJpn.path("originator").asString()).isEqualTo("USA");
        assertThat(onJpn.path("title").asString()).isEqualTo("Kadena contingency plan FEDREC-A");
        assertThat(texts(onJpn, 1)).containsExactly("Bilateral concept BILAT-A7", "Unclassified annex text");
        assertThat(onJpn.path("versions").get(0).path("hash").asString()).isEqualTo(onUsa.path("versions").get(0).path("hash").asString());
        assertThat(onUsa.path("originator").asString("")).as("the USA node's own plan").isEmpty();
        // Australia gets the plan from its originator, with only what its nation may read
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> arrived(aus, "aus.officer", approvable));
        assertThat(texts(seen(aus, "aus.officer", approvable), 1)).containsExactly("Unclassified annex text");
        assertThat(holdsAnywhere(aus, "BILAT-A7")).isFalse();
        assertThat(aus.jdbc().sql("select owner_node from federation_replica where item_id = ?").param(approvable).query(String.class).single())
                .isEqualTo("USA");
        assertThat(jpn.jdbc().sql("select count(*) from federation_shared where item_id = ?").param(approvable).query(Long.class).single())
                .as("JPN shares USA's plan with nobody").isZero();
        // a replica is read-only where it is held, even for a planner of the plan's nations
        Api.Response change = jpn.api("jpn.officer").post("/api/v1/plans/" + approvable + "/versions",
                "{\"sections\":[{\"key\":\"s2\",\"heading\":\"Public annex\",\"marking\":\"(U)\",\"text\":\"changed on JPN\"}]}");
        assertThat(change.status()).as(change.body()).isEqualTo(403);
        assertThat(change.body()).contains("Read-only replica");
        Api.Response changeJa = jpn.api("jpn.officer").acceptingLanguage("ja").post("/api/v1/plans/" + approvable + "/versions",
                "{\"sections\":[{\"key\":\"s2\",\"heading\":\"Public annex\",\"marking\":\"(U)\",\"text\":\"changed on JPN\"}]}");
        assertThat(changeJa.json().path("title").asString()).isEqualTo("読み取り専用の複製");
        assertThat(changeJa.json().path("detail").asString()).isEqualTo("計画 " + approvable
                + " はノード USA の計画の複製です。変更できるのはそのノードだけです（ここでの承認やコメントはそのノードへ送られます）");
    }

    @Test
    @Order(2)
    void aSectionTheGuardWithholdsFromJapanDoesNotReachItAndJapanCannotApproveWhatItWasNotSentInFull() {
        // the guard inspects each section for Japan: this one quotes a NOFORN portion under a REL TO USA, JPN label
        String id = plan(usa, "usa.officer", "(U)", "Misawa contingency plan FEDREC-B", usaJpn(), "(S//REL TO USA, JPN)", "Concept", "Shared concept B1",
                "(S//REL TO USA, JPN)", "Sensor annex", "Quoted from the (S//NF) annex: sensor settings QX-PLAN-17");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> arrived(jpn, "jpn.officer", id));
        JsonNode onJpn = seen(jpn, "jpn.officer", id);
        assertThat(texts(onJpn, 1)).containsExactly("Shared concept B1");
        assertThat(holdsAnywhere(jpn, "QX-PLAN-17")).isFalse();
        assertThat(texts(seen(usa, "usa.officer", id), 1)).hasSize(2);
        // JPN's approver may read all that JPN's node holds, so JPN's node sends the approval; the USA node refuses it
        Api.Response approval = approve(jpn, "jpn.officer", id, 1, onJpn.path("versions").get(0).path("hash").asString());
        assertThat(approval.status()).as(approval.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> seen(jpn, "jpn.officer", id).path("requests").path(0).path("state").asString().equals("refused"));
        assertThat(seen(jpn, "jpn.officer", id).path("requests").get(0).path("reason").asString()).contains("was not sent in full");
        // the USA node's reason travels as a code too, and JPN's node tells it in each reader's language
        assertThat(jpn.api("jpn.officer").acceptingLanguage("ja").get("/api/v1/plans/" + id).json().path("requests").get(0).path("reason").asString())
                .isEqualTo("計画 " + id + " の第 1 版は JPN のノードに全部は送られていないため、JPN の承認者は全体を読めていません。全体を読める承認者だけが承認できます");
        assertThat(jpn.api("jpn.officer").acceptingLanguage("en").get("/api/v1/plans/" + id).json().path("requests").get(0).path("reason").asString())
                .startsWith("version 1 of plan " + id + " was not sent in full to JPN's node");
        JsonNode onUsa = seen(usa, "usa.officer", id);
        onUsa.path("versions").get(0).path("approvals").forEach(a -> assertThat(a.path("approved").asBoolean(true)).as(a.toString()).isFalse());
        assertThat(status(onUsa, 1)).isEqualTo("DRAFT");
    }

    @Test
    @Order(3)
    void theJapaneseApproverApprovesOnJapansReplicaAndThePlanIsApprovedByBothNationsOnBothNodes() {
        String hash = seen(usa, "usa.officer", approvable).path("versions").get(0).path("hash").asString();
        Api.Response own = approve(usa, "usa.officer", approvable, 1, hash);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        // once JPN's replica holds USA's approval, JPN's approver approves there
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> seen(jpn, "jpn.officer", approvable).path("versions").get(0)
                .path("approvals").findValuesAsString("nation").size() == 2);
        Api.Response theirs = approve(jpn, "jpn.officer", approvable, 1, hash);
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(202);
        assertThat(status(theirs.json(), 1)).as("not applied on the replica").isEqualTo("DRAFT");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> status(seen(usa, "usa.officer", approvable), 1).equals("APPROVED"));
        JsonNode history = usa.api("usa.officer").get("/api/v1/plans/" + approvable + "/history").json();
        assertThat(history.findValuesAsString("action")).containsExactly("CREATED", "APPROVED", "APPROVED", "VERSION_APPROVED");
        assertThat(history.get(2).path("by").asString()).isEqualTo("jpn.officer");
        // the approved state travels back to JPN as any change does
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> status(seen(jpn, "jpn.officer", approvable), 1).equals("APPROVED"));
        JsonNode onJpn = seen(jpn, "jpn.officer", approvable);
        assertThat(onJpn.path("approvedVersion").asInt()).isEqualTo(1);
        assertThat(onJpn.path("requests").get(0).path("state").asString()).isEqualTo("accepted");
    }

    @Test
    @Order(4)
    void aStaleApprovalIsRefusedAndChangesNothing() {
        String id = plan(usa, "usa.officer", "(U)", "Sasebo contingency plan FEDREC-C", usaJpn(), "(S//REL TO USA, JPN)", "Concept", "First wording");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> arrived(jpn, "jpn.officer", id));
        String read = seen(jpn, "jpn.officer", id).path("versions").get(0).path("hash").asString();
        // JPN's approval waits in JPN's outbox while the USA node changes the version
        toUsa.cut();
        await().atMost(Duration.ofSeconds(10)).until(() -> !peer(jpn, "USA").path("outbound").asBoolean(true));
        assertThat(approve(jpn, "jpn.officer", id, 1, read).status()).isEqualTo(202);
        Api.Response amend = usa.api("usa.officer").post("/api/v1/plans/" + id + "/versions",
                "{\"sections\":[{\"key\":\"s1\",\"heading\":\"Concept\",\"marking\":\"(S//REL TO USA, JPN)\",\"text\":\"Second wording\"}]}");
        assertThat(amend.status()).as(amend.body()).isEqualTo(201);
        String now = amend.json().path("versions").get(0).path("hash").asString();
        assertThat(now).isNotEqualTo(read);
        toUsa.restore();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> seen(jpn, "jpn.officer", id).path("requests").path(0).path("state").asString().equals("refused"));
        JsonNode onJpn = seen(jpn, "jpn.officer", id);
        assertThat(onJpn.path("requests").get(0).path("reason").asString()).contains("changed since JPN's approver read it");
        assertThat(jpn.api("jpn.officer").acceptingLanguage("ja").get("/api/v1/plans/" + id).json().path("requests").get(0).path("reason").asString())
                .isEqualTo("計画 " + id + " の第 1 版は JPN の承認者が読んだ後に変更されました（現在のハッシュは " + now + "）。現在の内容を承認してください");
        assertThat(onJpn.path("versions").get(0).path("hash").asString()).isEqualTo(now);
        JsonNode onUsa = seen(usa, "usa.officer", id);
        assertThat(onUsa.path("versions").get(0).path("hash").asString()).isEqualTo(now);
        assertThat(status(onUsa, 1)).isEqualTo("DRAFT");
        assertThat(usa.api("usa.officer").get("/api/v1/plans/" + id + "/history").json().findValuesAsString("action")).containsExactly("CREATED", "AMENDED");
        // the refusal is the link's last error on both sides
        assertThat(peer(usa, "JPN").path("lastError").asString()).contains("refused");
        assertThat(peer(jpn, "USA").path("lastError").asString()).contains("USA refused request");
    }

    @Test
    @Order(5)
    void aCommentOnJapansReplicaIsAddedByTheUsaNodeAndComesBack() {
        Api.Response c = jpn.api("jpn.officer").post("/api/v1/plans/" + approvable + "/comments",
                "{\"marking\":\"(C//REL TO USA, JPN)\",\"text\":\"JPN comment FED-COMMENT-9\"}");
        assertThat(c.status()).as(c.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> seen(usa, "usa.officer", approvable).path("comments").toString().contains("FED-COMMENT-9"));
        JsonNode comment = seen(usa, "usa.officer", approvable).path("comments").get(0);
        assertThat(comment.path("nation").asString()).isEqualTo("JPN");
        assertThat(comment.path("author").asString()).isEqualTo("jpn.officer");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> seen(jpn, "jpn.officer", approvable).path("comments").toString().contains("FED-COMMENT-9"));
        // Australia's replica is updated (the plan changed) without the bilateral comment
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> status(seen(aus, "aus.officer", approvable), 1).equals("APPROVED"));
        assertThat(seen(aus, "aus.officer", approvable).path("comments")).isEmpty();
        assertThat(holdsAnywhere(aus, "FED-COMMENT-9")).isFalse();
    }

    @Test
    @Order(6)
    void aRequestAboutAnItemTheRequesterWasNotSentIsRefusedAndChangesNothing() {
        Map<String, String> approvers = new LinkedHashMap<>();
        approvers.put("USA", "usa.officer");
        approvers.put("AUS", "aus.officer");
        String id = plan(usa, "usa.officer", "(S//REL TO USA, AUS)", "USA-AUS plan FEDREC-D", approvers, "(S//REL TO USA, AUS)", "Concept", "Not for JPN");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> arrived(aus, "aus.officer", id));
        assertThat(jpn.replicas("plan")).doesNotContainKey(id);
        // a JPN node that claims a replica it was never sent (a forged row) and asks the USA node to add a comment
        jpn.jdbc().sql("insert into federation_replica (kind, item_id, owner_node, version, banner, data, signer, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .param("plan").param(id).param("USA").param(1L).param("UNCLASSIFIED").param("{}").param("forged")
                .param(OffsetDateTime.now(ZoneOffset.UTC)).update();
        jpn.publishInTransaction(
                new PeerRequestSent(new PeerRequest("comment", "forged-comment-1", "plan", id, Map.of("author", "jpn.officer", "nation", "JPN"),
                        List.of(new Shareable.Part("comment", "(U)", "FORGED-COMMENT", "")))));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> jpn.bean(Federation.class).requests("plan", id).stream().anyMatch(r -> r.state().equals("refused")));
        RequestStatus refused = jpn.bean(Federation.class).requests("plan", id).getFirst();
        assertThat(refused.reason()).contains("which this node has not sent to JPN");
        // the same refusal in Japanese for a Japanese reader: the words whether the plan exists or not, in either language
        LocaleContextHolder.setLocale(Locale.JAPANESE);
        try {
            assertThat(jpn.bean(Federation.class).requests("plan", id).getFirst().reason())
                    .isEqualTo("plan " + id + " についての要求ですが、このノードはそれを JPN に送っていません。ノードは要求元に送った項目についての要求にだけ答えます");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        assertThat(peer(usa, "JPN").path("lastError").asString()).contains("forged-comment-1");
        assertThat(seen(usa, "usa.officer", id).path("comments")).isEmpty();
        assertThat(usa.jdbc().sql("select count(*) from plan_comment where body like '%FORGED%'").query(Long.class).single()).isZero();
    }

    // ------------------------------------------------------------------ commitments and exercises

    @Test
    @Order(7)
    void aCommitmentChangedOnItsOwnerNationsNodeReplacesThePartnersCopyThere() {
        String id = "rmc-review-2005"; // owned by USA, loaded on every node from the public reference data
        Api.Response change = usa.api("usa.officer").post("/api/v1/commitments/" + id + "/changes",
                "{\"evidence\":{\"text\":\"Reviewed again FED-EVIDENCE-5\"},\"note\":\"recorded on the USA node\"}");
        assertThat(change.status()).as(change.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> jpn.api("jpn.officer").get("/api/v1/commitments/" + id).body().contains("FED-EVIDENCE-5"));
        JsonNode onJpn = jpn.api("jpn.officer").get("/api/v1/commitments/" + id).json();
        assertThat(onJpn.path("originator").asString()).isEqualTo("USA");
        assertThat(onJpn.path("history").findValuesAsString("note")).contains("recorded on the USA node");
        // JPN's copy is now the USA node's, read-only even for a USA planner's account on the JPN node
        Api.Response there = jpn.api("usa.officer").post("/api/v1/commitments/" + id + "/changes",
                "{\"evidence\":{\"text\":\"changed on JPN\"},\"note\":\"not here\"}");
        assertThat(there.status()).as(there.body()).isEqualTo(403);
        assertThat(there.body()).contains("Read-only replica");
        assertThat(jpn.api("usa.officer").acceptingLanguage("ja").post("/api/v1/commitments/" + id + "/changes",
                "{\"evidence\":{\"text\":\"changed on JPN\"},\"note\":\"not here\"}").json().path("detail").asString())
                .isEqualTo("コミットメント " + id + " はノード USA のコミットメントの複製です。変更を記録できるのはそのノードだけです");
        // only a change shares a commitment, and only the node of its owner nation shares it
        assertThat(usa.jdbc().sql("select distinct item_id from federation_shared where kind = 'commitment'").query(String.class).list()).containsExactly(id);
        assertThat(jpn.jdbc().sql("select count(*) from federation_shared where kind = 'commitment'").query(Long.class).single()).isZero();
    }

    @Test
    @Order(8)
    void anExerciseReachesThePartnerWithTheRecordsItsNationMayReadAndIsReadOnlyThere() {
        String body = """
                {"series": "keen-sword", "name": "Keen Sword FEDREC", "nations": ["USA", "JPN"], "units": ["usfj", "jjoc"],
                 "domains": ["maritime"], "objectives": ["Shared across nodes"], "leadPlanners": {"USA": "usa.officer", "JPN": "jpn.officer"},
                 "label": "UNCLASSIFIED"}""";
        Api.Response created = usa.api("usa.officer").post("/api/v1/exercises", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        String inject = """
                {"at": "2027-11-02T02:00:00Z", "audience": "USFJ J6 and JJOC J6", "expectedAction": "shift to the alternate path", "text": "%s",
                 "label": "%s"}""";
        for (String[] i : new String[][]{{"Shared inject FED-INJ-REL", "SECRET//REL TO USA, JPN"}, {"US only inject FED-INJ-NF", "SECRET//NOFORN"}}) {
            Api.Response r = usa.api("usa.officer").post("/api/v1/exercises/" + id + "/injects", inject.formatted(i[0], i[1]));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> jpn.api("jpn.officer").get("/api/v1/exercises/" + id + "/injects").body().contains("FED-INJ-REL"));
        JsonNode onJpn = jpn.api("jpn.officer").get("/api/v1/exercises/" + id).json();
        assertThat(onJpn.path("originator").asString()).isEqualTo("USA");
        assertThat(onJpn.path("exercise").path("name").asString()).isEqualTo("Keen Sword FEDREC");
        assertThat(onJpn.path("injects").asLong()).isEqualTo(1);
        assertThat(jpn.api("usa.officer").get("/api/v1/exercises/" + id + "/injects").body()).doesNotContain("FED-INJ-NF");
        assertThat(jpn.jdbc().sql("select count(*) from exercise_inject where text like '%FED-INJ-NF%'").query(Long.class).single()
                + jpn.jdbc().sql("select count(*) from federation_replica where data like '%FED-INJ-NF%'").query(Long.class).single()).isZero();
        Api.Response there = jpn.api("jpn.officer").post("/api/v1/exercises/" + id + "/injects", inject.formatted("added on JPN", "UNCLASSIFIED"));
        assertThat(there.status()).as(there.body()).isEqualTo(403);
        assertThat(there.body()).contains("Read-only replica");
        assertThat(jpn.api("jpn.officer").acceptingLanguage("ja").post("/api/v1/exercises/" + id + "/injects", inject.formatted("added on JPN", "UNCLASSIFIED"))
                .json().path("detail").asString()).isEqualTo("演習 " + id + " はノード USA の演習の複製です。計画できるのはそのノードだけです");
        // Australia, a nation the exercise's label releases to, gets the exercise and none of the SECRET injects
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> aus.api("aus.officer").get("/api/v1/exercises/" + id).status() == 200);
        assertThat(aus.api("aus.officer").get("/api/v1/exercises/" + id + "/injects").json()).isEmpty();
    }

    // ------------------------------------------------------------------ bookings

    static String bookingRequest(String unit, java.time.Instant at) {
        return bookingRequest(unit, "camp-hansen", at, "UNCLASSIFIED");
    }

    static JsonNode booking(FederatedNode node, String user, String id) {
        return node.api(user).get("/api/v1/booking/requests/" + id).json();
    }

    static String bookingRequest(String unit, String facility, java.time.Instant at, String label) {
        return """
                {"unit": "%s", "facilities": ["%s"], "durationMinutes": 120, "earliestStart": "%s", "latestStart": "%s",
                 "preferredStart": "%s", "priority": 3, "noisy": false, "label": "%s"}""".formatted(unit, facility, at, at, at, label);
    }

    static java.time.Instant day(int days) {
        return java.time.Instant.now().plus(Duration.ofDays(days)).truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofHours(2));
    }

    /** Where a request this node sent stands in federation (direction out), and how many such rows there are. */
    static List<String> sentStates(FederatedNode node, String id) {
        return node.jdbc().sql("select state from federation_request where direction = 'out' and id = ?").param(id).query(String.class).list();
    }

    static long received(FederatedNode node, String id) {
        return node.jdbc().sql("select count(*) from federation_request where direction = 'in' and id = ?").param(id).query(Long.class).single();
    }

    static long bookedAt(FederatedNode node, String facility, java.time.Instant at) {
        return node.jdbc().sql("select count(*) from booking_request where state = 'BOOKED' and facility_id = ? and starts_at = ?").param(facility)
                .param(OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).query(Long.class).single();
    }

    @Test
    @Order(9)
    void aBookingRequestForAFacilityJapanHostsIsPlannedByTheJapaneseNodeAndComesBackBooked() {
        java.time.Instant at = day(200);
        Api.Response filed = usa.api("usa.officer").post("/api/v1/booking/requests", bookingRequest("iii-mef", at));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        // camp-hansen is hosted by JPN, whose node is an approved peer: the USA node does not plan it, the JPN node does
        assertThat(filed.json().path("state").asString()).isEqualTo("PENDING");
        assertThat(filed.json().path("reason").asString()).contains("sent to JPN's node");
        String id = filed.json().path("id").asString();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> booking(usa, "usa.officer", id).path("state").asString().equals("BOOKED"));
        JsonNode back = booking(usa, "usa.officer", id);
        assertThat(back.path("originator").asString()).isEqualTo("JPN");
        assertThat(back.path("start").asString()).isEqualTo(at.toString());
        JsonNode there = booking(jpn, "jpn.officer", id);
        assertThat(there.path("state").asString()).isEqualTo("BOOKED");
        assertThat(there.path("nation").asString()).isEqualTo("USA");
        assertThat(there.path("originator").asString("")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> sentStates(usa, id).equals(List.of("accepted")));
        // the one booking of that place, the same on both nodes (and on AUS, which has it from JPN)
        assertThat(bookedAt(usa, "camp-hansen", at)).isEqualTo(1);
        assertThat(bookedAt(jpn, "camp-hansen", at)).isEqualTo(1);
        // JPN's own request of a lower priority for that one time is refused there as reserved (the JPN node plans both)
        Api.Response theirs = jpn.api("jpn.officer").post("/api/v1/booking/requests", bookingRequest("ardb", at).replace("\"priority\": 3", "\"priority\": 2"));
        assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
        assertThat(theirs.json().path("state").asString()).isEqualTo("REFUSED");
        assertThat(theirs.json().path("reason").asString()).contains("reserved");
        // on the USA node the booking is the JPN node's: read-only there (a cancellation is asked of the host's node, below), changed on the host's node
        String move = "{\"preferredStart\": \"" + at + "\"}";
        Api.Response moveHere = usa.api("usa.officer").post("/api/v1/booking/requests/" + id + "/proposal", move);
        assertThat(moveHere.status()).as(moveHere.body()).isEqualTo(403);
        assertThat(usa.api("usa.officer").acceptingLanguage("ja").post("/api/v1/booking/requests/" + id + "/proposal", move).json().path("detail").asString())
                .isEqualTo("要求 " + id + " はノード JPN の要求の複製です。変更できるのはそのノードだけです（その予約はこのノードの計画で枠を確保しています）");
        assertThat(jpn.api("usa.officer").delete("/api/v1/booking/requests/" + id).status()).isEqualTo(200);
        String jpnId = theirs.json().path("id").asString();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> booking(jpn, "jpn.officer", jpnId).path("state").asString().equals("BOOKED")
                        && booking(usa, "usa.officer", id).path("state").asString().equals("CANCELLED"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> usa.api("usa.officer").get("/api/v1/booking/requests/" + jpnId).status() == 200
                        && booking(usa, "usa.officer", jpnId).path("state").asString().equals("BOOKED"));
        assertThat(bookedAt(usa, "camp-hansen", at)).isEqualTo(1);
    }

    @Test
    @Order(10)
    void aClashWithABookingTheRequesterMayNotReadIsRefusedWithWordsThatDoNotNameIt() {
        java.time.Instant at = day(201);
        // a JPN booking under a label the USA may not read (it never leaves the JPN node), of a higher priority than the USA's
        // request, which the JPN node plans with it
        Api.Response secret = jpn.api("jpn.officer").post("/api/v1/booking/requests",
                bookingRequest("ardb", "camp-hansen", at, "//JPN SECRET//NOFORN").replace("\"priority\": 3", "\"priority\": 4"));
        assertThat(secret.status()).as(secret.body()).isEqualTo(201);
        assertThat(secret.json().path("state").asString()).isEqualTo("BOOKED");
        String secretId = secret.json().path("id").asString();
        Api.Response filed = usa.api("usa.officer").post("/api/v1/booking/requests", bookingRequest("iii-mef", at));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String id = filed.json().path("id").asString();
        // the host's answer and its booking travel apart (either may come first): its booking, the JPN node's, says the last word
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> booking(usa, "usa.officer", id).path("state").asString().equals("REFUSED")
                        && booking(usa, "usa.officer", id).path("originator").asString("").equals("JPN"));
        // the planner's words, whoever holds the time: the same as for any reserved time, in English and in Japanese
        String english = booking(usa, "usa.officer", id).path("reason").asString();
        assertThat(english).isEqualTo(org.kizuna.node.Reason.of("booking.refused.reserved", "1").english());
        String japanese = usa.api("usa.officer").acceptingLanguage("ja").get("/api/v1/booking/requests/" + id).json().path("reason").asString();
        assertThat(japanese).isEqualTo(org.kizuna.node.Reason.of("booking.refused.reserved", "1").in(Locale.JAPANESE));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> sentStates(usa, id).equals(List.of("refused")));
        for (String words : List.of(english, japanese, usa.bean(Federation.class).requests("facility", "camp-hansen").toString())) {
            assertThat(words).doesNotContain(secretId).doesNotContain("ardb").doesNotContain("NOFORN");
        }
        assertThat(usa.api("usa.officer").get("/api/v1/booking/requests/" + secretId).status()).isEqualTo(404);
        assertThat(holdsAnywhere(usa, secretId)).isFalse();
        assertThat(bookedAt(jpn, "camp-hansen", at)).isEqualTo(1);
    }

    @Test
    @Order(11)
    void aReplayedRequestChangesNothingAndAPartitionWhileItIsPendingEndsWithExactlyOneAnswer() {
        java.time.Instant at = day(202);
        // the JPN node's way back to USA is cut: the request reaches JPN, its answer and booking wait in JPN's outbox
        toUsa.cut();
        String id;
        try {
            Api.Response filed = usa.api("usa.officer").post("/api/v1/booking/requests", bookingRequest("iii-mef", at));
            assertThat(filed.status()).as(filed.body()).isEqualTo(201);
            id = filed.json().path("id").asString();
            String sent = id;
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> jpn.api("jpn.officer").get("/api/v1/booking/requests/" + sent).status() == 200
                            && booking(jpn, "jpn.officer", sent).path("state").asString().equals("BOOKED"));
            assertThat(booking(usa, "usa.officer", id).path("state").asString()).isEqualTo("PENDING");
            assertThat(sentStates(usa, id)).containsExactly("pending");
        } finally {
            toUsa.restore();
        }
        String sent = id;
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> booking(usa, "usa.officer", sent).path("state").asString().equals("BOOKED") && sentStates(usa, sent).equals(List.of("accepted")));
        assertThat(received(jpn, id)).isEqualTo(1);
        // the same request again (its id): the JPN node ignores a request id it has seen, nothing is booked twice
        usa.jdbc().sql("delete from federation_request where direction = 'out' and id = ?").param(id).update();
        usa.publishInTransaction(new PeerRequestSent(PeerRequest.addressed("JPN", "booking", id, "facility", "camp-hansen", Map.of(),
                List.of(new Shareable.Part("booking", "UNCLASSIFIED", "iii-mef\ncamp-hansen", "{}")))));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> usa.drained());
        assertThat(received(jpn, id)).isEqualTo(1);
        assertThat(bookedAt(jpn, "camp-hansen", at)).isEqualTo(1);
        assertThat(booking(jpn, "jpn.officer", id).path("state").asString()).isEqualTo("BOOKED");
        assertThat(booking(usa, "usa.officer", id).path("state").asString()).isEqualTo("BOOKED");
    }

    @Test
    @Order(13)
    void aRequestCarryingAnIdOfTheHostsOwnIsRefusedAlikeWhetherTheHostHoldsThatIdOrNot() {
        java.time.Instant at = day(203);
        // a JPN request the USA may not read
        Api.Response secret = jpn.api("jpn.officer").post("/api/v1/booking/requests", bookingRequest("ardb", "camp-hansen", at, "//JPN SECRET//NOFORN"));
        assertThat(secret.status()).as(secret.body()).isEqualTo(201);
        String secretId = secret.json().path("id").asString();
        assertThat(secretId).as("made in the JPN node's space").endsWith("-JPN");
        String none = "BR-" + Long.toHexString(System.nanoTime() & 0xfffffffL) + "-JPN";
        String own = "BR-" + Long.toHexString(System.nanoTime() & 0xfffffffL) + "-USA";
        // a USA node that sends requests under ids of its choosing: the id of JPN's hidden request, one JPN never made, one of its own
        for (String id : List.of(secretId, none, own)) {
            // the same words each time; the one in its own space asks for the next day, which is free
            java.time.Instant when = id.equals(own) ? day(204) : at;
            usa.publishInTransaction(new PeerRequestSent(PeerRequest.addressed("JPN", "booking", id, "facility", "camp-hansen", Map.of(),
                    List.of(new Shareable.Part("booking", "UNCLASSIFIED", "iii-mef\ncamp-hansen", """
                            {"unit": "iii-mef", "facilities": ["camp-hansen"], "durationMinutes": 120, "earliestStart": "%s", "latestStart": "%s",
                             "preferredStart": "%s", "priority": 3, "noisy": false, "requestedBy": "usa.officer"}""".formatted(when, when, when))))));
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> List.of(secretId, none, own).stream().noneMatch(id -> sentStates(usa, id).equals(List.of("pending"))));
        assertThat(sentStates(usa, secretId)).containsExactly("refused");
        assertThat(sentStates(usa, none)).containsExactly("refused");
        // the words for the id JPN holds and for the one it never made are the same but for the id: nothing tells them apart
        String toSecret = sentReason(usa, secretId), toNone = sentReason(usa, none);
        assertThat(toSecret.replace(secretId, "ID")).isEqualTo(toNone.replace(none, "ID"));
        assertThat(toSecret).doesNotContain("already").doesNotContain("ardb").doesNotContain("NOFORN");
        // one in the USA node's own space is planned and booked
        assertThat(sentStates(usa, own)).containsExactly("accepted");
        assertThat(bookedAt(jpn, "camp-hansen", day(204))).isEqualTo(1);
        // the hidden request is as it was
        assertThat(booking(jpn, "jpn.officer", secretId).path("state").asString()).isEqualTo("BOOKED");
        assertThat(booking(jpn, "jpn.officer", secretId).path("unit").asString()).isEqualTo("ardb");
    }

    @Test
    @Order(14)
    void aRequestOfAKindNoModuleOfTheOwnerNodeHandlesIsRefusedAtOnceAndChangesNothing() {
        String id = "GX-" + Long.toHexString(System.nanoTime() & 0xfffffffL) + "-USA";
        long before = jpn.jdbc().sql("select count(*) from booking_request").query(Long.class).single();
        usa.publishInTransaction(new PeerRequestSent(PeerRequest.addressed("JPN", "gossip", id, "nation", "JPN", Map.of(),
                List.of(new Shareable.Part("gossip", "UNCLASSIFIED", "hello", "{}")))));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> sentStates(usa, id).equals(List.of("refused")));
        assertThat(sentReason(usa, id)).isEqualTo(org.kizuna.node.Reason.of("federation.answer.not-handled", "gossip", "nation").english());
        assertThat(received(jpn, id)).isEqualTo(1);
        assertThat(jpn.jdbc().sql("select count(*) from booking_request").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    @Order(14)
    void aRequestSentToItsHostsNodeIsCancelledFromTheRequestingNodeAndNoNodeCancelsAnothersRequest() {
        java.time.Instant at = day(205);
        Api.Response filed = usa.api("usa.officer").post("/api/v1/booking/requests", bookingRequest("iii-mef", at));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String id = filed.json().path("id").asString();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> booking(usa, "usa.officer", id).path("state").asString().equals("BOOKED")
                        && booking(usa, "usa.officer", id).path("originator").asString("").equals("JPN"));
        assertThat(bookedAt(jpn, "camp-hansen", at)).isEqualTo(1);
        // a JPN user on the USA node may not cancel a USA unit's request
        assertThat(usa.api("jpn.officer").delete("/api/v1/booking/requests/" + id).status()).isEqualTo(403);
        // the USA node asks the host's node, which cancels it; the cancellation comes back as the host's change
        Api.Response cancelled = usa.api("usa.officer").delete("/api/v1/booking/requests/" + id);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> booking(jpn, "jpn.officer", id).path("state").asString().equals("CANCELLED")
                        && booking(usa, "usa.officer", id).path("state").asString().equals("CANCELLED"));
        assertThat(bookedAt(jpn, "camp-hansen", at)).isEqualTo(0);
        // a cancellation a node sends for a request of the host's own is refused, in the words used for an id it does not hold
        Api.Response own = jpn.api("jpn.officer").post("/api/v1/booking/requests", bookingRequest("ardb", "camp-hansen", day(206), "//JPN SECRET//NOFORN"));
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        String ownId = own.json().path("id").asString();
        String none = "BR-" + Long.toHexString(System.nanoTime() & 0xfffffffL) + "-USA";
        List<String> asks = new ArrayList<>();
        for (String target : List.of(ownId, none)) {
            String ask = "BX-" + Long.toHexString(System.nanoTime() & 0xfffffffL) + "-USA";
            asks.add(ask);
            usa.publishInTransaction(new PeerRequestSent(PeerRequest.addressed("JPN", "booking-cancel", ask, "facility", "camp-hansen",
                    Map.of("request", target, "by", "usa.officer"), List.of())));
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> asks.stream().allMatch(a -> sentStates(usa, a).equals(List.of("refused"))));
        assertThat(sentReason(usa, asks.get(0)).replace(ownId, "ID")).isEqualTo(sentReason(usa, asks.get(1)).replace(none, "ID"));
        assertThat(booking(jpn, "jpn.officer", ownId).path("state").asString()).isEqualTo("BOOKED");
    }

    static String sentReason(FederatedNode node, String id) {
        return node.jdbc().sql("select reason from federation_request where direction = 'out' and id = ?").param(id).query(String.class).single();
    }

    static String support(String kind) {
        return """
                {"from": "USA", "to": "JPN", "kind": "%s", "region": "surrounding-areas", "neededFrom": "%s", "neededTo": "%s",
                 "label": "UNCLASSIFIED", "description": "FEDREQ support %s"}""".formatted(kind, java.time.LocalDate.now(ZoneOffset.UTC).plusDays(10),
                java.time.LocalDate.now(ZoneOffset.UTC).plusDays(12), kind);
    }

    @Test
    @Order(12)
    void aSupportRequestIsDecidedOnTheSupportingNationsNodeAndTheDecisionIsShownOnTheRequestingNode() {
        // rear-area support under peacetime (the level in force on the JPN node): refused by JPN's node with the legal reason
        Api.Response filed = usa.api("usa.officer").post("/api/v1/authority/support-requests", support("rear-area-support"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().path("outcome").asString()).isEqualTo("PENDING_DECISION");
        assertThat(filed.json().path("decidedOn").asString()).isEqualTo("JPN");
        String id = filed.json().path("id").asString();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> usa.api("usa.officer").get("/api/v1/authority/support-requests/" + id).json().path("outcome").asString().equals("REFUSED"));
        JsonNode refused = usa.api("usa.officer").get("/api/v1/authority/support-requests/" + id).json();
        assertThat(refused.path("decidedBy").asString()).isEqualTo("JPN node");
        assertThat(refused.path("decisionNote").asString()).startsWith("refused by JPN's node under the level in force there (peacetime")
                .contains("Important Influence Situations Act");
        assertThat(usa.api("usa.officer").acceptingLanguage("ja").get("/api/v1/authority/support-requests/" + id).json().path("decisionNote").asString())
                .startsWith("JPN のノードがそこで有効な事態（peacetime");
        JsonNode onJpn = jpn.api("jpn.officer").get("/api/v1/authority/support-requests/" + id).json();
        assertThat(onJpn.path("outcome").asString()).isEqualTo("REFUSED");
        assertThat(onJpn.path("decidedOn").asString()).isEqualTo("USA");
        // asset protection is decided case by case: pending on the JPN node until its user decides; not decidable on the USA node
        Api.Response asked = usa.api("usa.officer").post("/api/v1/authority/support-requests", support("asset-protection"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String pending = asked.json().path("id").asString();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> jpn.api("jpn.officer").get("/api/v1/authority/support-requests/" + pending).status() == 200);
        assertThat(jpn.api("jpn.officer").get("/api/v1/authority/support-requests/" + pending).json().path("outcome").asString()).isEqualTo("PENDING_DECISION");
        assertThat(usa.api("jpn.officer").post("/api/v1/authority/support-requests/" + pending + "/decision", "{\"allow\": true, \"reason\": \"ok\"}")
                .status()).isEqualTo(409);
        Api.Response decided = jpn.api("jpn.officer").post("/api/v1/authority/support-requests/" + pending + "/decision",
                "{\"allow\": true, \"reason\": \"agreed with the liaison\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> usa.api("usa.officer").get("/api/v1/authority/support-requests/" + pending).json().path("outcome").asString()
                        .equals("ALLOWED"));
        JsonNode allowed = usa.api("usa.officer").get("/api/v1/authority/support-requests/" + pending).json();
        assertThat(allowed.path("decisionNote").asString()).isEqualTo("allowed by jpn.officer of JPN's node");
        // the decider's note stays on the deciding node
        assertThat(allowed.toString()).doesNotContain("agreed with the liaison");
    }

    @Test
    @Order(15)
    void aRequestForAFacilityWhoseHostsNodeIsNotAPeerIsPlannedLocally() {
        // the USA node stops federating with JPN (the last test: the links stay cut): its request for camp-hansen, which JPN
        // hosts, is planned where it was filed, as a request for a host whose node is not a peer
        java.time.Instant at = day(203);
        Api.Response revoked = usa.api("usa.admin").post("/api/v1/federation/peers/JPN/revocation", "{}");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        Api.Response filed = usa.api("usa.officer").post("/api/v1/booking/requests", bookingRequest("iii-mef", at));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().path("state").asString()).isEqualTo("BOOKED");
        assertThat(filed.json().path("originator").asString("")).isEmpty();
        assertThat(sentStates(usa, filed.json().path("id").asString())).isEmpty();
    }
}
