package org.kizuna.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDirectory;
import org.kizuna.identity.WriteRefused;
import org.kizuna.search.SearchableChanged;
import org.kizuna.testing.ModuleOnH2;
import org.kizuna.testing.Readers;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The intel module, started with the modules it uses on a real H2 database: an analyst writes a report of portions,
 * the search is told of every part under its own label, and a Japanese reader gets only the releasable portion under
 * the banner of what it sees.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "node", verifyAutomatically = false)
@ModuleOnH2
class IntelModuleTests {

    final Intel intel;
    final UserDirectory users;

    IntelModuleTests(Intel intel, UserDirectory users) {
        this.intel = intel;
        this.users = users;
    }

    static NewReport report() {
        return new NewReport(new NewReport.MarkedText("(S//NF)", "EXERCISE: module test"),
                List.of(new NewReport.NewPortion("(S//REL TO USA, JPN)", "EXERCISE: releasable part, MMSI 999555001", null),
                        new NewReport.NewPortion("(S//NF)", "EXERCISE: US only part", null)),
                null, null, null);
    }

    @Test
    void aReportIsPublishedForTheSearchPartByPartAndReadPerReader(Scenario scenario) {
        KizunaUser author = users.find("usa.officer").orElseThrow();
        scenario.stimulate(() -> intel.create(report(), author))
                .andWaitForEventOfType(SearchableChanged.class)
                .matching(e -> e.record().parts().stream().anyMatch(p -> p.text().equals("EXERCISE: module test")))
                .toArriveAndVerify((event, view) -> {
                    assertThat(event.record().kind()).isEqualTo("report");
                    assertThat(event.record().id()).isEqualTo(view.id());
                    assertThat(event.record().link()).isEqualTo("/intel/#" + view.id());
                    assertThat(event.record().parts()).hasSize(3);
                    assertThat(event.record().parts().getFirst().name()).isEqualTo("title");
                    assertThat(event.record().parts().getFirst().label().banner()).isEqualTo("SECRET//NOFORN");
                    assertThat(view.banner().banner()).isEqualTo("SECRET//NOFORN");

                    ReportView jpn = intel.report(view.id(), Readers.jpn()).orElseThrow();
                    assertThat(jpn.title()).isNull();
                    assertThat(jpn.titleHidden()).isTrue();
                    assertThat(jpn.portions()).extracting(ReportView.PortionView::text).containsExactly("EXERCISE: releasable part, MMSI 999555001");
                    assertThat(jpn.banner().banner()).isEqualTo("SECRET//REL TO USA, JPN");
                    assertThat(intel.report(view.id(), Readers.jpn(Readers.CONFIDENTIAL))).isEmpty();
                });
    }

    @Test
    void aViewerMayNotWriteAReport() {
        KizunaUser viewer = users.find("usa.clerk").orElseThrow();
        long before = intel.reports(Readers.usa(Readers.TOP_SECRET), 0, 1).total();
        assertThatThrownBy(() -> intel.create(report(), viewer)).isInstanceOf(WriteRefused.class);
        assertThat(intel.reports(Readers.usa(Readers.TOP_SECRET), 0, 1).total()).isEqualTo(before);
    }
}
