package org.kizuna.missions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDirectory;
import org.kizuna.identity.WriteRefused;
import org.kizuna.testing.ModuleOnH2;
import org.kizuna.testing.Readers;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * The missions module with the modules it uses (label, identity, registry, console, node) on a real H2 database with
 * the demo matrix: a planner closes the demo's gap with a lead of its own nation, and each reader's analysis shows
 * what that reader may read.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "node", verifyAutomatically = false)
@ModuleOnH2
class MissionsModuleTests {

    final Missions missions;
    final UserDirectory users;

    MissionsModuleTests(Missions missions, UserDirectory users) {
        this.missions = missions;
        this.users = users;
    }

    static boolean gap(Analysis a, String area, String region) {
        return a.gaps().stream().anyMatch(f -> f.area().equals(area) && f.region().equals(region));
    }

    @Test
    void aPlannerClosesTheGapForTheReadersWhoMayReadTheLead() {
        KizunaUser planner = users.find("jpn.officer").orElseThrow();
        LocalDate day = LocalDate.of(2030, 6, 1);
        assertThat(gap(missions.analysis(day, null, Readers.jpn()), "cyber", "southwest-islands")).isTrue();

        Assignment lead = missions.record(new NewAssignment("cyber", "southwest-islands", "jjoc", "LEAD", null, null, "2030-01-01", null,
                "SECRET//REL TO USA, JPN", "closes the demo gap"), planner);

        assertThat(lead.nation()).isEqualTo("JPN");
        assertThat(lead.recordedBy()).isEqualTo("jpn.officer");
        assertThat(gap(missions.analysis(day, null, Readers.jpn()), "cyber", "southwest-islands")).isFalse();
        assertThat(gap(missions.analysis(day, null, Readers.usa()), "cyber", "southwest-islands")).isFalse();
        // an Australian reader may not read it: for that reader the cell is still a gap, and the lead is nowhere
        Analysis aus = missions.analysis(day, LocalDate.of(2029, 1, 1), Readers.aus());
        assertThat(gap(aus, "cyber", "southwest-islands")).isTrue();
        assertThat(aus.changes()).noneMatch(c -> c.assignment().id().equals(lead.id()));
        assertThat(missions.assignment(lead.id(), Readers.aus())).isEmpty();
        // before its first day it is not in force
        assertThat(gap(missions.analysis(LocalDate.of(2029, 12, 31), null, Readers.jpn()), "cyber", "southwest-islands")).isTrue();
    }

    @Test
    void aPlannerMayNotRecordARoleOfAPartnersForces() {
        KizunaUser usa = users.find("usa.officer").orElseThrow();
        NewAssignment partners = new NewAssignment("isr", "japan", "jasdf-adc", "LEAD", null, null, "2033-01-01", null, "UNCLASSIFIED", null);
        assertThatThrownBy(() -> missions.record(partners, usa)).isInstanceOf(WriteRefused.class);
        assertThat(missions.assignments(LocalDate.of(2033, 6, 1), Readers.usa())).noneMatch(a -> a.validity().from().getYear() == 2033);
    }
}
