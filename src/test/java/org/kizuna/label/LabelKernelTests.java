package org.kizuna.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kizuna.testing.Readers.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The six read rules, roll-up and the guard, each with the reason a deny gives. */
class LabelKernelTests {

    private final LabelKernel kernel = LabelKernel.standard();

    private void assertDenied(Label item, Reader reader, String reason) {
        Decision d = kernel.decide(item, reader);
        assertThat(d.allowed()).as(item + " for " + reader).isFalse();
        assertThat(d.reason()).contains(reason);
        assertThat(kernel.mayRead(item, reader)).isFalse();
    }

    private void assertAllowed(Label item, Reader reader) {
        assertThat(kernel.decide(item, reader)).isEqualTo(Decision.allow());
        assertThat(kernel.mayRead(item, reader)).isTrue();
        assertThat(kernel.mayRead(item, kernel.clearance(reader))).isTrue();
    }

    @Test
    void rule1ClearanceIsComparedAfterMappingIntoTheReadersPolicy() {
        Label usConfidential = Label.parse("CONFIDENTIAL//REL TO USA, AUS, GBR");
        assertAllowed(usConfidential, aus(PROTECTED));
        assertDenied(usConfidential, aus(OFFICIAL_SENSITIVE), "below PROTECTED");
        // The UK has no CONFIDENTIAL; US CONFIDENTIAL needs UK SECRET.
        assertDenied(usConfidential, gbr(OFFICIAL), "below SECRET");
        assertAllowed(usConfidential, gbr());
        assertDenied(Label.parse("TOP SECRET//REL TO USA, JPN"), jpn(), "rule 1");
        assertAllowed(Label.parse("//NATO SECRET//REL TO USA, NATO"), usa());
        assertDenied(Label.parse("//NATO SECRET//REL TO USA, JPN, NATO"), jpn(), "no NATO-JPN equivalence table");
    }

    @Test
    void rule2NofornAndUnmarkedMeanTheOwnerOnly() {
        Label japaneseNoforn = Label.parse("//JPN SECRET//NOFORN");
        assertAllowed(japaneseNoforn, jpn());
        assertDenied(japaneseNoforn, usa(), "NOFORN: JPN only");
        assertDenied(Label.parse("//JPN SECRET"), usa(), "no releasability marking: JPN only");
    }

    @Test
    void rule3EveryRestrictiveControlMustBeHeld() {
        Label item = Label.parse("TOP SECRET//SI/TK//ORCON/NOFORN");
        assertDenied(item, usa(TOP_SECRET, "SI"), "lacks restrictive access TK, ORCON");
        assertAllowed(item, usa(TOP_SECRET, "SI", "TK", "ORCON"));
    }

    @Test
    void rule4OneValueOfEachOtherPermissiveTag() {
        Label item = Label.parse("SECRET//REL TO USA, JPN//MISSION: KEEN SWORD, ORIENT SHIELD");
        assertDenied(item, jpn(), "rule 4");
        assertAllowed(item, jpn(SECRET, "KEEN SWORD"));
    }

    @Test
    void rule5TheNodeMustBeAbleToHoldTheItem() {
        LabelKernel secretNode = kernel.forNode("USA", "SECRET");
        Decision d = secretNode.decide(Label.parse("TOP SECRET//NOFORN"), usa(TOP_SECRET));
        assertThat(d.reason()).contains("rule 5").contains("accredited to SECRET");
        LabelKernel japaneseNode = kernel.forNode("JPN", "TOP SECRET");
        assertThat(japaneseNode.decide(Label.parse("SECRET//REL TO USA, GBR"), gbr()).reason())
                .contains("rule 5: node JPN is not in the releasability");
        assertThat(japaneseNode.mayRead(Label.parse("SECRET//REL TO USA, JPN"), jpn())).isTrue();
    }

    @Test
    void rule6CommunityScopedItemsNeedNeedToKnow() {
        Label item = Label.parse("SECRET//REL TO USA, JPN//COI: BMD");
        assertDenied(item, jpn(), "rule 6");
        assertAllowed(item, jpn().withCommunities(Set.of("BMD")));
    }

    @Test
    void rollUpTakesTheHighestLevelAndTheNarrowestReleasability() {
        assertThat(kernel.rollUp(List.of(Label.parse("(S//REL TO USA, JPN)"), Label.parse("(C//REL TO USA, GBR, JPN)"), Label.parse("(U)"))).banner())
                .isEqualTo("SECRET//REL TO USA, JPN");
        assertThat(kernel.rollUp(List.of(Label.parse("(S//REL TO USA, FVEY)"), Label.parse("(TS//SI//REL TO USA, AUS, GBR)"))).banner())
                .isEqualTo("TOP SECRET//SI//REL TO USA, AUS, GBR");
        assertThat(kernel.rollUp(List.of(Label.parse("(S//REL TO USA, FVEY)"), Label.parse("(C//OC/REL TO USA, FVEY)"))).banner())
                .isEqualTo("SECRET//ORCON/REL TO USA, FVEY");
        assertThat(kernel.rollUp(List.of(Label.parse("(U)"), Label.parse("(U)")))).isEqualTo(Label.UNCLASSIFIED);
        assertThat(kernel.rollUp(List.of(Label.parse("(U)"), Label.parse("(U//REL TO USA, JPN)"))).banner()).isEqualTo("UNCLASSIFIED//REL TO USA, JPN");
        assertThatThrownBy(() -> kernel.rollUp(List.of())).isInstanceOf(InvalidMarkingException.class);
        assertThatThrownBy(() -> kernel.rollUp(List.of(Label.parse("(//AUS OS//REL TO USA, AUS)"), Label.parse("(S//REL TO USA, AUS)"))))
                .hasMessageContaining("no agreed equivalent in the USA policy");
    }

    @Test
    void aUsRollUpNarrowedToTheOwnerSaysNoforn() {
        Label banner = kernel.rollUp(List.of(Label.parse("(C//REL TO USA, GBR)"), Label.parse("(S//REL TO USA, JPN)")));
        assertThat(banner.banner()).isEqualTo("SECRET//NOFORN");
        assertThat(banner.portionMark()).isEqualTo("(S//NF)");
        assertThat(kernel.rollUp(List.of(Label.parse("(S)"), Label.parse("(C//REL TO USA, JPN)"))).banner()).isEqualTo("SECRET//NOFORN");
        assertThat(kernel.rollUp(List.of(Label.parse("(U)"), Label.parse("(S)"), Label.parse("(C//REL TO USA, JPN)"))).banner()).isEqualTo("SECRET//NOFORN");
        // the same with originator, controls and an unclassified list
        assertThat(kernel.rollUp(List.of(Label.parse("(S//FGI JPN//REL TO USA, JPN)"), Label.parse("(C//FGI JPN//OC/REL TO GBR, JPN)"))).banner())
                .isEqualTo("SECRET//FGI JPN//ORCON/NOFORN");
        assertThat(kernel.rollUp(List.of(Label.parse("(U//REL TO USA, GBR)"), Label.parse("(U//REL TO USA, JPN)"))).banner()).isEqualTo("UNCLASSIFIED//NOFORN");
        // across policies on a US node: JPN is dropped by the US part, so only USA is left
        assertThat(kernel.rollUp(List.of(Label.parse("(S)"), Label.parse("(//JPN S//REL TO USA, JPN)"))).banner()).isEqualTo("SECRET//NOFORN");
        // parts that carried no releasability marking roll up as they were written: still the owner only
        assertThat(kernel.rollUp(List.of(Label.parse("(S)"), Label.parse("(S)"))).banner()).isEqualTo("SECRET");
        assertThat(kernel.rollUp(List.of(Label.parse("(S)"), Label.parse("(C)"), Label.parse("(U)"))).banner()).isEqualTo("SECRET");
        assertThat(kernel.rollUp(List.of(Label.parse("(S//FGI JPN)"), Label.parse("(C//FGI JPN)"))).banner()).isEqualTo("SECRET//FGI JPN");
        // a list that still names a partner is not narrowed
        assertThat(kernel.rollUp(List.of(Label.parse("(S//REL TO USA, GBR, JPN)"), Label.parse("(S//REL TO USA, JPN)"))).banner())
                .isEqualTo("SECRET//REL TO USA, JPN");
        // the JPN policy writes its own nation only as the bare level, as the node does for its own reports
        assertThat(kernel.rollUp(List.of(Label.parse("(//JPN S//REL TO USA, JPN)"), Label.parse("(//JPN C//REL TO GBR, JPN)"))).banner())
                .isEqualTo("//JPN SECRET");
        assertThat(kernel.rollUp(List.of(Label.parse("(//JPN S//NF)"), Label.parse("(//JPN C//REL TO GBR, JPN)"))).banner()).isEqualTo("//JPN SECRET//NOFORN");
        // decisions are those of the parts: the owner reads, no partner does
        for (Label l : List.of(banner, Label.parse("SECRET"))) {
            assertAllowed(l, usa());
            assertDenied(l, gbr(), "rule 2");
            assertDenied(l, jpn(), "rule 2");
        }
    }

    @Test
    void anUnmarkedClassifiedBannerStillCoversWhatItsNofornFormCovers() {
        // SECRET (unmarked, the owner only) raised over a list: the roll-up is SECRET//NOFORN, which decides the same
        assertThat(kernel.dominates(Label.parse("SECRET"), Label.parse("SECRET//REL TO USA, JPN"))).isTrue();
        assertThat(kernel.dominates(Label.parse("SECRET//NOFORN"), Label.parse("SECRET//REL TO USA, JPN"))).isTrue();
        assertThat(kernel.dominates(Label.parse("CONFIDENTIAL"), Label.parse("SECRET//REL TO USA, JPN"))).isFalse();
        assertThat(kernel.dominates(Label.parse("SECRET//REL TO USA, GBR"), Label.parse("SECRET//REL TO USA, JPN"))).isFalse();
    }

    @Test
    void rollUpAcrossPoliciesKeepsOnlyPartnersWhoCanReadEveryPart() {
        Label nato = Label.parse("(//NS//REL TO JPN, NATO)");
        Label us = Label.parse("(S//REL TO USA, GBR, JPN)");
        Label banner = kernel.rollUp(List.of(nato, us));
        // JPN is named by both, but has no NATO equivalence, so it cannot read the NATO part and is dropped.
        assertThat(banner.banner()).isEqualTo("SECRET//REL TO USA, GBR");
        assertThat(kernel.mayRead(banner, gbr())).isTrue();
        assertThat(kernel.mayRead(banner, jpn())).isFalse();
    }

    @Test
    void guardHonoursTheLinksAccreditedMaximum() {
        Label item = Label.parse("TOP SECRET//REL TO USA, JPN");
        List<Portion> portions = List.of(new Portion("p1", Label.parse("(TS//REL TO USA, JPN)")));
        assertThat(kernel.guard(item, portions, "JPN", "SECRET").withheld().getFirst().reason()).contains("accredited maximum SECRET");
        assertThat(kernel.guard(item, portions, "JPN", "TOP SECRET").allReleased()).isTrue();
        assertThatThrownBy(() -> kernel.guard(item, portions, "XYZ")).isInstanceOf(InvalidMarkingException.class);
    }

    @Test
    void manualReleaseNeedsTwoDistinctApprovals() {
        Label banner = Label.parse("SECRET//REL TO USA, JPN");
        List<Portion> portions = List.of(new Portion("s", Label.parse("(S//REL TO USA, JPN)")), new Portion("c", Label.parse("(C//REL TO USA, JPN)")));
        Link link = new Link("JPN", "TOP SECRET", "SECRET", 10_000);
        GuardResult one = kernel.guard(banner, portions, link, Set.of("usa.releaser"));
        assertThat(one.released()).extracting(Portion::id).containsExactly("c");
        assertThat(one.withheld().getFirst().reason()).contains("1 of two distinct approvals");
        assertThat(kernel.guard(banner, portions, link, Set.of("usa.releaser", " ")).released()).hasSize(1);
        assertThat(kernel.guard(banner, portions, link, Set.of("usa.releaser", "usa.officer")).allReleased()).isTrue();
        Label orcon = Label.parse("(C//OC/REL TO USA, JPN)");
        assertThat(kernel.guard(orcon, List.of(new Portion("o", orcon)), Link.to("JPN"), Set.of()).released()).isEmpty();
    }

    @Test
    void anItemOverTheLinksSizeLimitDoesNotLeaveAtAll() {
        Label banner = Label.parse("UNCLASSIFIED");
        List<Portion> portions = List.of(new Portion("a", Label.UNCLASSIFIED, "x".repeat(600)), new Portion("b", Label.UNCLASSIFIED, "y".repeat(600)));
        GuardResult r = kernel.guard(banner, portions, new Link("JPN", "SECRET", null, 1000), Set.of());
        assertThat(r.released()).isEmpty();
        assertThat(r.withheld().getFirst().reason()).contains("exceeds the link's limit of 1000");
        assertThat(kernel.guard(banner, portions, new Link("JPN", "SECRET", null, 2000), Set.of()).allReleased()).isTrue();
        assertThatThrownBy(() -> new Link("JPN", "OFFICIAL", null, 1000)).isInstanceOf(InvalidMarkingException.class);
        assertThatThrownBy(() -> new Link("CAN", "SECRET", null, 1000)).isInstanceOf(InvalidMarkingException.class);
    }

    @Test
    void equivalenceTablesNameTheirSourceAndAssumptions() {
        assertThat(kernel.equivalenceTables()).anySatisfy(t -> {
            assertThat(t.policyA() + "-" + t.policyB()).isEqualTo("USA-JPN");
            assertThat(t.source()).contains("GSOMIA");
        });
        assertThat(kernel.equivalenceTables()).extracting(t -> t.policyA() + "-" + t.policyB())
                .contains("USA-JPN", "USA-AUS", "USA-GBR", "USA-KOR", "JPN-AUS", "NATO-USA")
                .doesNotContain("JPN-KOR", "JPN-GBR");
        assertThat(kernel.equivalenceTables()).allSatisfy(t -> assertThat(t.assumption() ? t.note() : "n/a").isNotEmpty());
        assertThat(kernel.equivalentRank(Policy.of("USA"), Policy.of("USA").level("CONFIDENTIAL"), Policy.of("GBR")))
                .isEqualTo(Policy.of("GBR").level("SECRET").rank());
        assertThat(kernel.equivalentRank(Policy.of("AUS"), Policy.of("AUS").level("OFFICIAL:Sensitive"), Policy.of("USA"))).isEqualTo(-1);
    }
}
