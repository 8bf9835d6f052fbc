package org.kizuna.search.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kizuna.label.Clearance;
import org.kizuna.label.InvalidMarkingException;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Labelled;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.kizuna.search.SearchPage;
import org.kizuna.search.Searchable;

/**
 * One search of one reader, from the decision to the page: the reader's clearance is compiled once and decides every
 * distinct label of the index; the index searches the readable ones only; the parts it returns (the matching ones and
 * the title) pass through the read path as one audited query, naming each as {@code kind/id#part}, and only what the
 * read path gives becomes the page.
 */
public final class ReadableSearch {

    private final SearchIndex index;
    private final ReadPath readPath;
    private final LabelKernel kernel;

    public ReadableSearch(SearchIndex index, ReadPath readPath) {
        this.index = index;
        this.readPath = readPath;
        this.kernel = readPath.kernel();
    }

    /** A part as the audit entry names it. */
    private record Given(String record, Searchable.Part part) implements Labelled {
        @Override
        public Label label() {
            return part.label();
        }

        String id() {
            return record + "#" + part.name();
        }
    }

    /** The roll-up of what a hit shows; where parts of policies without an equivalent cannot be rolled up, the highest part's. */
    private String banner(Set<Label> shown) {
        try {
            return kernel.rollUp(shown).banner();
        } catch (InvalidMarkingException e) {
            return shown.stream().max(java.util.Comparator.comparingInt(l -> l.level().rank())).orElseThrow().banner();
        }
    }

    /** A page of the records matching {@code query} (checked by the caller: {@link NodeSearch#refusal}) for the reader. */
    public SearchPage search(Reader reader, String query, Set<String> kinds, int page, int size) {
        String q = query.strip();
        Set<String> sortedKinds = new TreeSet<>(kinds);
        String asked = "search?q=" + q + (sortedKinds.isEmpty() ? "" : "&kind=" + String.join(",", sortedKinds)) + "&page=" + page + "&size=" + size;
        try (ReadPath.Query audit = readPath.query(reader, asked)) {
            Clearance clearance = kernel.clearance(reader);
            SearchIndex.Found found = index.search(q, sortedKinds, label -> kernel.mayRead(label, clearance), page, size);
            List<Given> offered = new ArrayList<>();
            for (SearchIndex.FoundRecord r : found.records()) {
                String rec = r.kind() + "/" + r.id();
                Searchable.Part title = r.title();
                if (title != null && r.matches().stream().noneMatch(m -> m.part().name().equals(title.name()))) offered.add(new Given(rec, title));
                for (SearchIndex.Match m : r.matches()) offered.add(new Given(rec, m.part()));
            }
            Map<String, Set<String>> allowed = new HashMap<>();
            for (Given g : audit.readable(offered, Given::id)) {
                allowed.computeIfAbsent(g.record(), k -> new HashSet<>()).add(g.part().name());
            }
            List<SearchPage.Hit> hits = new ArrayList<>();
            for (SearchIndex.FoundRecord r : found.records()) {
                Set<String> may = allowed.getOrDefault(r.kind() + "/" + r.id(), Set.of());
                List<String> parts = new ArrayList<>(), snippets = new ArrayList<>();
                Set<Label> shown = new java.util.LinkedHashSet<>();
                for (SearchIndex.Match m : r.matches()) {
                    if (!may.contains(m.part().name())) continue;
                    parts.add(m.part().name());
                    shown.add(m.part().label());
                    String snippet = m.snippet();
                    if (snippet != null) snippets.add(snippet);
                }
                if (parts.isEmpty()) continue;
                Searchable.Part title = r.title();
                String titleText = null;
                if (title != null && may.contains(title.name())) {
                    shown.add(title.label());
                    titleText = title.text();
                }
                hits.add(new SearchPage.Hit(r.kind(), r.id(), r.link(), titleText, snippets, parts, r.score(), banner(shown)));
            }
            return new SearchPage(q, found.total(), page, size, hits);
        }
    }
}
