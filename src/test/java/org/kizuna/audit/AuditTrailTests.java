package org.kizuna.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.audit.internal.Merkle;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Read decisions reach the audit log, readers see only the records they may read, partners can check proofs. */
@H2Node
class AuditTrailTests {

    @LocalServerPort int port;

    @Autowired AuditLog log;

    /** Hashes given in hex, such as an audit path or a consistency proof. */
    static List<byte[]> hashes(JsonNode hex) {
        List<byte[]> out = new ArrayList<>();
        hex.forEach(h -> out.add(HexFormat.of().parseHex(h.asString())));
        return out;
    }

    @Autowired org.springframework.security.crypto.password.PasswordEncoder encoder;

    @org.junit.jupiter.api.BeforeEach
    void jpnAuditor() {
        AuditSideChannelTests.jpnAuditor(jdbc, encoder);
    }

    /** The last entries of the log (this node's log is shared by all the tests on it). */
    String recent(String user) {
        log.flush();
        long size = log.latestTreeHead().orElseThrow().size();
        return Api.on(port).as(user, "demo").get("/api/v1/audit/entries?from=" + Math.max(0, size - 900) + "&limit=1000").body();
    }

    @Test
    void everyReadOfALabelledItemIsAuditedAsAQuery() {
        Api.on(port).as("jpn.officer", "demo").get("/api/v1/registry/facilities/camp-asaka?asOf=2025-06-01");
        JsonNode entries = tools.jackson.databind.json.JsonMapper.builder().build().readTree(recent("usa.auditor"));
        boolean found = false;
        for (JsonNode e : entries) {
            JsonNode r = e.get("record");
            if (r.get("subject").asString().equals("registry/facility/camp-asaka@2025-06-01") && r.get("actor").asString().startsWith("JPN/SECRET")) {
                found = r.get("outcome").asString().startsWith("returned ") && r.get("kind").asString().equals("READ")
                        && r.get("reason").asString().contains("registry/facility/camp-asaka");
            }
        }
        assertThat(found).isTrue();
    }

    @Autowired org.kizuna.label.ReleaseGuard guard;

    @Test
    void everyReleaseThroughTheGuardIsAudited() {
        var portions = List.of(
                new org.kizuna.label.Portion("p1", org.kizuna.label.Label.parse("(S//REL TO USA, JPN)"), "Ship movements near the strait."),
                new org.kizuna.label.Portion("p2", org.kizuna.label.Label.parse("(S//NF)"), "Source details."));
        var result = guard.release("intel/report/guarded-1", "usa.officer", org.kizuna.label.Label.parse("SECRET//NOFORN"), portions,
                org.kizuna.label.Link.to("JPN"), java.util.Set.of());
        assertThat(result.released()).extracting(org.kizuna.label.Portion::id).containsExactly("p1");
        String usa = recent("usa.auditor");
        assertThat(usa).contains("intel/report/guarded-1").contains("to JPN released [p1]").contains("p2: ");
        // which label left: the portion's own and its form in JPN's policy
        assertThat(usa).contains("left as [p1 (S//REL TO USA, JPN) = (//JPN S//FGI USA//REL TO USA, JPN)]");
        assertThat(recent("jpn.auditor")).doesNotContain("guarded-1");
    }

    @Test
    void aReleaseWhoseBannerUnderstatesItsPortionsIsAuditedUnderWhatThePortionsHold() {
        var portions = List.of(
                new org.kizuna.label.Portion("q1", org.kizuna.label.Label.parse("(S//REL TO USA, JPN)"), "Ship movements near the strait."),
                new org.kizuna.label.Portion("q2", org.kizuna.label.Label.parse("(S//NF)"), "Source details."));
        var result = guard.release("intel/report/understated-1", "usa.officer", org.kizuna.label.Label.parse("SECRET//REL TO USA, JPN"), portions,
                org.kizuna.label.Link.to("JPN"), java.util.Set.of());
        assertThat(result.released()).isEmpty();
        assertThat(recent("usa.auditor")).contains("intel/report/understated-1").contains("q2: ");
        // the JPN reader may read the declared banner, but not the record of a NOFORN portion's existence
        assertThat(recent("jpn.auditor")).doesNotContain("understated-1");
    }

    @Test
    void auditRecordsAreLabelledAndFilteredLikeTheItemsTheyName() {
        log.append(new AuditRecord(AuditRecord.Kind.RELEASE, "USA/SECRET", "intel/report/noforn-77", "withheld from JPN", "",
                org.kizuna.label.Label.parse("SECRET//NOFORN"), java.time.Instant.now()));
        String usa = recent("usa.auditor");
        String jpn = recent("jpn.auditor");
        assertThat(usa).contains("noforn-77");
        assertThat(jpn).doesNotContain("noforn-77");
    }

    @Test
    void aPartnerCanCheckAnEntryAgainstTheSignedTreeHead() {
        log.append(new AuditRecord(AuditRecord.Kind.APPROVAL, "JPN/SECRET", "plans/plan/1", "approved", "", org.kizuna.label.Label.UNCLASSIFIED,
                java.time.Instant.now()));
        Api api = Api.on(port).as("aus.officer", "demo");
        JsonNode head = api.get("/api/v1/audit/tree-head").json();
        long size = head.get("size").asLong();
        assertThat(size).isPositive();
        assertThat(head.get("signature").asString()).isNotBlank();
        long index = size - 1;
        JsonNode proof = api.get("/api/v1/audit/entries/" + index + "/proof?treeSize=" + size).json();
        List<byte[]> path = hashes(proof.get("auditPath"));
        byte[] root = HexFormat.of().parseHex(head.get("rootHash").asString());
        // the leaf of the last entry, recomputed independently from the stored record by the verifier's codec
        assertThat(path.size()).isLessThanOrEqualTo(64);
        assertThat(Merkle.verifyInclusion(leafOf(index), index, size, path, root)).isTrue();
        assertThat(Merkle.verifyInclusion(leafOf(0), index, size, path, root)).isEqualTo(index == 0);
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    byte[] leafOf(long index) {
        String record = jdbc.sql("select record from audit_entry where idx = ?").param(index).query(String.class).single();
        return Merkle.leafHash(java.util.Base64.getDecoder().decode(record));
    }

    @Test
    void aProofCarriesTheEntryOnlyForAReaderWhoMayReadIt() {
        long noforn = log.appendAndWait(new AuditRecord(AuditRecord.Kind.RELEASE, "USA/SECRET", "intel/report/noforn-proof", "withheld from JPN", "",
                org.kizuna.label.Label.parse("SECRET//NOFORN"), java.time.Instant.now()));
        log.flush();
        long size = log.latestTreeHead().orElseThrow().size();
        byte[] root = log.latestTreeHead().orElseThrow().rootHash();
        JsonNode usa = Api.on(port).as("usa.auditor", "demo").get("/api/v1/audit/entries/" + noforn + "/proof?treeSize=" + size).json();
        byte[] entry = java.util.Base64.getDecoder().decode(usa.get("entry").asString());
        List<byte[]> path = hashes(usa.get("auditPath"));
        assertThat(Merkle.verifyInclusion(Merkle.leafHash(entry), noforn, size, path, root)).isTrue();
        assertThat(usa.get("record").get("subject").asString()).isEqualTo("intel/report/noforn-proof");
        JsonNode jpn = Api.on(port).as("jpn.auditor", "demo").get("/api/v1/audit/entries/" + noforn + "/proof?treeSize=" + size).json();
        assertThat(jpn.has("entry")).isFalse();
        assertThat(jpn.toString()).doesNotContain("noforn-proof");
    }

    @Test
    void aPartnerCanCheckThatTheLogOnlyGrew() {
        long earlier = log.latestTreeHead().orElseThrow().size();
        byte[] earlierRoot = log.latestTreeHead().orElseThrow().rootHash();
        log.append(new AuditRecord(AuditRecord.Kind.APPROVAL, "JPN/SECRET", "plans/plan/2", "approved", "", org.kizuna.label.Label.UNCLASSIFIED,
                java.time.Instant.now()));
        Api api = Api.on(port).as("aus.officer", "demo");
        JsonNode head = api.get("/api/v1/audit/tree-head").json();
        long later = head.get("size").asLong();
        assertThat(later).isGreaterThan(earlier);
        JsonNode proof = api.get("/api/v1/audit/consistency?first=" + earlier + "&second=" + later).json();
        List<byte[]> path = hashes(proof.get("proof"));
        byte[] laterRoot = HexFormat.of().parseHex(head.get("rootHash").asString());
        assertThat(Merkle.verifyConsistency(earlier, later, earlierRoot, laterRoot, path)).isTrue();
        assertThat(Merkle.verifyConsistency(earlier, later, Merkle.nodeHash(earlierRoot, earlierRoot), laterRoot, path)).isFalse();
        assertThat(api.get("/api/v1/audit/consistency?first=" + (later + 1) + "&second=" + later).status()).isEqualTo(400);
    }
}
