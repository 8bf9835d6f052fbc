package org.kizuna.audit;

import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.KizunaDatabase;
import org.kizuna.audit.internal.NodeKeys;
import org.kizuna.audit.internal.Rfc6962;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The partner-facing audit API on a whole node with a real H2 file database: a partner takes the signed
 * tree head and an inclusion proof and checks both with nothing but the node's public key.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "usa.officer")
class AuditApiTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void node(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> KizunaDatabase.h2Url(dataDir));
        registry.add("kizuna.data-dir", dataDir::toString);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditLog auditLog;
    @Autowired
    ObjectMapper json;

    private JsonNode getJson(String url) throws Exception {
        String body = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    @Test
    void aPartnerChecksAnEntryAgainstTheSignedTreeHeadWithThePublicKeyAlone() throws Exception {
        Instant at = Instant.parse("2026-05-01T08:00:00Z");
        long secret = auditLog.append(AuditRecord.release("guard:JPN", "USA:report:1", false, "NOFORN portion withheld", "SECRET//NOFORN", at));
        long open = auditLog.append(AuditRecord.approval("jpn.officer", "USA:plan:3", "second approval", "UNCLASSIFIED", at));
        auditLog.flush();

        JsonNode head = getJson("/api/v1/audit/tree-head");
        long size = head.get("treeSize").asLong();
        assertThat(size).isGreaterThan(open);
        byte[] root = HexFormat.of().parseHex(head.get("rootHash").asString());
        Instant signedAt = Instant.parse(head.get("timestamp").asString());
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(head.get("publicKey").asString())));
        SignedTreeHead sth = new SignedTreeHead(size, root, signedAt, Base64.getDecoder().decode(head.get("signature").asString()));
        assertThat(NodeKeys.verify(key, sth)).isTrue();

        JsonNode proof = getJson("/api/v1/audit/entries/" + open + "/proof");
        byte[] entry = Base64.getDecoder().decode(proof.get("entry").asString());
        byte[] leaf = Rfc6962.leafHash(entry);
        assertThat(HexFormat.of().formatHex(leaf)).isEqualTo(proof.get("leafHash").asString());
        List<byte[]> path = proof.get("path").valueStream().map(n -> HexFormat.of().parseHex(n.asString())).toList();
        assertThat(new InclusionProof(open, size, leaf, path).verify(root)).isTrue();
        assertThat(proof.get("record").get("actor").asString()).isEqualTo("jpn.officer");
        assertThat(proof.get("record").get("label").asString()).isEqualTo("UNCLASSIFIED");

        // the SECRET//NOFORN release record is withheld exactly as an entry that does not exist
        String withheld = mvc.perform(get("/api/v1/audit/entries/" + secret + "/proof")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json")).andReturn().getResponse().getContentAsString();
        String absent = mvc.perform(get("/api/v1/audit/entries/999999/proof")).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(withheld.replace(String.valueOf(secret), "N")).isEqualTo(absent.replace("999999", "N"));

        JsonNode listed = getJson("/api/v1/audit/entries?from=0&limit=1000");
        assertThat(listed.valueStream().map(n -> n.get("label").asString())).isNotEmpty().containsOnly("UNCLASSIFIED");
    }

    @Test
    void consistencyProofLinksAnEarlierTreeHeadToTheLatest() throws Exception {
        auditLog.append(AuditRecord.approval("usa.officer", "USA:plan:1", "", "UNCLASSIFIED", Instant.now()));
        auditLog.flush();
        SignedTreeHead earlier = auditLog.latestTreeHead();
        auditLog.append(AuditRecord.approval("usa.officer", "USA:plan:2", "", "UNCLASSIFIED", Instant.now()));
        auditLog.append(AuditRecord.approval("usa.officer", "USA:plan:3", "", "UNCLASSIFIED", Instant.now()));
        auditLog.flush();
        SignedTreeHead later = auditLog.latestTreeHead();
        JsonNode proof = getJson("/api/v1/audit/consistency?first=" + earlier.treeSize() + "&second=" + later.treeSize());
        List<byte[]> path = proof.get("path").valueStream().map(n -> HexFormat.of().parseHex(n.asString())).toList();
        assertThat(new ConsistencyProof(earlier.treeSize(), later.treeSize(), path).verify(earlier.rootHash(), later.rootHash())).isTrue();
    }

    @Test
    void badRequestsGetAProblemThatSaysWhatWasWrong() throws Exception {
        long beyond = auditLog.latestTreeHead().treeSize() + 10;
        mvc.perform(get("/api/v1/audit/consistency?first=0&second=" + beyond))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("tree size " + beyond + " is beyond the latest signed tree head (size " + (beyond - 10) + ")"));
        mvc.perform(get("/api/v1/audit/entries?limit=0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("limit must be between 1 and 1000; got 0"));
    }
}
