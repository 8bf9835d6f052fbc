package org.kizuna.intel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kizuna.label.Clearance;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.search.internal.SearchIndex;
import org.kizuna.testing.Readers;

/**
 * The order of equally scored search hits depends only on what the reader may read: releasing a portion a JPN reader
 * may not read (to AUS) makes its report the newest for a reader who may read that portion, and changes nothing in the
 * order a JPN reader sees (it used to: ties were ranked by the report's last change, hidden portions included).
 */
class SearchOrderLeakTests {

    static final Label REL = Label.parse("SECRET//REL TO USA, JPN");
    static final Label NOFORN = Label.parse("SECRET//NOFORN");
    static final Label REL_AUS = Label.parse("SECRET//REL TO USA, AUS");
    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    final LabelKernel kernel = LabelKernel.standard();
    final SearchIndex index;

    SearchOrderLeakTests() throws Exception {
        index = new SearchIndex(new ByteBuffersDirectory(), new SearchIndex.Settings(16, 0.5, 1000));
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    static JdbcReports.StoredPortion portion(String report, String id, Label label, String text, Instant changed) {
        return new JdbcReports.StoredPortion(id, report, 0, Kinds.TEXT, label, text, null, null, null, null, changed);
    }

    static JdbcReports.StoredReport report(String id) {
        return new JdbcReports.StoredReport(id, "USA", "usa.officer", T0, 0, null, null, null, null, null, null);
    }

    /** IR-A (older) and IR-B (newer), each a readable portion of the same words and a hidden one; IR-A's hidden one last changed at {@code changed}. */
    void index(Label hidden, Instant changed) {
        index.put(IntelService.searchable(report("IR-A"), List.of(portion("IR-A", "a1", REL, "Osprey sortie near Kadena.", T0.plusSeconds(60)),
                portion("IR-A", "a2", hidden, "Osprey source reporting.", changed))));
        index.put(IntelService.searchable(report("IR-B"), List.of(portion("IR-B", "b1", REL, "Osprey sortie near Iwakuni.", T0.plusSeconds(120)),
                portion("IR-B", "b2", NOFORN, "Osprey source reporting.", T0.plusSeconds(120)))));
        index.refresh();
    }

    List<String> order(Reader reader) {
        Clearance c = kernel.clearance(reader);
        return index.search("osprey", Set.of(), l -> kernel.mayRead(l, c), 0, 20).records().stream().map(SearchIndex.FoundRecord::id).toList();
    }

    @Test
    void aHiddenPortionsReleaseToAnotherPartnerDoesNotMoveTheReportForJpn() {
        index(NOFORN, T0.plusSeconds(60));
        List<String> jpnBefore = order(Readers.jpn());
        assertThat(jpnBefore).containsExactly("IR-B", "IR-A");
        assertThat(order(Readers.usa())).containsExactly("IR-B", "IR-A");

        // an hour later IR-A's NOFORN portion is released to AUS: IR-A changed, in a part JPN may not read
        index(REL_AUS, T0.plusSeconds(3600));
        assertThat(order(Readers.usa())).as("a reader of the released portion sees IR-A changed last").containsExactly("IR-A", "IR-B");
        assertThat(order(Readers.jpn())).as("JPN's order tells nothing of the hidden change").isEqualTo(jpnBefore);
    }
}
