package org.kizuna.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.testing.Readers.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The read path: withheld items vanish from lists and single reads answer "not found" (leak 12), and
 * what it offers the audit trail is one query per read, the same whether or not hidden items exist.
 */
class ReadPathTests {

    record Report(String title, Label label) implements Labelled {
    }

    private final ReadPath readPath = new ReadPath(LabelKernel.standard(), "USA", List.of());
    private final List<Report> reports = List.of(
            new Report("shared", Label.parse("SECRET//REL TO USA, JPN")),
            new Report("us only", Label.parse("SECRET//NOFORN")),
            new Report("five eyes", Label.parse("SECRET//REL TO USA, FVEY")),
            new Report("public", Label.UNCLASSIFIED));

    @Test
    void listsKeepOnlyWhatTheReaderMayReadInOrder() {
        assertThat(readPath.readable(reports, jpn(), Report::title, "reports")).extracting(Report::title).containsExactly("shared", "public");
        assertThat(readPath.readable(reports, aus(), Report::title, "reports")).extracting(Report::title).containsExactly("five eyes", "public");
        assertThat(readPath.readable(reports, usa(), Report::title, "reports")).hasSize(4);
    }

    @Test
    void aSingleReadAnswersEmptyForAnItemTheReaderMayNotRead() {
        assertThat(readPath.readable(Optional.of(reports.get(1)), jpn(), Report::title, "report/us only")).isEmpty();
        assertThat(readPath.readable(Optional.of(reports.get(0)), jpn(), Report::title, "report/shared")).contains(reports.get(0));
        assertThat(readPath.readable(Optional.<Report>empty(), usa(), Report::title, "report/none")).isEmpty();
    }

    /** The read path with a listener that keeps what it is offered. */
    private static ReadPath recording(List<ReadPath.ReadQuery> offered) {
        return new ReadPath(LabelKernel.standard().forNode("USA", "TOP SECRET"), "USA", List.of(offered::add));
    }

    @Test
    void aListReadIsOfferedAsOneQueryThatIsTheSameWithAndWithoutHiddenItems() {
        List<ReadPath.ReadQuery> offered = new ArrayList<>();
        ReadPath path = recording(offered);
        List<Report> visible = List.of(reports.get(0), reports.get(3));
        path.readable(visible, jpn(), Report::title, "reports");
        path.readable(reports, jpn(), Report::title, "reports");
        assertThat(offered).hasSize(2);
        assertThat(offered.get(1)).isEqualTo(offered.get(0));
        assertThat(offered.get(0).given()).containsExactly("shared", "public");
        assertThat(offered.get(0).outcome()).isEqualTo("returned 2");
        assertThat(offered.toString()).doesNotContain("us only").doesNotContain("five eyes").doesNotContain("NOFORN");
    }

    @Test
    void aReadOfAHiddenItemIsOfferedExactlyLikeAReadOfAMissingOne() {
        List<ReadPath.ReadQuery> offered = new ArrayList<>();
        ReadPath path = recording(offered);
        path.readable(Optional.of(reports.get(1)), jpn(), Report::title, "report/x");
        path.readable(Optional.<Report>empty(), jpn(), Report::title, "report/x");
        assertThat(offered).hasSize(2);
        assertThat(offered.get(0)).isEqualTo(offered.get(1));
        assertThat(offered.get(0).given()).isEmpty();
    }

    @Test
    void aQueryRecordIsLabelledForAuditorsWhoCouldReadWhatTheReaderCould() {
        List<ReadPath.ReadQuery> offered = new ArrayList<>();
        ReadPath path = recording(offered);
        LabelKernel kernel = path.kernel();
        path.readable(reports, jpn(), Report::title, "reports");
        path.readable(List.<Report>of(), jpn(), Report::title, "reports");
        path.readable(reports, usa(), Report::title, "reports");
        Label jpnQuery = offered.get(0).label();
        // the label depends on the reader alone, not on what the query returned
        assertThat(offered.get(1).label()).isEqualTo(jpnQuery);
        assertThat(jpnQuery.banner()).isEqualTo("SECRET//REL TO USA, JPN");
        assertThat(kernel.mayRead(jpnQuery, jpn())).isTrue();
        assertThat(kernel.mayRead(jpnQuery, usa())).isTrue();
        assertThat(kernel.mayRead(jpnQuery, aus())).isFalse();
        assertThat(kernel.mayRead(jpnQuery, jpn(CONFIDENTIAL))).isFalse();
        Label usaQuery = offered.get(2).label();
        assertThat(usaQuery.banner()).isEqualTo("SECRET//NOFORN");
        assertThat(kernel.mayRead(usaQuery, jpn())).isFalse();
        for (Report r : reports) {
            assertThat(kernel.dominates(usaQuery, r.label())).as(r.title()).isTrue();
        }
    }

    @Test
    void aSubscriptionIsOfferedOnceAndItsItemsNever() {
        List<ReadPath.ReadQuery> offered = new ArrayList<>();
        ReadPath path = recording(offered);
        ReadPath.Subscription s = path.subscribe(jpn(), "reports/stream");
        assertThat(offered).hasSize(1);
        assertThat(offered.getFirst().outcome()).isEqualTo("subscribed");
        assertThat(reports.stream().filter(s::mayRead)).extracting(Report::title).containsExactly("shared", "public");
        assertThat(offered).hasSize(1);
    }
}
