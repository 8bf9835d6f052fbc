package org.kizuna.federation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kizuna.federation.Shareable;
import org.kizuna.label.Label;
import org.kizuna.label.LabelBinding;
import org.kizuna.label.LabelKernel;
import tools.jackson.databind.JsonNode;

/**
 * Each part leaves with its own (the originator's) label and its label in the recipient's policy, both signed; the
 * recipient takes it only when that form is exactly what its own tables make of the originator's label.
 */
class EnvelopeRecipientMarkingTests {

    private static final LocalDate DAY = LocalDate.parse("2025-06-01");
    private static final LabelKernel USA = LabelKernel.standard().asOf(DAY).forNode("USA", "TOP SECRET");
    private static final LabelKernel JPN = LabelKernel.standard().asOf(DAY).forNode("JPN", "TOP SECRET");
    private static KeyPair keys;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        keys = g.generateKeyPair();
    }

    private static Shareable report(Shareable.Part... parts) {
        return new Shareable("report", "R-1", "USA", "USA", 1, Map.of("author", "usa.officer"), List.of(parts));
    }

    private static Shareable.Part part(String id, String marking) {
        return new Shareable.Part(id, marking, "text of " + id, "{}");
    }

    /**
     * An envelope sealed as the link's sender seals it, signed on its own here (on the link its batch's signature binds it,
     * {@code BatchSignatureTests}); the recipient's marking is checked on opening either way.
     */
    private static Envelope sealed(Shareable item, List<Shareable.Part> released, String to, LabelKernel kernel) {
        Envelope e = Envelope.seal(item, released, to, kernel);
        LabelBinding b = LabelBinding.bind(Label.parse(e.banner()), e.data().getBytes(StandardCharsets.UTF_8), keys.getPrivate());
        return new Envelope(e.data(), e.banner(), Base64.getEncoder().encodeToString(b.dataDigest()), Base64.getEncoder().encodeToString(b.signature()));
    }

    /** The same data with one edit, signed again with the sender's own key (a sender that signs what it should not). */
    private static Envelope resigned(Envelope e, String from, String to) {
        String data = e.data().replace(from, to);
        assertThat(data).isNotEqualTo(e.data());
        LabelBinding b = LabelBinding.bind(Label.parse(e.banner()), data.getBytes(StandardCharsets.UTF_8), keys.getPrivate());
        return new Envelope(data, e.banner(), Base64.getEncoder().encodeToString(b.dataDigest()), Base64.getEncoder().encodeToString(b.signature()));
    }

    @Test
    void aUsSecretPortionForJapanTravelsMarkedInJapansPolicyBesideItsUsMarking() {
        Envelope e = sealed(report(part("p1", "(S//REL TO USA, JPN)")), List.of(part("p1", "(S//REL TO USA, JPN)")), "JPN", USA);
        JsonNode p = Envelope.JSON.readTree(e.data()).path("parts").get(0);
        assertThat(p.path("marking").asString()).isEqualTo("(S//REL TO USA, JPN)");
        assertThat(p.path("recipientMarking").asString()).isEqualTo("//JPN SECRET//FGI USA//REL TO USA, JPN");
        Envelope.Opened opened = e.open(keys.getPublic(), "JPN", JPN);
        assertThat(opened).isInstanceOf(Envelope.Item.class);
        assertThat(((Envelope.Item) opened).item().parts()).extracting(Shareable.Part::marking).containsExactly("(S//REL TO USA, JPN)");
    }

    @Test
    void aPartnerPolicyLabelEditedAfterSigningDoesNotVerify() {
        Envelope e = sealed(report(part("p1", "(S//REL TO USA, JPN)")), List.of(part("p1", "(S//REL TO USA, JPN)")), "JPN", USA);
        Envelope edited = new Envelope(e.data().replace("//JPN SECRET//FGI USA", "//JPN CONFIDENTIAL//FGI USA"), e.banner(), e.digest(), e.signature());
        assertThatThrownBy(() -> edited.open(keys.getPublic(), "JPN", JPN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void aPartnerPolicyLabelSignedLowerThanTheTablesGiveIsRefused() {
        Envelope e = sealed(report(part("p1", "(S//REL TO USA, JPN)")), List.of(part("p1", "(S//REL TO USA, JPN)")), "JPN", USA);
        Envelope lower = resigned(e, "\"recipientMarking\":\"//JPN SECRET//FGI USA", "\"recipientMarking\":\"//JPN CONFIDENTIAL//FGI USA");
        assertThatThrownBy(() -> lower.open(keys.getPublic(), "JPN", JPN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("part p1 (SECRET//REL TO USA, JPN) came marked '//JPN CONFIDENTIAL//FGI USA//REL TO USA, JPN' in JPN's policy")
                .hasMessageContaining("equivalence table USA-JPN version 2007-08-10 makes it '//JPN SECRET//FGI USA//REL TO USA, JPN'")
                .hasMessageContaining("out of step");
        // nor with a releasability the originator did not give
        Envelope wider = resigned(e, "//JPN SECRET//FGI USA//REL TO USA, JPN\"", "//JPN SECRET//FGI USA//REL TO USA, AUS, JPN\"");
        assertThatThrownBy(() -> wider.open(keys.getPublic(), "JPN", JPN)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of step");
    }

    @Test
    void nodesWhoseEquivalenceTablesAreOutOfStepRefuseTheItemNamingTheTableAndItsVersion() {
        LabelKernel later = LabelKernel.fromResources("label/equivalences-usa-jpn-out-of-step-test.yaml", "label/tetragraphs.yaml", DAY)
                .forNode("JPN", "TOP SECRET");
        Envelope e = sealed(report(part("p1", "(S//REL TO USA, JPN)")), List.of(part("p1", "(S//REL TO USA, JPN)")), "JPN", USA);
        assertThatThrownBy(() -> e.open(keys.getPublic(), "JPN", later)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("came marked '//JPN SECRET//FGI USA//REL TO USA, JPN'")
                .hasMessageContaining("equivalence table USA-JPN version 2099-01-01-test makes it '//JPN TOP SECRET//FGI USA//REL TO USA, JPN'")
                .hasMessageContaining("bring them to the same version");
        // the unclassified title alone agrees in both tables and is taken
        Envelope title = sealed(report(part("t", "(U)")), List.of(part("t", "(U)")), "JPN", USA);
        assertThat(title.open(keys.getPublic(), "JPN", later)).isInstanceOf(Envelope.Item.class);
    }

    @Test
    void aPartWithoutItsLabelInTheRecipientsPolicyIsRefused() {
        Envelope e = sealed(report(part("p1", "(S//REL TO USA, JPN)")), List.of(part("p1", "(S//REL TO USA, JPN)")), "JPN", USA);
        Envelope older = resigned(e, ",\"recipientMarking\":\"//JPN SECRET//FGI USA//REL TO USA, JPN\"", "");
        assertThatThrownBy(() -> older.open(keys.getPublic(), "JPN", JPN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("came without its label in JPN's policy");
    }

    @Test
    void aLevelWithNoEquivalentInTheRecipientsPolicyIsRefusedWhateverFormItCarries() {
        LabelKernel aus = LabelKernel.standard().asOf(DAY).forNode("AUS", "TOP SECRET");
        Shareable.Part sensitive = part("p1", "(//AUS OS//REL TO USA, AUS, JPN)");
        Shareable.Part official = part("p2", "(//AUS O//REL TO USA, AUS, JPN)");
        Shareable item = new Shareable("report", "R-2", "AUS", "AUS", 1, Map.of(), List.of(sensitive));
        // a sender whose guard was bypassed: the form is empty, and whatever it is the receiver finds no equivalent
        Envelope e = sealed(item, List.of(official), "JPN", aus);
        Envelope forged = resigned(e, "(//AUS O//REL TO USA, AUS, JPN)", "(//AUS OS//REL TO USA, AUS, JPN)");
        assertThatThrownBy(() -> forged.open(keys.getPublic(), "JPN", JPN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no equivalent in JPN's policy");
        assertThat(e.open(keys.getPublic(), "JPN", JPN)).isInstanceOf(Envelope.Item.class);
        assertThat(Envelope.JSON.readTree(e.data()).path("parts").get(0).path("recipientMarking").asString())
                .isEqualTo("//JPN UNCLASSIFIED//FGI AUS//REL TO USA, AUS, JPN");
    }

    @Test
    void requestsAndAnswersCarryTheFormToo() {
        Envelope answer = Envelope.sealAnswer("PA-1", false, List.of(new Shareable.Part("reason", "UNCLASSIFIED", "no", "")), "USA", "JPN", USA,
                keys.getPrivate());
        assertThat(Envelope.JSON.readTree(answer.data()).path("parts").get(0).path("recipientMarking").asString()).isEqualTo("//JPN UNCLASSIFIED//FGI USA");
        assertThat(answer.open(keys.getPublic(), "JPN", JPN)).isInstanceOf(Envelope.Answer.class);
    }
}
