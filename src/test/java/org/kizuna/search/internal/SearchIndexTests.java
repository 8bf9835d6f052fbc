package org.kizuna.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kizuna.label.Clearance;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.search.Searchable;
import org.kizuna.search.Searchable.Part;
import org.kizuna.testing.Readers;

/**
 * The index on its own (no node): what a reader may not read is never matched, counted, scored or highlighted; scores
 * do not move when hidden parts are added; Japanese is found by morphological analysis and English by stemming.
 */
class SearchIndexTests {

    static final Label U = Label.UNCLASSIFIED;
    static final Label REL = Label.parse("SECRET//REL TO USA, JPN");
    static final Label NOFORN = Label.parse("SECRET//NOFORN");
    static final Instant T = Instant.parse("2026-03-01T00:00:00Z");

    final LabelKernel kernel = LabelKernel.standard();
    final SearchIndex index;

    SearchIndexTests() throws Exception {
        index = new SearchIndex(new ByteBuffersDirectory(), new SearchIndex.Settings(16, 0.5, 1000));
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    Predicate<Label> reads(Reader reader) {
        Clearance c = kernel.clearance(reader);
        return l -> kernel.mayRead(l, c);
    }

    static Searchable report(String id, Part... parts) {
        return new Searchable("report", id, "/intel/#" + id, T, List.of(parts));
    }

    SearchIndex.Found find(String q, Reader reader) {
        index.refresh();
        return index.search(q, Set.of(), reads(reader), 0, 20);
    }

    @Test
    void aWordOnlyInAHiddenPartIsNotFoundNorCounted() {
        index.put(report("IR-1", new Part("title", U, "Weekly summary"), new Part("portion-1", NOFORN, "The harpoon battery moved north.")));
        assertThat(find("harpoon", Readers.jpn()).total()).isZero();
        assertThat(find("harpoon", Readers.jpn()).records()).isEmpty();
        SearchIndex.Found usa = find("harpoon", Readers.usa());
        assertThat(usa.total()).isEqualTo(1);
        assertThat(usa.records().getFirst().matches().getFirst().snippet()).contains("<mark>harpoon</mark>");
    }

    @Test
    void aRecordWithAReadableAndAHiddenMatchShowsTheReadableOnly() {
        index.put(report("IR-2", new Part("title", NOFORN, "Kestrel secret title"), new Part("portion-1", REL, "Kestrel exercise near Okinawa."),
                new Part("portion-2", NOFORN, "Kestrel source is a liaison officer.")));
        SearchIndex.Found jpn = find("kestrel", Readers.jpn());
        assertThat(jpn.total()).isEqualTo(1);
        SearchIndex.FoundRecord r = jpn.records().getFirst();
        assertThat(r.title()).isNull();
        assertThat(r.matches()).extracting(m -> m.part().name()).containsExactly("portion-1");
        assertThat(r.matches()).allSatisfy(m -> assertThat(m.snippet()).doesNotContain("liaison").doesNotContain("secret title"));
        SearchIndex.FoundRecord usa = find("kestrel", Readers.usa()).records().getFirst();
        assertThat(usa.title()).isNotNull();
        assertThat(usa.matches()).extracting(m -> m.part().name()).containsExactly("title", "portion-1", "portion-2");
    }

    @Test
    void scoresForAReaderDoNotMoveWhenHiddenPartsAreAdded() {
        index.put(report("IR-3", new Part("portion-1", REL, "Amphibious landing rehearsal at Kin Blue beach.")));
        index.put(report("IR-4", new Part("portion-1", REL, "Landing craft maintenance; landing schedule slipped.")));
        SearchIndex.Found before = find("landing", Readers.jpn());
        for (int i = 0; i < 200; i++) {
            index.put(report("IR-H" + i, new Part("portion-1", NOFORN, "landing landing beach rehearsal " + "filler ".repeat(i % 30))));
        }
        SearchIndex.Found after = find("landing", Readers.jpn());
        assertThat(after.total()).isEqualTo(before.total()).isEqualTo(2);
        List<Float> b = new ArrayList<>(), a = new ArrayList<>();
        before.records().forEach(r -> b.add(r.score()));
        after.records().forEach(r -> a.add(r.score()));
        assertThat(a).isEqualTo(b);
        assertThat(after.records()).extracting(SearchIndex.FoundRecord::id).isEqualTo(before.records().stream().map(SearchIndex.FoundRecord::id).toList());
        assertThat(find("landing", Readers.usa()).total()).isEqualTo(202);
    }

    @Test
    void japaneseIsFoundByMorphologicalAnalysis() {
        index.put(report("IR-5", new Part("title", U, "統合作戦司令部の発足"), new Part("portion-1", REL, "統合作戦司令部は在日米軍と共同訓練を実施した。部隊は島を守った。")));
        assertThat(find("統合作戦司令部", Readers.jpn()).total()).isEqualTo(1);
        assertThat(find("司令部", Readers.jpn()).total()).isEqualTo(1);
        assertThat(find("訓練", Readers.jpn()).total()).isEqualTo(1);
        // 守った (past) is found by its dictionary form
        SearchIndex.Found verb = find("守る", Readers.jpn());
        assertThat(verb.total()).isEqualTo(1);
        assertThat(verb.records().getFirst().matches().getFirst().snippet()).contains("<mark>守っ</mark>");
        assertThat(find("司令官", Readers.jpn()).total()).isZero();
    }

    @Test
    void englishIsStemmedAndEveryWordMustMatch() {
        index.put(report("IR-6", new Part("portion-1", U, "Two exercises were held; <b>Resolute Dragon</b> ended.")));
        assertThat(find("exercise", Readers.jpn()).total()).isEqualTo(1);
        assertThat(find("Exercising dragon", Readers.jpn()).total()).isEqualTo(1);
        assertThat(find("exercise tiger", Readers.jpn()).total()).isZero();
        String snippet = find("dragons", Readers.jpn()).records().getFirst().matches().getFirst().snippet();
        assertThat(snippet).contains("&lt;b&gt;Resolute <mark>Dragon</mark>&lt;/b&gt;").doesNotContain("<b>");
    }

    @Test
    void aRemovedOrReplacedRecordIsGone() {
        index.put(report("IR-7", new Part("portion-1", U, "Osprey arrived")));
        assertThat(find("osprey", Readers.jpn()).total()).isEqualTo(1);
        index.put(new Searchable("report", "IR-7", "/intel/#IR-7", T.plusSeconds(1), List.of(new Part("portion-1", U, "Helicopter arrived"))));
        assertThat(find("osprey", Readers.jpn()).total()).isZero();
        // an older version does not replace a newer one
        index.putBuilt(report("IR-7", new Part("portion-1", U, "Osprey arrived")));
        assertThat(find("osprey", Readers.jpn()).total()).isZero();
        index.remove("report", "IR-7");
        assertThat(find("helicopter", Readers.jpn()).total()).isZero();
    }

    @Test
    void queriesAreBoundedAndNeverSyntax() {
        index.put(report("IR-8", new Part("portion-1", U, "AND OR NOT (title:x) \"quoted\" * ? ~ ^")));
        assertThat(find("title:x AND (", Readers.jpn()).total()).isEqualTo(1);
        assertThat(find("*", Readers.jpn()).total()).isZero();
        assertThatThrownBy(() -> find(" ", Readers.jpn())).hasMessage(QueryText.LENGTH);
        assertThatThrownBy(() -> find("x".repeat(201), Readers.jpn())).hasMessage(QueryText.LENGTH);
        assertThatThrownBy(() -> find("a ".repeat(17), Readers.jpn())).hasMessage(QueryText.WORDS);
    }
}
