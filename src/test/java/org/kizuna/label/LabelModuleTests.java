package org.kizuna.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.testing.Readers.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.ModuleOnH2;
import org.kizuna.testing.OfferedQueries;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * The label module as a node wires it (it uses no other module): the node's read path decides every read
 * with the node's kernel and offers each query, once, to the listeners the other modules register (the
 * audit log is one; here a list stands in for it).
 */
// ModularityTests verifies the modules; this test starts the ones it needs
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "node", verifyAutomatically = false)
@ModuleOnH2
@Import(OfferedQueries.class)
class LabelModuleTests {

    record Report(String id, Label label) implements Labelled {
    }

    final ReadPath readPath;
    final LabelKernel kernel;
    final OfferedQueries queries;

    LabelModuleTests(ReadPath readPath, LabelKernel kernel, OfferedQueries queries) {
        this.readPath = readPath;
        this.kernel = kernel;
        this.queries = queries;
    }

    @Test
    void aReaderIsGivenOnlyWhatTheReaderMayReadAndTheQueryIsOfferedOnce() {
        List<Report> reports = List.of(
                new Report("shared", Label.parse("SECRET//REL TO USA, JPN")),
                new Report("us-only", Label.parse("SECRET//NOFORN")),
                new Report("five-eyes", Label.parse("SECRET//REL TO USA, FVEY")));
        int before = queries.offered.size();

        assertThat(readPath.readable(reports, jpn(), Report::id, "spec/reports")).extracting(Report::id).containsExactly("shared");
        assertThat(readPath.readable(reports, aus(), Report::id, "spec/reports")).extracting(Report::id).containsExactly("five-eyes");
        assertThat(readPath.readable(reports, usa(), Report::id, "spec/reports")).hasSize(3);

        assertThat(queries.offered).hasSize(before + 3);
        ReadPath.ReadQuery japanese = queries.offered.get(before);
        assertThat(japanese.reader()).isEqualTo(jpn());
        assertThat(japanese.given()).containsExactly("shared");
        assertThat(japanese.toString()).doesNotContain("us-only").doesNotContain("five-eyes");
    }

    @Test
    void theNodesKernelSaysWhyAReadIsDenied() {
        Decision denied = kernel.decide(Label.parse("SECRET//NOFORN"), jpn());
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.reason()).contains("rule 2").contains("NOFORN");
        assertThat(kernel.decide(Label.parse("SECRET//REL TO USA, JPN"), jpn()).allowed()).isTrue();
        assertThat(kernel.decide(Label.parse("SECRET//REL TO USA, JPN"), jpn(CONFIDENTIAL)).allowed()).isFalse();
    }
}
