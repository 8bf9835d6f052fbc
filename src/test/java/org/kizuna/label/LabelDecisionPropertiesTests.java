package org.kizuna.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import org.kizuna.label.internal.LabelData;

/**
 * The decision against a deliberately simple reference implementation (strings, sets and a walk over
 * the equivalence rows) on over a million random label/reader pairs, and roll-up safety: no reader may
 * read a roll-up without being able to read every part.
 */
class LabelDecisionPropertiesTests {

    private static final LocalDate DAY = LocalDate.parse("2025-06-01");
    private static final LabelKernel KERNEL = LabelKernel.standard().asOf(DAY);
    private static final List<String> REL_CODES = List.of("USA", "JPN", "AUS", "GBR", "KOR", "CAN", "NZL", "PHL", "FRA", "SWE", "FVEY", "NATO");
    private static final List<String> MISSIONS = List.of("KEEN EDGE", "KEEN SWORD", "ORIENT SHIELD");
    private static final java.util.concurrent.atomic.LongAdder PAIRS = new java.util.concurrent.atomic.LongAdder();
    private static final List<LabelData.TetragraphRow> MEMBERSHIP = LabelData.membership().tetragraphs();

    /** 1,000 tries x 40 labels x 25 readers = 1,000,000 pairs. */
    @Property(tries = 1000)
    void decisionMatchesTheReferenceImplementation(@ForAll @Size(40) List<@From("labels") Label> labels,
            @ForAll @Size(25) List<@From("readers") Reader> readers) {
        for (Reader r : readers) {
            Clearance c = KERNEL.clearance(r);
            for (Label l : labels) {
                boolean expected = reference(l, r);
                if (KERNEL.mayRead(l, c) != expected || KERNEL.mayRead(l, r) != expected) {
                    throw new AssertionError(l + " for " + r + ": kernel says " + KERNEL.mayRead(l, c) + ", reference " + expected);
                }
            }
        }
        PAIRS.add((long) labels.size() * readers.size());
        Label l = labels.getFirst();
        Reader r = readers.getFirst();
        Decision d = KERNEL.decide(l, r);
        assertThat(d.allowed()).isEqualTo(reference(l, r));
        assertThat(d.reason()).isNotBlank();
    }

    @AfterContainer
    static void atLeastAMillionPairsWereCompared() {
        if (PAIRS.sum() > 0) {
            assertThat(PAIRS.sum()).as("label/reader pairs compared with the reference").isGreaterThanOrEqualTo(1_000_000L);
        }
    }

    @Property(tries = 3000)
    void rollUpNeverYieldsALabelAPartCouldNotHave(@ForAll @Size(min = 1, max = 4) List<@From("labels") Label> parts,
            @ForAll @Size(20) List<@From("readers") Reader> readers) {
        Label rolled;
        try {
            rolled = KERNEL.rollUp(parts);
        } catch (InvalidMarkingException e) {
            boolean oneOwnerOnePolicy = parts.stream().allMatch(p -> p.owner().equals(parts.getFirst().owner()) && p.policy() == parts.getFirst().policy()
                    && p.permissiveTags().isEmpty() && p.communities().isEmpty());
            assertThat(oneOwnerOnePolicy).as("roll-up of one owner's parts must succeed: " + e.getMessage()).isFalse();
            return;
        }
        for (Label p : parts) {
            assertThat(rolled.controls()).containsAll(p.controls());
            if (p.policy() == rolled.policy()) {
                assertThat(rolled.level().rank()).isGreaterThanOrEqualTo(p.level().rank());
            }
            assertThat(rolled.permissiveTags().keySet()).containsAll(p.permissiveTags().keySet());
        }
        for (Reader r : readers) {
            if (KERNEL.mayRead(rolled, r)) {
                for (Label p : parts) {
                    assertThat(reference(p, r)).as("%s reads roll-up %s but not part %s", r, rolled, p).isTrue();
                }
            }
        }
        assertThat(Label.parse(rolled.banner())).isEqualTo(rolled);
    }

    /**
     * A US-policy roll-up that keeps the item with its owner says NOFORN whenever a part carried a
     * releasability marking, and stays unmarked when none did; either way it decides exactly as its
     * other owner-only form would, and it parses back from its banner and its portion mark.
     */
    @Property(tries = 3000)
    void aRollUpKeptWithItsOwnerSaysSoWhenAPartWasMarked(@ForAll @Size(min = 1, max = 4) List<@From("labels") Label> parts,
            @ForAll @Size(20) List<@From("readers") Reader> readers) {
        Label rolled;
        try {
            rolled = KERNEL.rollUp(parts);
        } catch (InvalidMarkingException e) {
            return;
        }
        boolean classified = rolled.level().classified();
        boolean ownerOnly = !rolled.hasReleasabilityList() && (rolled.isNoforn() || classified);
        boolean anyMarked = parts.stream().anyMatch(p -> p.hasReleasabilityList() || p.isNoforn());
        if (rolled.policy().id().equals("USA") && ownerOnly) {
            assertThat(rolled.isNoforn()).as("roll-up %s of %s", rolled, parts).isEqualTo(anyMarked || !classified);
        }
        if (ownerOnly && classified) {
            Label other = rolled.isNoforn() ? rolled.toBuilder().unmarked().build() : rolled.toBuilder().noforn().build();
            for (Reader r : readers) {
                assertThat(KERNEL.mayRead(other, r)).as("%s and %s for %s", rolled, other, r).isEqualTo(KERNEL.mayRead(rolled, r));
            }
        }
        assertThat(Label.parse(rolled.banner())).isEqualTo(rolled);
        assertThat(Label.parse(rolled.portionMark())).isEqualTo(rolled);
    }

    @Property(tries = 2000)
    void aLabelRollsUpToItself(@ForAll("labels") Label l) {
        assertThat(KERNEL.rollUp(List.of(l))).isEqualTo(l);
        assertThat(KERNEL.dominates(l, l)).isTrue();
    }

    @Property(tries = 2000)
    void everyLabelRendersAndParsesBackExactly(@ForAll("labels") Label l) {
        Label fromBanner = Label.parse(l.banner());
        Label fromPortion = Label.parse(l.portionMark());
        assertThat(fromBanner).isEqualTo(l);
        assertThat(fromPortion).isEqualTo(fromBanner);
        assertThat(Adatp4774.fromXml(Adatp4774.toXml(l))).isEqualTo(l);
    }

    @Example
    void theGeneratorsExerciseAllowAndEveryKindOfDeny() {
        List<Label> labels = labels().sampleStream().limit(2000).toList();
        List<Reader> readers = readers().sampleStream().limit(50).toList();
        assertThat(new HashSet<>(labels)).hasSizeGreaterThan(1000);
        Set<String> seen = new HashSet<>();
        for (Reader r : readers) {
            for (Label l : labels) {
                Decision d = KERNEL.decide(l, r);
                seen.add(d.allowed() ? "allow" : d.reason().substring(0, 6));
            }
        }
        assertThat(seen).contains("allow", "rule 1", "rule 2", "rule 3", "rule 4", "rule 6");
    }

    /** The rules written the slow, obvious way, independent of the kernel's bit sets and arrays. */
    static boolean reference(Label item, Reader r) {
        String itemPolicy = item.policy().id();
        String readerPolicy = r.nation();
        int mapped = -1;
        if (itemPolicy.equals(readerPolicy)) {
            mapped = item.level().rank();
        } else {
            for (EquivalenceTable t : KERNEL.equivalenceTables()) {
                for (List<String> row : t.rows()) {
                    if (t.policyA().equals(itemPolicy) && t.policyB().equals(readerPolicy) && row.get(0).equals(item.level().englishName())) {
                        mapped = Math.max(mapped, Policy.of(readerPolicy).level(row.get(1)).rank());
                    }
                    if (t.policyB().equals(itemPolicy) && t.policyA().equals(readerPolicy) && row.get(1).equals(item.level().englishName())) {
                        mapped = Math.max(mapped, Policy.of(readerPolicy).level(row.get(0)).rank());
                    }
                }
            }
        }
        if (mapped < 0 || Policy.of(readerPolicy).level(r.level()).rank() < mapped) return false;

        Set<String> releasable = null;
        if (item.hasReleasabilityList()) {
            releasable = new HashSet<>(item.releasableTo());
        } else if (item.isNoforn() || item.level().classified()) {
            releasable = new HashSet<>(Set.of(item.owner()));
        }
        if (releasable != null) {
            Set<String> expanded = new HashSet<>(releasable);
            for (LabelData.TetragraphRow t : MEMBERSHIP) {
                if (releasable.contains(t.code())) {
                    t.members().stream().filter(m -> m.memberOn(DAY)).forEach(m -> expanded.add(m.country()));
                }
            }
            if (!expanded.contains(r.nation())) return false;
        }
        if (!r.accesses().containsAll(item.controls())) return false;
        for (Map.Entry<String, SortedSet<String>> tag : item.permissiveTags().entrySet()) {
            if (Collections.disjoint(tag.getValue(), r.accesses())) return false;
        }
        return item.communities().isEmpty() || !Collections.disjoint(item.communities(), r.communities());
    }

    @Provide
    Arbitrary<Label> labels() {
        return LabelArbitraries.labels(REL_CODES, MISSIONS, List.of("JPN", "USA", "GBR"));
    }

    @Provide
    Arbitrary<Reader> readers() {
        return LabelArbitraries.readers(MISSIONS);
    }
}
