package org.kizuna.search;

import java.util.Set;
import org.kizuna.label.Reader;

/**
 * The node's one search ({@code GET /api/v1/search?q=}): English and Japanese text (Japanese by morphological
 * analysis), over the parts the reader may read only; the decision is taken before anything is matched, counted,
 * ranked or highlighted, and the query is one entry in the audit log.
 */
public interface Search {

    /**
     * A page of the records that match {@code query} in parts the reader may read, best first.
     *
     * @param kinds the kinds to search ({@code report}, {@code plan}, {@code commitment}); empty for all
     * @param page  the page, from 0
     * @param size  hits per page, 1 to 100
     */
    SearchPage search(Reader reader, String query, Set<String> kinds, int page, int size);
}
