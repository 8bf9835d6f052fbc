package org.kizuna.label;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.label.Readers.*;

/** The read path: withheld items vanish from lists and single reads answer "not found" (leak 12). */
class ReadPathTest {

    record Report(String title, Label label) implements Labelled {
    }

    private final ReadPath readPath = new ReadPath(LabelKernel.standard(), List.of());
    private final List<Report> reports = List.of(
            new Report("shared", Label.parse("SECRET//REL TO USA, JPN")),
            new Report("us only", Label.parse("SECRET//NOFORN")),
            new Report("five eyes", Label.parse("SECRET//REL TO USA, FVEY")),
            new Report("public", Label.UNCLASSIFIED));

    @Test
    void listsKeepOnlyWhatTheReaderMayReadInOrder() {
        assertThat(readPath.readable(reports, jpnSecretReader(), Report::title)).extracting(Report::title).containsExactly("shared", "public");
        assertThat(readPath.readable(reports, ausSecretReader(), Report::title)).extracting(Report::title).containsExactly("five eyes", "public");
        assertThat(readPath.readable(reports, usaSecretReader(), Report::title)).hasSize(4);
    }

    @Test
    void aSingleReadAnswersEmptyForAnItemTheReaderMayNotRead() {
        assertThat(readPath.readable(Optional.of(reports.get(1)), jpnSecretReader(), Report::title)).isEmpty();
        assertThat(readPath.readable(Optional.of(reports.get(0)), jpnSecretReader(), Report::title)).contains(reports.get(0));
        assertThat(readPath.readable(Optional.<Report>empty(), usaSecretReader(), Report::title)).isEmpty();
    }
}
