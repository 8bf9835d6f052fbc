package org.kizuna.plans.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kizuna.label.Clearance;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.plans.PlanKind;
import org.kizuna.plans.Section;
import org.kizuna.plans.VersionStatus;
import org.kizuna.search.internal.SearchIndex;
import org.kizuna.testing.Readers;

/**
 * The order of equally scored plan hits depends only on the sections the reader may read: a new version that changes
 * a NOFORN section (the plan's last change) moves the plan up for a USA reader and leaves a JPN reader's order alone;
 * so does a new version on a replica, whose history does not name the sections a change touched.
 */
class PlanSearchOrderLeakTests {

    static final Label REL = Label.parse("SECRET//REL TO USA, JPN");
    static final Label NOFORN = Label.parse("SECRET//NOFORN");
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    final LabelKernel kernel = LabelKernel.standard();
    final SearchIndex index;

    PlanSearchOrderLeakTests() throws Exception {
        index = new SearchIndex(new ByteBuffersDirectory(), new SearchIndex.Settings(16, 0.5, 1000));
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    static Stored.Version version(int n, Instant at, Section... sections) {
        return new Stored.Version(n, VersionStatus.DRAFT, "h" + n, "usa.officer", at, at, List.of(sections), Map.of());
    }

    static Stored plan(String id, Instant created, List<Stored.Version> versions, boolean withHistory) {
        List<Stored.History> history = new ArrayList<>();
        if (withHistory) {
            for (Stored.Version v : versions) {
                List<Stored.SectionChange> changes = new ArrayList<>();
                Stored.Version before = v.number() > 1 ? versions.get(v.number() - 2) : null;
                for (Section s : v.sections()) {
                    if (before == null || !before.sections().contains(s)) changes.add(new Stored.SectionChange(s.key(), "CHANGED", s.heading(), s.label()));
                }
                history.add(new Stored.History(history.size() + 1, v.createdAt(), "usa.officer", "NEW_VERSION", v.number(), null, changes));
            }
        }
        Instant updated = versions.getLast().createdAt();
        return new Stored(id, "Plan " + id, REL, PlanKind.EXERCISE, "salt", 3, List.of(new Stored.Nation("USA", "usa.officer")), "usa.officer", created,
                updated, versions, history, withHistory ? null : "USA", true, List.of());
    }

    static Section readable(String place) {
        return new Section("s1", "Lift", REL, "Osprey lift from " + place + ".");
    }

    static Section hidden(String text) {
        return new Section("s2", "Sources", NOFORN, "Osprey " + text);
    }

    List<String> order(Reader reader) {
        index.refresh();
        Clearance c = kernel.clearance(reader);
        return index.search("osprey", Set.of(), l -> kernel.mayRead(l, c), 0, 20).records().stream().map(SearchIndex.FoundRecord::id).toList();
    }

    void check(boolean withHistory) {
        Stored.Version a1 = version(1, T0.plusSeconds(60), readable("Kadena"), hidden("source one."));
        index.put(PlanService.searchable(plan("PL-A", T0, List.of(a1), withHistory)));
        index.put(PlanService.searchable(plan("PL-B", T0,
                List.of(version(1, T0.plusSeconds(120), readable("Iwakuni"), hidden("source one."))), withHistory)));
        List<String> jpnBefore = order(Readers.jpn());
        assertThat(jpnBefore).containsExactly("PL-B", "PL-A");
        assertThat(order(Readers.usa())).containsExactly("PL-B", "PL-A");

        // PL-A's version 2 changes only its NOFORN section, an hour later
        index.put(PlanService.searchable(plan("PL-A", T0, List.of(a1, version(2, T0.plusSeconds(3600), readable("Kadena"), hidden("source two."))),
                withHistory)));
        assertThat(order(Readers.usa())).as("a reader of the changed section sees PL-A changed last").containsExactly("PL-A", "PL-B");
        assertThat(order(Readers.jpn())).as("JPN's order tells nothing of the hidden change").isEqualTo(jpnBefore);
    }

    @Test
    void aNewVersionChangingOnlyAHiddenSectionDoesNotMoveThePlanForJpn() {
        check(true);
    }

    @Test
    void norOnAReplicaWhoseHistoryNamesNoSections() {
        check(false);
    }
}
