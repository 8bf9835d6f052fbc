package org.kizuna.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * A record as the search sees it: what kind it is ({@code report}, {@code plan}, {@code commitment}), its id, the
 * console path that shows it, when it last changed, and its text in labelled parts (a report's title and portions,
 * a plan's sections, a commitment's text). Each part is searched, counted and highlighted only for readers who may
 * read that part; a record none of whose parts the reader may read is no hit at all.
 *
 * @param kind    the kind of record, a lower-case word
 * @param id      the record's id within its kind
 * @param link    the console path that shows the record, such as {@code /intel/#IR-123}
 * @param updated when the record last changed (a version older than the one indexed is ignored); never ranks a hit, since
 *                a change of a part one reader may not read would move it for every reader (a part's own {@code changed} does)
 * @param parts   the record's text, each part under its own label; the first part named {@code title} is the
 *                record's title where the reader may read it
 */
public record Searchable(String kind, String id, String link, Instant updated, List<Part> parts) {

    public Searchable {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(updated, "updated");
        parts = List.copyOf(parts);
        if (!kind.matches("[a-z]{1,32}")) throw new IllegalArgumentException("a searchable kind is a lower-case word: " + kind);
    }

    /**
     * One labelled part of a record's text.
     *
     * @param name    what part it is ({@code title}, {@code portion-2}, {@code section-3}, {@code tear-line-1})
     * @param label   the part's label, decided for every reader before the part may match
     * @param text    the part's text, in any language
     * @param changed when this part (its text or label) last changed; among equal scores the hit whose matching parts
     *                changed last comes first, so a reader's order depends on the parts it may read only. Null: the
     *                record's {@code updated}, right only when every part of the record has the same label
     */
    public record Part(String name, Label label, String text, @Nullable Instant changed) implements Labelled {

        public Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(text, "text");
        }

        /** A part that changes only with its record (every part of the record under one label). */
        public Part(String name, Label label, String text) {
            this(name, label, text, null);
        }
    }
}
