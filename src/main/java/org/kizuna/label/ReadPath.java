package org.kizuna.label;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one path by which labelled items reach a reader. Every module that hands out labelled items
 * passes them through here (an architecture test enforces it): lists keep only what the reader may
 * read, so counts, totals and search hits never include the rest, and a single item the reader may
 * not read is simply absent, so callers answer "not found", never "forbidden".
 *
 * <p>Reads are offered to the {@link ReadDecisionListener}s (the audit log is one) once per
 * <em>query</em>, never once per item: a {@link Query} names what the reader asked for and collects
 * the ids of the items it was given; closing it offers one {@link ReadQuery}. What a query offers
 * depends only on what was asked and on the items the reader may read, so the audit trail grows alike
 * whether or not items the reader may not read exist: a list with hidden items, a single read of a
 * hidden id and of an id that does not exist all look the same. A stream ({@link #subscribe}) is
 * offered once, when it opens, and never per item.
 */
public final class ReadPath {

    private final LabelKernel kernel;
    private final String nodeNation;
    private final List<ReadDecisionListener> listeners;

    /** The read path of a node of {@code nodeNation} (the nation whose auditors audit every reader's queries). */
    public ReadPath(LabelKernel kernel, String nodeNation, List<ReadDecisionListener> listeners) {
        this.kernel = kernel;
        this.nodeNation = Policy.ofNation(nodeNation).map(p -> nodeNation)
                .orElseThrow(() -> InvalidMarkingException.of("label.invalid.node-policy", nodeNation));
        this.listeners = List.copyOf(listeners);
    }

    /** The node's kernel, for callers that need roll-ups or the guard. */
    public LabelKernel kernel() {
        return kernel;
    }

    /**
     * Opens a query of the reader for {@code asked} (such as {@code booking/requests?unit=X} or
     * {@code registry/facility/camp-asaka}); every item decided through it counts for this one query.
     * Use it in try-with-resources: closing offers the query to the listeners once (a listener may
     * refuse the read by throwing, for example when the audit log cannot record it; the read then fails).
     */
    public Query query(Reader reader, String asked) {
        return new Query(reader, asked);
    }

    /** The items the reader may read, in their order, as one query for {@code asked}. {@code id} names an item in the audit trail. */
    public <T extends Labelled> List<T> readable(Collection<T> items, Reader reader, Function<T, String> id, String asked) {
        try (Query q = query(reader, asked)) {
            return q.readable(items, id);
        }
    }

    /**
     * The item if the reader may read it, as one query for {@code asked}; empty both when it does not
     * exist and when it may not be read, and recorded alike in both cases.
     */
    public <T extends Labelled> Optional<T> readable(Optional<T> item, Reader reader, Function<T, String> id, String asked) {
        try (Query q = query(reader, asked)) {
            return q.readable(item, id);
        }
    }

    /**
     * Opens a stream of items for the reader (server-sent events, a feed): offered to the listeners
     * once now, as a query for {@code asked}; the items later decided through the subscription are not
     * offered one by one, so nothing about items the reader may not read shows in the audit trail.
     */
    public Subscription subscribe(Reader reader, String asked) {
        try (Query q = query(reader, asked)) {
            q.outcome = "subscribed";
        }
        return new Subscription(kernel, reader);
    }

    /**
     * The label a record of the reader's query carries: the node's policy at the reader's level,
     * releasable to the node's nation and the reader's nation only (NOFORN for the node's own readers),
     * with the reader's restrictive controls; so exactly the auditors who could read whatever the reader
     * could may read it, and who read what stays with them. Rolled up with the labels of the items it
     * names, so a record never names an item under a lower label.
     */
    Label recordLabel(Reader reader, Collection<Label> named) {
        Policy node = Policy.of(nodeNation);
        Label.Builder b;
        try {
            Policy own = Policy.ofNation(reader.nation()).orElseThrow(() -> InvalidMarkingException.of("label.invalid.no-policy-short"));
            int rank = kernel.equivalentRank(own, own.level(reader.level()), node);
            List<Level> levels = node.levels();
            Level level = rank < 0 ? levels.getLast() : levels.stream().filter(l -> l.rank() == rank).findFirst().orElse(levels.getLast());
            b = Label.builder(node, level.englishName()).owner(nodeNation);
            if (reader.nation().equals(nodeNation)) {
                b.noforn();
            } else {
                b.relTo(nodeNation, reader.nation());
            }
            for (String access : reader.accesses()) {
                if (Vocabulary.INSTANCE.controlByName(access) >= 0) {
                    b.controls(access);
                }
            }
        } catch (InvalidMarkingException e) {
            b = Label.builder(node, node.levels().getLast().englishName()).owner(nodeNation).noforn();
        }
        Label ceiling = b.build();
        if (named.isEmpty()) {
            return ceiling;
        }
        Set<Label> parts = new LinkedHashSet<>();
        parts.add(ceiling);
        parts.addAll(named);
        try {
            return kernel.rollUp(parts);
        } catch (InvalidMarkingException e) {
            return Label.builder(node, node.levels().getLast().englishName()).owner(nodeNation).noforn().build();
        }
    }

    /**
     * One query of one reader: decide items through it, then close it (once) to offer it to the
     * listeners. Not for use by several threads at once.
     */
    public final class Query implements AutoCloseable {
        private final Reader reader;
        private final String asked;
        private final Clearance clearance;
        private final List<String> ids = new ArrayList<>();
        private final Set<Label> labels = new LinkedHashSet<>();
        private boolean closed;
        private String outcome = "";

        private Query(Reader reader, String asked) {
            if (asked == null || asked.isBlank()) {
                throw new IllegalArgumentException("a query names what the reader asked for");
            }
            this.reader = reader;
            this.asked = asked;
            this.clearance = kernel.clearance(reader);
        }

        /** The items the reader may read, in their order; the others leave no trace in the query. */
        public <T extends Labelled> List<T> readable(Collection<T> items, Function<T, String> id) {
            List<T> out = new ArrayList<>(items.size());
            for (T item : items) {
                if (kernel.mayRead(item.label(), clearance)) {
                    out.add(item);
                    given(item, id);
                }
            }
            return out;
        }

        /** The item if the reader may read it; empty alike when it does not exist and when it may not be read. */
        public <T extends Labelled> Optional<T> readable(Optional<T> item, Function<T, String> id) {
            if (item.isEmpty() || !kernel.mayRead(item.get().label(), clearance)) {
                return Optional.empty();
            }
            given(item.get(), id);
            return item;
        }

        private <T extends Labelled> void given(T item, Function<T, String> id) {
            if (!listeners.isEmpty()) {
                ids.add(id.apply(item));
                labels.add(item.label());
            }
        }

        /** Offers the query to the listeners, once. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (listeners.isEmpty()) {
                return;
            }
            ReadQuery q = new ReadQuery(reader, asked, outcome.isEmpty() ? (ids.isEmpty() ? "nothing readable" : "returned " + ids.size()) : outcome,
                    List.copyOf(ids), recordLabel(reader, labels));
            for (ReadDecisionListener l : listeners) {
                l.decided(q);
            }
        }
    }

    /** A reader's stream: decides each item for the reader without offering it to the listeners. */
    public static final class Subscription {
        private final LabelKernel kernel;
        private final Reader reader;
        private final Clearance clearance;

        private Subscription(LabelKernel kernel, Reader reader) {
            this.kernel = kernel;
            this.reader = reader;
            this.clearance = kernel.clearance(reader);
        }

        public Reader reader() {
            return reader;
        }

        /** Whether the item may be delivered to this reader. */
        public boolean mayRead(Labelled item) {
            return kernel.mayRead(item.label(), clearance);
        }
    }

    /**
     * One query as the audit trail records it: who asked, what, the outcome ({@code returned 3},
     * {@code nothing readable}, {@code subscribed}), the ids of the items the reader was given, and the
     * label the record needs ({@link #recordLabel}). Nothing in it depends on items the reader may not read.
     */
    public record ReadQuery(Reader reader, String asked, String outcome, List<String> given, Label label) {
    }

    /** Receives every query (the audit log records them); must be fast; may refuse the read by throwing. */
    public interface ReadDecisionListener {
        void decided(ReadQuery query);
    }
}
