package org.kizuna.intel;

import java.util.List;

/** A page of the reports a reader may read, newest first; {@code total} counts the reports the reader may read, never more. */
public record ReportPage(long total, int page, int size, List<ReportView> reports) {

    public ReportPage {
        reports = List.copyOf(reports);
    }
}
