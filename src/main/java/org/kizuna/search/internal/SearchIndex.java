package org.kizuna.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.search.Searchable;

/**
 * The search index: one Lucene document per labelled part of a record, its text analysed as Japanese and as
 * English. The index holds the set of distinct labels of its parts; a query is first restricted to the labels the
 * reader may read (a filter on the label field), so a part the reader may not read is never matched, scored,
 * counted or highlighted, and scores use {@link OwnDocumentSimilarity}, which no other part influences. Matching
 * parts are grouped into their records; the total is the number of records with at least one. Records are replaced
 * whole (every part of a kind and id at once) and become visible to queries within {@code refreshSeconds}.
 */
public final class SearchIndex implements Closeable {

    static final String REC = "rec", KIND = "kind", ID = "id", LINK = "link", PART = "part", ORD = "ord", LABEL = "label", TITLE = "title",
            RECNO = "recno", UPDATED = "updated", TEXT = "text", TITLE_ORD = "tord";
    private static final String YES = "1";
    /** Snippets per hit, at most (every matching part is named in the hit). */
    static final int SNIPPETS = 3;

    /**
     * The index's settings.
     *
     * @param ramBufferMb    the writer's buffer before it flushes a segment
     * @param refreshSeconds a change is visible to queries within this time
     * @param maxLabels      at most this many distinct labels in the index (a record that would add more is not indexed)
     */
    public record Settings(int ramBufferMb, double refreshSeconds, int maxLabels) {
    }

    /** What a query found: the number of records and the requested page of them. */
    public record Found(long total, List<FoundRecord> records) {
    }

    /**
     * A record that matched: the newest change among its matching readable parts, its readable title part (or null),
     * and its matching readable parts in their order, each with its snippet (the first {@link #SNIPPETS} only; null for
     * the others).
     */
    public record FoundRecord(String kind, String id, String link, Instant updated, float score, Searchable.@Nullable Part title,
            List<Match> matches) {
    }

    /** A part that matched and its snippet. */
    public record Match(Searchable.Part part, @Nullable String snippet) {
    }

    private record Entry(long recno, Instant updated) {
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
    private final Analyzer japanese = Analyzers.japanese(), english = Analyzers.english();
    private final Settings settings;
    private final Map<String, Label> labels = new ConcurrentHashMap<>();
    private final Map<Label, String> keys = new ConcurrentHashMap<>();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Set<String> removedWhileBuilding = ConcurrentHashMap.newKeySet();
    private final AtomicLong recnos = new AtomicLong();
    private volatile boolean building;

    public SearchIndex(Directory directory, Settings settings) throws IOException {
        this.directory = directory;
        this.settings = settings;
        OwnDocumentSimilarity similarity = new OwnDocumentSimilarity();
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField(japanese, english)).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(settings.ramBufferMb()).setSimilarity(similarity).setCommitOnClose(false);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader, org.apache.lucene.index.@Nullable IndexReader previous) {
                IndexSearcher s = new IndexSearcher(reader);
                s.setSimilarity(similarity);
                s.setQueryCache(null);
                return s;
            }
        });
        this.reopener = new ControlledRealTimeReopenThread<>(writer, searchers, settings.refreshSeconds(), Math.min(0.05, settings.refreshSeconds()));
        reopener.setName("search-index-refresh");
        reopener.setDaemon(true);
        reopener.start();
    }

    /** From now until {@link #built()}, records given by {@link #putBuilt} never replace newer ones nor bring back removed ones. */
    public void building() {
        removedWhileBuilding.clear();
        building = true;
    }

    /** The build is over. */
    public void built() {
        building = false;
        removedWhileBuilding.clear();
        refresh();
    }

    /** A record as a module published it changed: replaces every part of its kind and id, unless the index holds a newer version. */
    public boolean put(Searchable record) {
        removedWhileBuilding.remove(key(record.kind(), record.id()));
        return write(record);
    }

    /** A record read from its source while building: skipped when a newer version was put meanwhile or it was removed meanwhile. */
    public boolean putBuilt(Searchable record) {
        if (building && removedWhileBuilding.contains(key(record.kind(), record.id()))) return false;
        return write(record);
    }

    private boolean write(Searchable record) {
        String key = key(record.kind(), record.id());
        boolean[] written = {false};
        entries.compute(key, (k, old) -> {
            if (old != null && old.updated().isAfter(record.updated())) return old;
            long recno = old != null ? old.recno() : recnos.getAndIncrement();
            List<Document> docs = documents(record, k, recno);
            try {
                writer.updateDocuments(new Term(REC, k), docs);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written[0] = true;
            return new Entry(recno, record.updated());
        });
        return written[0];
    }

    /** Forgets every part of the record. */
    public void remove(String kind, String id) {
        String key = key(kind, id);
        if (building) removedWhileBuilding.add(key);
        entries.compute(key, (k, old) -> {
            try {
                writer.deleteDocuments(new Term(REC, k));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    /** Makes every change so far visible to queries now (a query sees them within {@code refreshSeconds} anyway). */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many records the index holds. */
    public int records() {
        return entries.size();
    }

    /** How many distinct labels the index's parts carry. */
    public int labels() {
        return labels.size();
    }

    private static String key(String kind, String id) {
        return kind + "/" + id;
    }

    private List<Document> documents(Searchable record, String key, long recno) {
        List<Document> docs = new ArrayList<>(record.parts().size());
        int titleOrd = -1;
        for (int i = 0; i < record.parts().size() && titleOrd < 0; i++) {
            if (record.parts().get(i).name().equals("title")) titleOrd = i;
        }
        int ord = 0;
        for (Searchable.Part p : record.parts()) {
            String banner = labelKey(p.label(), key);
            Document d = new Document();
            d.add(new StringField(REC, key, Field.Store.NO));
            d.add(new StringField(KIND, record.kind(), Field.Store.YES));
            d.add(new StoredField(ID, record.id()));
            d.add(new StoredField(LINK, record.link()));
            d.add(new StoredField(PART, p.name()));
            d.add(new StoredField(ORD, ord++));
            d.add(new StoredField(LABEL, banner));
            d.add(new SortedDocValuesField(LABEL, new BytesRef(banner)));
            if (ord - 1 == titleOrd) d.add(new StringField(TITLE, YES, Field.Store.NO));
            d.add(new StoredField(TITLE_ORD, titleOrd));
            d.add(new NumericDocValuesField(RECNO, recno));
            // the part's own last change ranks equal scores: the record's would move with parts another reader may not read
            long changed = (p.changed() != null ? p.changed() : record.updated()).toEpochMilli();
            d.add(new NumericDocValuesField(UPDATED, changed));
            d.add(new StoredField(UPDATED, changed));
            d.add(new StoredField(TEXT, p.text()));
            d.add(new TextField(Analyzers.JA, p.text(), Field.Store.NO));
            d.add(new TextField(Analyzers.EN, p.text(), Field.Store.NO));
            docs.add(d);
        }
        return docs;
    }

    /**
     * The key of a label in the index: its banner, unless another label of the same banner (which the decision could
     * tell apart) came first, then the banner and a number. Labels are never forgotten (a node has few).
     */
    private String labelKey(Label label, String record) {
        String known = keys.get(label);
        if (known != null) return known;
        synchronized (keys) {
            known = keys.get(label);
            if (known != null) return known;
            if (labels.size() >= settings.maxLabels()) {
                throw new IllegalStateException("the search index holds " + settings.maxLabels() + " distinct labels already; record " + record
                        + " is not indexed");
            }
            String k = labels.containsKey(label.banner()) ? label.banner() + "#" + labels.size() : label.banner();
            labels.put(k, label);
            keys.put(label, k);
            return k;
        }
    }

    /**
     * The records that match {@code text} in parts whose label {@code mayRead} allows, a page of them best first. The
     * labels are decided before Lucene sees the query: the query is restricted to the readable ones.
     *
     * @param kinds the kinds to search; empty for all
     */
    public Found search(String text, Collection<String> kinds, Predicate<Label> mayRead, int page, int size) {
        QueryText.Parsed parsed = QueryText.parse(text, japanese, english);
        List<BytesRef> readable = new ArrayList<>();
        Set<String> readableBanners = new java.util.HashSet<>();
        labels.forEach((banner, label) -> {
            if (mayRead.test(label)) {
                readable.add(new BytesRef(banner));
                readableBanners.add(banner);
            }
        });
        if (parsed.query() == null || readable.isEmpty()) return new Found(0, List.of());
        // the readable labels, checked by doc value on each candidate of the words before it is matched further or scored
        Query labelFilter = SortedDocValuesField.newSlowSetQuery(LABEL, readable);
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(parsed.query(), Occur.MUST).add(labelFilter, Occur.FILTER);
        if (!kinds.isEmpty()) q.add(new TermInSetQuery(KIND, kinds.stream().map(BytesRef::new).toList()), Occur.FILTER);
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Hits hits = searcher.search(q.build(), new HitsManager());
            RecordTally tally = hits.tally;
            int from = page * size;
            if (from >= tally.size) return new Found(tally.size, List.of());
            int[] top = top(tally, from + size);
            int[] pageSlots = Arrays.copyOfRange(top, from, Math.min(top.length, from + size));
            Map<Integer, List<Integer>> docs = new HashMap<>();
            for (int s : pageSlots) docs.put(s, new ArrayList<>());
            for (int i = 0; i < hits.count; i++) {
                List<Integer> l = docs.get(hits.slot[i]);
                if (l != null) l.add(hits.doc[i]);
            }
            StoredFields stored = searcher.storedFields();
            List<FoundRecord> records = new ArrayList<>(pageSlots.length);
            for (int s : pageSlots) {
                records.add(record(searcher, stored, docs.getOrDefault(s, List.of()), tally.best[s], tally.updated[s], labelFilter, readableBanners,
                        parsed));
            }
            return new Found(tally.size, records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** Gives a searcher back; a failure is logged rather than thrown over what the search itself threw or returned. */
    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(SearchIndex.class).warn("search: a searcher could not be released: {}", e.getMessage());
        }
    }

    /** The first {@code n} slots in rank order. */
    private static int[] top(RecordTally tally, int n) {
        Comparator<Integer> rank = tally::compare;
        PriorityQueue<Integer> worstFirst = new PriorityQueue<>(Math.min(n, tally.size) + 1, rank.reversed());
        for (int s = 0; s < tally.size; s++) {
            if (worstFirst.size() < n) {
                worstFirst.add(s);
            } else if (tally.compare(s, worstFirst.peek()) < 0) {
                worstFirst.poll();
                worstFirst.add(s);
            }
        }
        int[] out = new int[worstFirst.size()];
        for (int i = out.length - 1; i >= 0; i--) out[i] = worstFirst.poll();
        return out;
    }

    private FoundRecord record(IndexSearcher searcher, StoredFields stored, List<Integer> docs, float score, long changed, Query labelFilter,
            Set<String> readableBanners, QueryText.Parsed parsed) throws IOException {
        List<Document> parts = new ArrayList<>(docs.size());
        for (int d : docs) parts.add(stored.document(d));
        Document first = parts.getFirst();
        int firstDoc = docs.getFirst();
        parts.sort(Comparator.comparingInt(d -> d.getField(ORD).numericValue().intValue()));
        String kind = first.get(KIND), id = first.get(ID);
        return new FoundRecord(kind, id, first.get(LINK), Instant.ofEpochMilli(changed), score,
                title(searcher, stored, first, firstDoc, labelFilter, readableBanners), matches(parts, parsed));
    }

    /**
     * The record's title part if the reader may read it. A record's parts are indexed as one block of consecutive
     * documents (merges keep blocks whole and in order), so the title is found by its place in the block, and checked;
     * should the check fail, by a query restricted to the readable labels.
     */
    private Searchable.@Nullable Part title(IndexSearcher searcher, StoredFields stored, Document matched, int matchedDoc, Query labelFilter,
            Set<String> readableBanners) throws IOException {
        int titleOrd = matched.getField(TITLE_ORD).numericValue().intValue();
        if (titleOrd < 0) return null;
        int titleDoc = matchedDoc - matched.getField(ORD).numericValue().intValue() + titleOrd;
        if (titleDoc >= 0 && titleDoc < searcher.getIndexReader().maxDoc()) {
            Document d = stored.document(titleDoc);
            if (matched.get(ID).equals(d.get(ID)) && matched.get(KIND).equals(d.get(KIND)) && "title".equals(d.get(PART))
                    && d.getField(ORD).numericValue().intValue() == titleOrd) {
                return readableBanners.contains(d.get(LABEL)) ? part(d) : null;
            }
        }
        Query titleQuery = new BooleanQuery.Builder().add(new TermQuery(new Term(REC, key(matched.get(KIND), matched.get(ID)))), Occur.FILTER)
                .add(new TermQuery(new Term(TITLE, YES)), Occur.FILTER).add(labelFilter, Occur.FILTER).build();
        TopDocs title = searcher.search(titleQuery, 1);
        return title.scoreDocs.length == 0 ? null : part(stored.document(title.scoreDocs[0].doc));
    }

    private List<Match> matches(List<Document> parts, QueryText.Parsed parsed) {
        List<Match> matches = new ArrayList<>(parts.size());
        for (Document d : parts) {
            Searchable.Part p = part(d);
            String snippet = matches.size() < SNIPPETS ? Snippets.of(p.text(), parsed.japaneseTerms(), parsed.englishTerms(), japanese, english) : null;
            matches.add(new Match(p, snippet));
        }
        return matches;
    }

    private Searchable.Part part(Document d) {
        Label label = labels.get(d.get(LABEL));
        if (label == null) throw new IllegalStateException("a part's label is not in the index's labels");
        return new Searchable.Part(d.get(PART), label, d.get(TEXT));
    }

    /** Every matching part: its document, its record's slot in the tally. */
    private static final class Hits {
        final RecordTally tally = new RecordTally();
        int[] doc = new int[256];
        int[] slot = new int[256];
        int count;

        void add(int d, int s) {
            if (count == doc.length) {
                doc = Arrays.copyOf(doc, count * 2);
                slot = Arrays.copyOf(slot, count * 2);
            }
            doc[count] = d;
            slot[count++] = s;
        }
    }

    /** One collector for the whole (sequential) search; {@link IndexSearcher} without an executor searches in one slice. */
    private static final class HitsManager implements CollectorManager<Collector, Hits> {
        private final Hits hits = new Hits();
        private boolean created;

        @Override
        public Collector newCollector() {
            if (created) throw new IllegalStateException("the search index collects in one slice");
            created = true;
            return new Collector() {
                @Override
                public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                    NumericDocValues recno = context.reader().getNumericDocValues(RECNO);
                    NumericDocValues updated = context.reader().getNumericDocValues(UPDATED);
                    int base = context.docBase;
                    return new LeafCollector() {
                        private @Nullable Scorable scorer;

                        @Override
                        public void setScorer(Scorable s) {
                            this.scorer = s;
                        }

                        @Override
                        public void collect(int doc) throws IOException {
                            if (recno == null || updated == null || scorer == null || !recno.advanceExact(doc)) return;
                            int s = hits.tally.add(recno.longValue(), scorer.score());
                            long changed = updated.advanceExact(doc) ? updated.longValue() : 0;
                            if (s < 0) {
                                s = -1 - s;
                                hits.tally.updated[s] = changed;
                            } else if (changed > hits.tally.updated[s]) {
                                hits.tally.updated[s] = changed;
                            }
                            hits.add(base + doc, s);
                        }
                    };
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE;
                }
            };
        }

        @Override
        public Hits reduce(Collection<Collector> collectors) {
            return hits;
        }
    }

    /** Stops the refresher and drops the index (nothing is committed: the index is rebuilt from the records at start). */
    @Override
    public void close() throws IOException {
        reopener.close();
        searchers.close();
        writer.rollback();
        directory.close();
    }
}
