package org.kizuna.intel.internal;

import java.util.List;
import org.kizuna.search.Searchable;

/** A stored report as the search sees it, for the node's search source and for the intel benchmark's search timing. */
public final class IntelSearch {

    private IntelSearch() {
    }

    public static Searchable searchable(JdbcReports.StoredReport report, List<JdbcReports.StoredPortion> portions) {
        return IntelService.searchable(report, portions);
    }
}
