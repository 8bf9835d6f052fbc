package org.kizuna.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kizuna.testing.Readers.*;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The leaks listed in the project's labels guide (its rules and leaks, see docs/label.md) that this module
 * prevents, one test each; every test fails if the leak happens.
 * Leak 12 (withheld items showing through read paths) is covered for the module's read path in
 * {@link ReadPathTests}; leak 15 (issuers of clearances, audit tampering) belongs to identity and audit.
 */
class LabelLeakTests {

    private final LabelKernel kernel = LabelKernel.standard();

    private static Portion portion(String id, String mark) {
        return new Portion(id, Label.parse(mark));
    }

    private static List<String> ids(List<Portion> portions) {
        return portions.stream().map(Portion::id).toList();
    }

    @Test
    void leak01_secretNofornNeverReachesJapan() {
        Label item = Label.parse("SECRET//NOFORN");
        assertThat(kernel.mayRead(item, jpn())).isFalse();
        assertThat(kernel.mayRead(item, jpn(TOP_SECRET))).isFalse();
        assertThat(kernel.decide(item, jpn()).reason()).contains("rule 2").contains("NOFORN");
        GuardResult toJapan = kernel.guard(item, List.of(portion("p1", "(S//NF)")), "JPN");
        assertThat(toJapan.released()).isEmpty();
        assertThat(kernel.mayRead(item, usa())).isTrue();
    }

    @Test
    void leak02_relToUsaGbrReachesBritainButNotJapan() {
        Label item = Label.parse("SECRET//REL TO USA, GBR");
        assertThat(kernel.mayRead(item, jpn())).isFalse();
        assertThat(kernel.mayRead(item, gbr())).isTrue();
        List<Portion> portions = List.of(portion("p1", "(S//REL TO USA, GBR)"));
        assertThat(kernel.guard(item, portions, "JPN").released()).isEmpty();
        assertThat(ids(kernel.guard(item, portions, "GBR").released())).containsExactly("p1");
    }

    @Test
    void leak03_aNofornPortionUnderARelToBannerIsNeverSent() {
        List<Portion> portions = List.of(portion("p1", "(S//REL TO USA, JPN)"), portion("p2", "(C//NF)"), portion("p3", "(U)"));
        GuardResult lying = kernel.guard(Label.parse("SECRET//REL TO USA, JPN"), portions, "JPN");
        assertThat(lying.released()).isEmpty();
        assertThat(lying.withheld()).allSatisfy(w -> assertThat(w.reason()).contains("differs from the roll-up"));

        GuardResult honest = kernel.guard(Label.parse("SECRET//NOFORN"), portions, "JPN");
        assertThat(ids(honest.released())).containsExactly("p1", "p3");
        assertThat(honest.withheld()).extracting(GuardResult.Withheld::portionId).containsExactly("p2");
    }

    @Test
    void leak04_aClassifiedPortionWithoutReleasabilityStaysWithItsOwner() {
        Label unmarked = Label.parse("(S)");
        assertThat(kernel.mayRead(unmarked, jpn())).isFalse();
        assertThat(kernel.mayRead(unmarked, gbr())).isFalse();
        assertThat(kernel.mayRead(unmarked, usa())).isTrue();
        assertThat(kernel.guard(unmarked, List.of(new Portion("p1", unmarked)), "JPN").released()).isEmpty();
        // Unclassified without a marking is public, and the unmarked classified portion still taints the roll-up.
        assertThat(kernel.mayRead(Label.parse("(U)"), jpn())).isTrue();
        // the roll-up narrows the list to the owner alone, and its banner says so
        assertThat(kernel.rollUp(List.of(unmarked, Label.parse("(S//REL TO USA, JPN)")))).isEqualTo(Label.parse("SECRET//NOFORN"));
        assertThat(kernel.mayRead(kernel.rollUp(List.of(unmarked, Label.parse("(S//REL TO USA, JPN)"))), jpn())).isFalse();
    }

    @Test
    void leak05_tetragraphsExpandWithTheMembershipOfTheDay() {
        assertThat(kernel.members("FVEY")).containsExactly("USA", "AUS", "CAN", "GBR", "NZL");
        Label fvey = Label.parse("SECRET//REL TO USA, FVEY");
        assertThat(kernel.mayRead(fvey, aus())).isTrue();
        assertThat(kernel.mayRead(fvey, gbr())).isTrue();
        assertThat(kernel.mayRead(fvey, jpn())).isFalse();
        assertThat(kernel.mayRead(fvey, kor())).isFalse();

        // Sweden joined NATO on 2024-03-07: a NATO-releasable item is not Sweden's the day before.
        assertThat(kernel.asOf(LocalDate.parse("2024-03-06")).members("NATO")).doesNotContain("SWE").contains("FIN", "USA");
        assertThat(kernel.asOf(LocalDate.parse("2024-03-07")).members("NATO")).contains("SWE");

        // A later membership table: JPN joins FVEY and NZL leaves on 2030-01-01 (test data).
        LabelKernel before = LabelKernel.fromResources("label/equivalences.yaml", "label/tetragraphs-v2-test.yaml", LocalDate.parse("2029-12-31"));
        LabelKernel after = before.asOf(LocalDate.parse("2030-01-01"));
        assertThat(before.membershipVersion()).isEqualTo("2030-test");
        assertThat(before.mayRead(fvey, jpn())).isFalse();
        assertThat(after.mayRead(fvey, jpn())).isTrue();
        assertThat(after.members("FVEY")).containsExactly("USA", "AUS", "CAN", "GBR", "JPN");
        assertThat(after.guard(fvey, List.of(new Portion("p1", Label.parse("(S//REL TO USA, FVEY)"))), "JPN").released()).hasSize(1);

        // A running node crosses the date without being rebuilt.
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2029-12-31T23:59:59Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override
            public Clock withZone(ZoneId zone) { return this; }
            @Override
            public Instant instant() { return now.get(); }
        };
        LabelKernel live = LabelKernel.fromResources("label/equivalences.yaml", "label/tetragraphs-v2-test.yaml", clock);
        assertThat(live.mayRead(fvey, jpn())).isFalse();
        now.set(Instant.parse("2030-01-01T00:00:01Z"));
        assertThat(live.mayRead(fvey, jpn())).isTrue();
        assertThat(live.members("FVEY")).doesNotContain("NZL");
    }

    @Test
    void leak06_variantSpellingsAreRejectedNotGuessed() {
        for (String variant : List.of("rel to usa, jpn", "SECRET//rel to usa, jpn", "SECRET//REL TO USA, JP", "SECRET//REL TO USA, JAP",
                "SECRET//REL TO USA, JPN,", "SECRET//REL TO JPN, USA", "SECRET//REL USA, JPN", "SECRET//NOFORN ", "SECRET//NO FORN")) {
            assertThatThrownBy(() -> Label.parse(variant)).as(variant).isInstanceOf(InvalidMarkingException.class);
        }
        assertThatThrownBy(() -> Reader.parse("JP/SECRET")).isInstanceOf(InvalidMarkingException.class);
        assertThatThrownBy(() -> Label.builder(Policy.of("USA"), "SECRET").relTo("USA", "JAP")).hasMessageContaining("JAP");
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        return g.generateKeyPair();
    }

    @Test
    void leak07_aLabelEditedAfterBindingFailsVerification() throws Exception {
        KeyPair node = keys();
        byte[] data = "Track 4711 position report".getBytes(StandardCharsets.UTF_8);
        LabelBinding binding = LabelBinding.bind(Label.parse("SECRET//NOFORN"), data, node.getPrivate());
        assertThat(binding.verifies(data, node.getPublic())).isTrue();
        LabelBinding edited = binding.withLabel(Label.parse("SECRET//REL TO USA, JPN"));
        assertThat(edited.verifies(data, node.getPublic())).isFalse();
        assertThat(binding.withLabel(Label.parse("SECRET//NOFORN").withOwner("GBR")).verifies(data, node.getPublic())).isFalse();
        assertThat(binding.verifies(data, keys().getPublic())).isFalse();
    }

    @Test
    void leak08_aValidLabelMovedOntoOtherDataFailsVerification() throws Exception {
        KeyPair node = keys();
        byte[] harmless = "Weather over Okinawa".getBytes(StandardCharsets.UTF_8);
        byte[] sensitive = "Source identity".getBytes(StandardCharsets.UTF_8);
        LabelBinding binding = LabelBinding.bind(Label.parse("UNCLASSIFIED"), harmless, node.getPrivate());
        assertThat(binding.verifies(harmless, node.getPublic())).isTrue();
        assertThat(binding.verifies(sensitive, node.getPublic())).isFalse();
    }

    @Test
    void leak09_japaneseInformationRelToUsaJpnNeverGoesOutOnTheUsAustraliaLink() {
        Label japanese = Label.parse("SECRET//REL TO USA, JPN").withOwner("JPN");
        assertThat(kernel.guard(japanese, List.of(new Portion("jpn-1", japanese)), "AUS").released()).isEmpty();
        assertThat(kernel.mayRead(japanese, aus())).isFalse();
        assertThat(kernel.forNode("USA", "TOP SECRET").mayRead(japanese, usa())).isTrue();

        // Inside a US report, the Japanese portion narrows the banner and is the portion held back from Australia.
        Label us = Label.parse("(S//REL TO USA, AUS, JPN)");
        Label banner = kernel.rollUp(List.of(us, japanese));
        assertThat(banner.banner()).isEqualTo("SECRET//REL TO USA, JPN");
        GuardResult toAustralia = kernel.guard(banner, List.of(new Portion("us-1", us), new Portion("jpn-1", japanese)), "AUS");
        assertThat(ids(toAustralia.released())).containsExactly("us-1");
        assertThat(toAustralia.withheld()).extracting(GuardResult.Withheld::portionId).containsExactly("jpn-1");
    }

    @Test
    void leak10_aLevelWithNoAgreedEquivalentIsNotSentWithAGuessedLevel() {
        Label sensitive = Label.parse("//AUS OFFICIAL:Sensitive//REL TO USA, AUS");
        assertThat(kernel.decide(sensitive, usa(TOP_SECRET)).reason()).contains("rule 1").contains("no agreed equivalent");
        assertThat(kernel.guard(sensitive, List.of(new Portion("p1", sensitive)), "USA").withheld().getFirst().reason())
                .contains("no agreed equivalent");
        // Equivalence is per pair and not transitive: JPN-USA and USA-KOR do not make JPN-KOR.
        Label japanese = Label.parse("//JPN SECRET//REL TO USA, JPN, KOR");
        assertThat(kernel.mayRead(japanese, usa())).isTrue();
        assertThat(kernel.mayRead(japanese, kor())).isFalse();
        assertThat(kernel.guard(japanese, List.of(new Portion("p1", japanese)), "KOR").released()).isEmpty();
        // Without a USA-JPN table nothing crosses that pair.
        LabelKernel noTable = LabelKernel.fromResources("label/equivalences-no-jpn-test.yaml", "label/tetragraphs.yaml", LocalDate.parse("2025-01-01"));
        assertThat(noTable.decide(Label.parse("SECRET//REL TO USA, JPN"), jpn()).reason()).contains("no USA-JPN equivalence table");
    }

    @Test
    void leak10b_aRollUpIsNotOpenToAPartnerThatMayNotReadALowerPart() {
        // AUS PROTECTED has a US equivalent and OFFICIAL:Sensitive has none: a compound item of both, both marked REL TO
        // USA, AUS, must not become readable in the US by its roll-up (found by LabelDecisionPropertiesTests)
        Label sensitive = Label.parse("//AUS OFFICIAL:Sensitive//REL TO USA, AUS");
        Label protectedPart = Label.parse("//AUS PROTECTED//REL TO USA, AUS");
        assertThat(kernel.mayRead(protectedPart, usa())).isTrue();
        Label banner = kernel.rollUp(List.of(protectedPart, sensitive));
        assertThat(kernel.mayRead(banner, usa(TOP_SECRET))).isFalse();
        assertThat(banner.level().englishName()).isEqualTo("PROTECTED");
        assertThat(kernel.dominates(banner, sensitive)).isTrue();
        assertThat(kernel.dominates(banner, protectedPart)).isTrue();
        // a part's level with an equivalent for every listed partner changes nothing
        assertThat(kernel.rollUp(List.of(protectedPart, Label.parse("//AUS OFFICIAL//REL TO USA, AUS"))).banner())
                .isEqualTo(protectedPart.banner());
    }

    @Test
    void leak11_aCompoundItemThatUsedANofornPartIsNotExportedUnderAWeakerLabel() {
        List<Label> parts = List.of(Label.parse("(S//REL TO USA, JPN)"), Label.parse("(C//NF)"), Label.parse("(U)"));
        Label banner = kernel.rollUp(parts);
        assertThat(banner.banner()).isEqualTo("SECRET//NOFORN");
        assertThat(kernel.mayRead(banner, jpn())).isFalse();
        Label weaker = Label.parse("SECRET//REL TO USA, JPN");
        assertThat(kernel.dominates(weaker, banner)).isFalse();
        assertThat(kernel.dominates(Label.parse("TOP SECRET//NOFORN"), banner)).isTrue();
        List<Portion> portions = List.of(new Portion("a", parts.get(0)), new Portion("b", parts.get(1)), new Portion("c", parts.get(2)));
        assertThat(kernel.guard(weaker, portions, "JPN").released()).isEmpty();
    }

    @Test
    void leak13_aBodyCarryingAHigherMarkingOrACodewordDoesNotPassOnItsLabel() {
        Label rel = Label.parse("(S//REL TO USA, JPN)");
        Label banner = rel;
        for (String body : List.of("Summary follows. TOP SECRET annex attached.", "(TS//SI) source reporting", "copy of (S//NF) para",
                "NOFORN details", "TALENT KEYHOLE imagery shows", "SI collection indicates")) {
            GuardResult r = kernel.guard(banner, List.of(new Portion("p1", rel, body)), "JPN");
            assertThat(r.released()).as(body).isEmpty();
            assertThat(r.withheld().getFirst().reason()).as(body).contains("content carries");
        }
        Label confidential = Label.parse("(C//REL TO USA, JPN)");
        assertThat(kernel.guard(confidential, List.of(new Portion("p1", confidential, "SECRET matters")), "JPN").released()).isEmpty();
        assertThat(kernel.guard(banner, List.of(new Portion("p1", rel, "The secretary met the SECRET-cleared liaison officer.")), "JPN").released())
                .hasSize(1);
    }

    @Test
    void leak14_hostileXmlNeverReachesExpansion() {
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<originatorConfidentialityLabel xmlns=\"" + Adatp4774.NAMESPACE + "\">&e;</originatorConfidentialityLabel>";
        String lol = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><originatorConfidentialityLabel xmlns=\""
                + Adatp4774.NAMESPACE + "\">&lol3;</originatorConfidentialityLabel>";
        String undeclared = "<originatorConfidentialityLabel xmlns=\"" + Adatp4774.NAMESPACE + "\">&e;</originatorConfidentialityLabel>";
        String oversized = Adatp4774.toXml(Label.parse("SECRET")).replace("</originatorConfidentialityLabel>",
                " ".repeat(Adatp4774.MAX_BYTES) + "</originatorConfidentialityLabel>");
        String deep = "<originatorConfidentialityLabel xmlns=\"" + Adatp4774.NAMESPACE + "\">" + "<a>".repeat(50) + "</a>".repeat(50)
                + "</originatorConfidentialityLabel>";
        for (String hostile : List.of(doctype, lol, undeclared, oversized, deep)) {
            assertThatThrownBy(() -> Adatp4774.fromXml(hostile)).isInstanceOf(InvalidMarkingException.class);
        }
        assertThatThrownBy(() -> Adatp4774.fromXml(doctype)).hasMessageContaining("DOCTYPE");
        assertThatThrownBy(() -> Adatp4774.fromXml(oversized)).hasMessageContaining("exceeds the limit");
    }
}
