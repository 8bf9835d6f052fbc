package org.kizuna.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a search's hits, and how many records matched in what the reader may read.
 *
 * @param total the number of records that match in parts the reader may read (never more)
 */
public record SearchPage(String query, long total, int page, int size, List<Hit> hits) {

    public SearchPage {
        hits = List.copyOf(hits);
    }

    /**
     * A record that matched.
     *
     * @param title    the record's title if the reader may read it, else null
     * @param snippets passages of the readable parts that matched, the matching words between {@code <mark>} and
     *                 {@code </mark>} and the rest HTML-escaped
     * @param parts    the names of the readable parts that matched
     * @param score    how well the best part matched, computed from that part and the query alone
     * @param banner   the roll-up of the labels of what the hit shows (its title and matching parts), for the console's banner
     */
    public record Hit(String kind, String id, String link, @Nullable String title, List<String> snippets, List<String> parts,
            float score, String banner) {

        public Hit {
            snippets = List.copyOf(snippets);
            parts = List.copyOf(parts);
        }
    }
}
