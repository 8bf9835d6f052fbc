package org.kizuna.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * A label expressed in a partner's policy ({@link LabelKernel#inPolicy}) over the shipped tables: the level every
 * decision maps it to (never a guessed one, never lower, many-to-one rows included), everything else kept, a round
 * trip that never lowers the original, and no reader of the partner's policy who may read more under it than under the
 * original.
 */
class LabelInPartnerPolicyTests {

    private static final LocalDate DAY = LocalDate.parse("2025-06-01");
    private static final LabelKernel KERNEL = LabelKernel.standard().asOf(DAY);
    private static final List<String> REL_CODES = List.of("USA", "JPN", "AUS", "GBR", "KOR", "CAN", "NZL", "PHL", "FRA", "FVEY", "NATO");
    private static final List<String> MISSIONS = List.of("KEEN EDGE", "KEEN SWORD");

    @Property(tries = 3000)
    void theFormInAPartnersPolicyHasTheLevelEveryDecisionMapsToAndKeepsEverythingElse(@ForAll("labels") Label label,
            @ForAll("policies") Policy partner) {
        int mapped = KERNEL.equivalentRank(label.policy(), label.level(), partner);
        Optional<Label> form = KERNEL.inPolicy(label, partner);
        if (mapped < 0) {
            assertThat(form).as("no agreed equivalent: no form with a guessed level").isEmpty();
            return;
        }
        Label r = form.orElseThrow();
        assertThat(r.policy()).isEqualTo(partner);
        assertThat(r.level().rank()).isEqualTo(mapped);
        assertThat(r.owner()).isEqualTo(label.owner());
        assertThat(r.controls()).isEqualTo(label.controls());
        assertThat(r.releasableTo()).isEqualTo(label.releasableTo());
        assertThat(r.hasReleasabilityList()).isEqualTo(label.hasReleasabilityList());
        assertThat(r.permissiveTags()).isEqualTo(label.permissiveTags());
        assertThat(r.communities()).isEqualTo(label.communities());
        if (label.isNoforn()) assertThat(r.isNoforn()).isTrue();
        // what travels is the banner, and the receiving node parses the originator's marking: both must read back exactly
        assertThat(Label.parse(r.banner())).isEqualTo(r);
        assertThat(Label.parse(r.portionMark())).isEqualTo(r);
        assertThat(KERNEL.inPolicy(Label.parse(label.banner()), partner)).contains(r);
    }

    @Property(tries = 3000)
    void aRoundTripNeverLowersTheOriginal(@ForAll("labels") Label label, @ForAll("policies") Policy partner) {
        Optional<Label> form = KERNEL.inPolicy(label, partner);
        if (form.isEmpty()) return;
        Label back = KERNEL.inPolicy(form.orElseThrow(), label.policy()).orElseThrow(() -> new AssertionError(form + " has no way back"));
        assertThat(back.level().rank()).as(label + " -> " + form.orElseThrow() + " -> " + back).isGreaterThanOrEqualTo(label.level().rank());
        assertThat(back.owner()).isEqualTo(label.owner());
        assertThat(back.controls()).isEqualTo(label.controls());
        assertThat(back.releasableTo()).isEqualTo(label.releasableTo());
    }

    /**
     * Readers of the partner's policy decide alike under the form and the original, except that an unmarked unclassified
     * item whose equivalent the partner counts as classified reads as its owner's only: the form is then stricter, never
     * wider. (Readers of third policies are not compared: equivalence is not transitive, which is why no decision is
     * taken under the form.)
     */
    @Property(tries = 2000)
    void noReaderOfThePartnersPolicyMayReadMoreUnderTheFormThanUnderTheOriginal(@ForAll("labels") Label label,
            @ForAll @Size(20) List<@From("readers") Reader> readers) {
        for (Reader reader : readers) {
            Policy partner = Policy.of(reader.nation());
            Optional<Label> form = KERNEL.inPolicy(label, partner);
            if (form.isEmpty()) {
                assertThat(KERNEL.mayRead(label, reader)).as("no equivalent: no reader of " + partner + " may read " + label).isFalse();
                continue;
            }
            Label r = form.orElseThrow();
            boolean original = KERNEL.mayRead(label, reader);
            boolean underForm = KERNEL.mayRead(r, reader);
            if (underForm) assertThat(original).as(reader + " may read " + r + " but not " + label).isTrue();
            boolean openMadeClassified = !label.hasReleasabilityList() && !label.isNoforn() && !label.level().classified() && r.level().classified();
            if (!openMadeClassified) assertThat(underForm).as(reader + ": " + label + " vs " + r).isEqualTo(original);
            // and on a node of the partner's nation, rule 5 holds the one exactly when it holds the other (same exception)
            LabelKernel node = KERNEL.forNode(reader.nation(), partner.levels().getLast().englishName());
            if (node.mayHold(r)) assertThat(node.mayHold(label)).isTrue();
            if (!openMadeClassified) assertThat(node.mayHold(r)).isEqualTo(node.mayHold(label));
        }
    }

    @Example
    void everyRowOfEveryShippedTableIsRespectedWhereSeveralLevelsMapToOne() {
        for (EquivalenceTable t : KERNEL.equivalenceTables()) {
            Policy a = Policy.of(t.policyA());
            Policy b = Policy.of(t.policyB());
            for (List<String> row : t.rows()) {
                Label la = Label.of(a, row.get(0));
                Label lb = Label.of(b, row.get(1));
                assertThat(KERNEL.inPolicy(la, b).orElseThrow().level().rank()).as(t.policyA() + "-" + t.policyB() + " " + row)
                        .isGreaterThanOrEqualTo(lb.level().rank());
                assertThat(KERNEL.inPolicy(lb, a).orElseThrow().level().rank()).as(t.policyB() + "-" + t.policyA() + " " + row)
                        .isGreaterThanOrEqualTo(la.level().rank());
            }
        }
    }

    @Example
    void aUsSecretReleasableToJapanIsJapansSecretOfUsOrigin() {
        Label usa = Label.parse("(S//REL TO USA, JPN)");
        Label jpn = KERNEL.inPolicyOf(usa, "JPN").orElseThrow();
        assertThat(jpn.banner()).isEqualTo("//JPN SECRET//FGI USA//REL TO USA, JPN");
        assertThat(jpn.portionMark()).isEqualTo("(//JPN S//FGI USA//REL TO USA, JPN)");
        assertThat(jpn.level().nationalName()).isEqualTo("極秘");
        assertThat(KERNEL.inPolicyOf(jpn, "USA")).contains(usa);
        assertThat(KERNEL.inPolicyOf(usa, "USA")).contains(usa);
    }

    @Example
    void manyToOneRowsTakeTheHigherLevelAndTheWayBackNeverLowers() {
        // USA CONFIDENTIAL is protected as UK SECRET; UK SECRET maps back to US SECRET: higher than the original, never lower
        Label confidential = Label.parse("CONFIDENTIAL//REL TO USA, GBR");
        Label uk = KERNEL.inPolicyOf(confidential, "GBR").orElseThrow();
        assertThat(uk.banner()).isEqualTo("//GBR SECRET//FGI USA//REL TO USA, GBR");
        assertThat(KERNEL.inPolicyOf(uk, "USA").orElseThrow().banner()).isEqualTo("SECRET//REL TO USA, GBR");
        // NATO UNCLASSIFIED and RESTRICTED are both UK OFFICIAL; OFFICIAL maps back to NATO RESTRICTED
        Label nu = Label.parse("//NATO UNCLASSIFIED//REL TO GBR, NATO");
        Label official = KERNEL.inPolicyOf(nu, "GBR").orElseThrow();
        assertThat(official.level().englishName()).isEqualTo("OFFICIAL");
        assertThat(KERNEL.inPolicy(official, Policy.of("NATO")).orElseThrow().level().englishName()).isEqualTo("NATO RESTRICTED");
    }

    @Example
    void aLevelWithNoAgreedEquivalentHasNoFormAndDoesNotLeave() {
        Label sensitive = Label.parse("//AUS OFFICIAL:Sensitive//REL TO USA, AUS, JPN");
        assertThat(KERNEL.inPolicyOf(sensitive, "USA")).isEmpty();
        assertThat(KERNEL.inPolicyOf(sensitive, "JPN")).isEmpty();
        assertThat(KERNEL.inPolicyOf(Label.parse("//JPN SECRET//REL TO JPN, KOR"), "KOR")).as("no JPN-KOR table").isEmpty();
        for (String to : List.of("USA", "JPN")) {
            GuardResult r = KERNEL.guard(sensitive, List.of(new Portion("p1", sensitive)), to);
            assertThat(r.released()).isEmpty();
            assertThat(r.withheld().getFirst().why().code()).isEqualTo("label.guard.no-equivalent");
            assertThat(r.inPartnerPolicy()).isEmpty();
        }
    }

    @Example
    void theOwnerOnlyStaysTheOwnerOnlyWhereTheEquivalentIsUnclassified() {
        // UK OFFICIAL unmarked is the UK's only; its US equivalent is UNCLASSIFIED, which unmarked would be everyone's
        Label official = Label.parse("//GBR OFFICIAL");
        Label us = KERNEL.inPolicyOf(official, "USA").orElseThrow();
        assertThat(us.banner()).isEqualTo("UNCLASSIFIED//FGI GBR//NOFORN");
        assertThat(KERNEL.mayRead(us, Reader.parse("JPN/SECRET"))).isFalse();
        // the other way an unmarked UNCLASSIFIED becomes UK OFFICIAL of US origin, read as the US's only: stricter, not wider
        Label unclassified = Label.parse("UNCLASSIFIED");
        Label uk = KERNEL.inPolicyOf(unclassified, "GBR").orElseThrow();
        assertThat(uk.banner()).isEqualTo("//GBR OFFICIAL//FGI USA");
        assertThat(KERNEL.mayRead(uk, Reader.parse("GBR/OFFICIAL"))).isFalse();
        assertThat(KERNEL.mayRead(unclassified, Reader.parse("GBR/OFFICIAL"))).isTrue();
    }

    @Example
    void theGuardGivesTheFormOfEachReleasedPortionOnly() {
        Label shared = Label.parse("(S//REL TO USA, JPN)");
        Label noforn = Label.parse("(S//NF)");
        Label banner = KERNEL.rollUp(List.of(shared, noforn));
        GuardResult r = KERNEL.guard(banner, List.of(new Portion("p1", shared), new Portion("p2", noforn)), "JPN");
        assertThat(r.released()).extracting(Portion::id).containsExactly("p1");
        assertThat(r.inPartnerPolicy()).containsOnlyKeys("p1");
        assertThat(r.inPartnerPolicy().get("p1").banner()).isEqualTo("//JPN SECRET//FGI USA//REL TO USA, JPN");
        assertThat(KERNEL.guard(banner, List.of(new Portion("p1", shared), new Portion("p2", noforn)), Link.to("AUS"), Set.of()).inPartnerPolicy())
                .as("USA's REL TO USA, JPN never leaves for AUS, in any policy").isEmpty();
    }

    @Provide
    Arbitrary<Policy> policies() {
        return Arbitraries.of(Policy.all());
    }

    @Provide
    Arbitrary<Label> labels() {
        return LabelArbitraries.labels(REL_CODES, MISSIONS, List.of("JPN", "USA", "GBR", "AUS"));
    }

    @Provide
    Arbitrary<Reader> readers() {
        return LabelArbitraries.readers(MISSIONS);
    }
}
