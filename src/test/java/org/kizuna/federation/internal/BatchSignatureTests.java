package org.kizuna.federation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kizuna.federation.Shareable;
import org.kizuna.label.LabelKernel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A batch of envelopes is signed once as a whole, and each envelope's label stays bound to its own data (leaks 7 and 8
 * across the link): a label edited in a batch, or moved onto another envelope's data, is refused; an envelope with no
 * signature of its own is taken only from a batch that verified.
 */
class BatchSignatureTests {

    private final LabelKernel kernel = LabelKernel.standard();

    private static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        return g.generateKeyPair();
    }

    private Envelope envelope(String id, String marking) {
        Shareable item = new Shareable("report", id, "USA", "USA", 1, Map.of("author", "usa.analyst"),
                List.of(new Shareable.Part("1", marking, "text of " + id, "{\"text\":\"text of " + id + "\"}")));
        return Envelope.seal(item, item.parts(), "JPN", kernel);
    }

    private JsonNode batch(KeyPair key, Envelope... envelopes) {
        List<JdbcFederation.Queued> rows = new java.util.ArrayList<>();
        long seq = 1;
        for (Envelope e : envelopes) rows.add(new JdbcFederation.Queued(seq++, "report", "R", 1, e, Instant.EPOCH));
        byte[] bytes = Frames.bytes(Frames.batch("USA", "JPN", rows, key.getPrivate()));
        return Envelope.JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void aSignedBatchOpensEachOfItsEnvelopes() throws Exception {
        KeyPair usa = keys();
        JsonNode m = batch(usa, envelope("R-1", "(S//REL TO USA, JPN)"), envelope("R-2", "(U)"));
        assertThat(Frames.batchVerifies(m, usa.getPublic())).isTrue();
        List<Inbound.Item> items = Frames.batchItems(m, true);
        assertThat(items).extracting(Inbound.Item::seq).containsExactly(1L, 2L);
        for (Inbound.Item i : items) {
            assertThat(i.envelope().open(usa.getPublic(), "JPN", kernel, i.batchVerified())).isInstanceOf(Envelope.Item.class);
        }
        assertThat(Frames.batchVerifies(m, keys().getPublic())).as("another node's key").isFalse();
        assertThatThrownBy(() -> items.getFirst().envelope().open(usa.getPublic(), "AUS", kernel, true)).hasMessageContaining("sealed for JPN");
    }

    @Test
    void aLabelEditedInABatchFailsTheBatchsSignature() throws Exception {
        KeyPair usa = keys();
        JsonNode m = batch(usa, envelope("R-1", "(S//NF)"), envelope("R-2", "(U)"));
        ((ObjectNode) m.path("items").path(0)).put("banner", "SECRET//REL TO USA, JPN");
        assertThat(Frames.batchVerifies(m, usa.getPublic())).isFalse();
        Inbound.Item edited = Frames.batchItems(m, false).getFirst();
        assertThatThrownBy(() -> edited.envelope().open(usa.getPublic(), "JPN", kernel, edited.batchVerified())).hasMessageContaining("does not verify");
    }

    @Test
    void aLabelMovedOntoOtherDataFailsItsDigest() throws Exception {
        KeyPair usa = keys();
        JsonNode m = batch(usa, envelope("R-1", "(U)"), envelope("R-2", "(S//NF)"));
        ObjectNode first = (ObjectNode) m.path("items").path(0), second = (ObjectNode) m.path("items").path(1);
        String harmless = first.path("data").asString(""), sensitive = second.path("data").asString("");
        first.put("data", sensitive); // the unclassified label, its digest and the batch's signature, on the NOFORN data
        second.put("data", harmless);
        assertThat(Frames.batchVerifies(m, usa.getPublic())).as("labels and digests are as signed").isTrue();
        for (Inbound.Item i : Frames.batchItems(m, true)) {
            assertThatThrownBy(() -> i.envelope().open(usa.getPublic(), "JPN", kernel, true)).hasMessageContaining("does not verify");
        }
    }

    @Test
    void anEnvelopeWithNoSignatureOfItsOwnIsRefusedOutsideAVerifiedBatch() throws Exception {
        KeyPair usa = keys();
        Envelope e = envelope("R-1", "(U)");
        assertThat(e.signedWithBatch()).isTrue();
        assertThatThrownBy(() -> e.open(usa.getPublic(), "JPN", kernel)).hasMessageContaining("does not verify");
        assertThat(e.open(usa.getPublic(), "JPN", kernel, true)).isInstanceOf(Envelope.Item.class);
    }
}
