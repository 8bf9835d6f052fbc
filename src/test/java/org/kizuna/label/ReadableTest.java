package org.kizuna.label;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.label.Readers.*;

/** The read-path helper: withheld items vanish from lists and single reads answer "not found" (leak 12). */
class ReadableTest {

    record Report(String title, Label label) implements Labelled {
    }

    private final LabelKernel kernel = LabelKernel.standard();
    private final List<Report> reports = List.of(
            new Report("shared", Label.parse("SECRET//REL TO USA, JPN")),
            new Report("us only", Label.parse("SECRET//NOFORN")),
            new Report("five eyes", Label.parse("SECRET//REL TO USA, FVEY")),
            new Report("public", Label.UNCLASSIFIED));

    @Test
    void filterKeepsOnlyWhatTheReaderMayReadInOrder() {
        assertThat(Readable.filter(reports, jpnSecretReader(), kernel)).extracting(Report::title).containsExactly("shared", "public");
        assertThat(Readable.filter(reports, ausSecretReader(), kernel)).extracting(Report::title).containsExactly("five eyes", "public");
        assertThat(Readable.filter(reports, usaSecretReader(), kernel)).hasSize(4);
    }

    @Test
    void requireAnswersEmptyForAnItemTheReaderMayNotRead() {
        assertThat(Readable.require(Optional.of(reports.get(1)), jpnSecretReader(), kernel)).isEmpty();
        assertThat(Readable.require(Optional.of(reports.get(0)), jpnSecretReader(), kernel)).contains(reports.get(0));
        assertThat(Readable.require(Optional.<Report>empty(), usaSecretReader(), kernel)).isEmpty();
    }
}
