package org.kizuna.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.testing.Readers.*;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kizuna.label.ReadPath;
import org.kizuna.testing.ModuleOnH2;
import org.kizuna.testing.OfferedQueries;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * The registry module, started with only the modules it uses (label, identity, console) on a real H2
 * database loaded with the reference data: a reader finds the alliance's facilities and organizations as
 * they stood on a day, and only those the reader may read.
 */
// ModularityTests verifies the modules; this test starts the ones it needs
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "node", verifyAutomatically = false)
@ModuleOnH2
@Import(OfferedQueries.class)
class RegistryModuleTests {

    static final LocalDate JUNE_2025 = LocalDate.of(2025, 6, 1);

    final Registry registry;
    final JdbcClient jdbc;
    final OfferedQueries queries;

    RegistryModuleTests(Registry registry, JdbcClient jdbc, OfferedQueries queries) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.queries = queries;
    }

    @Test
    void aReaderFindsAFacilityWithItsZoneHostNationAndJointUseCategory() {
        Facility asaka = registry.facility("camp-asaka", JUNE_2025, jpn()).orElseThrow();
        assertThat(asaka.hostNation()).isEqualTo("JPN");
        assertThat(asaka.zone()).isEqualTo("Asia/Tokyo");
        assertThat(asaka.jointUse()).isEqualTo("II-4(b)");
        assertThat(asaka.provenance().sources()).isNotEmpty();
        assertThat(registry.facilities(JUNE_2025, usa())).extracting(Facility::id).contains("camp-asaka", "yokota");
    }

    @Test
    void aReaderFindsAnOrganizationWithItsChainOfCommandAsItStoodThatDay() {
        OrganizationView ardb = registry.organization("ardb", JUNE_2025, jpn()).orElseThrow();
        assertThat(ardb.chainOfCommand()).extracting(Organization::id).containsExactly("jgsdf-gcc", "jjoc");
        assertThat(ardb.coordinationPartners()).extracting(Organization::id).containsExactly("iii-mef");
        // the Joint Operations Command stood up in March 2025: in 2005 there is none
        assertThat(registry.organization("jjoc", LocalDate.of(2005, 3, 14), jpn())).isEmpty();
        assertThat(registry.organizations(LocalDate.of(2005, 3, 14), jpn())).extracting(Organization::id).contains("usfj").doesNotContain("jjoc");
    }

    @Test
    void anOrganizationTheReaderMayNotReadIsNotFoundJustLikeOneThatDoesNotExist() {
        jdbc.sql("""
                merge into registry_organization (id, valid_from, valid_to, nation, kind, parent_id, component_of, name, abbreviation,
                    site, lat, lon, zone, note, sources, verification, label)
                key (id) values ('spec-noforn-cell', '2020-01-01', null, 'USA', 'unit', 'usfj', null, 'Specification Cell', 'SC',
                    'Yokota', 35.7, 139.3, 'Asia/Tokyo', null, 'usfj-about', 'unverified', 'SECRET//NOFORN')""").update();

        assertThat(registry.organization("spec-noforn-cell", JUNE_2025, usa())).isPresent();
        assertThat(registry.organization("spec-noforn-cell", JUNE_2025, jpn())).isEmpty();
        assertThat(registry.organization("spec-no-such-cell", JUNE_2025, jpn())).isEmpty();
        assertThat(registry.organizations(JUNE_2025, jpn())).extracting(Organization::id).contains("usfj").doesNotContain("spec-noforn-cell");
        assertThat(registry.organization("usfj", JUNE_2025, jpn()).orElseThrow().subordinates())
                .extracting(Organization::id).doesNotContain("spec-noforn-cell");
    }

    @Test
    void everyQueryIsOfferedToTheReadPathsListenersOnceNamingWhatWasAsked() {
        int before = queries.offered.size();
        registry.facilities(JUNE_2025, jpn());
        assertThat(queries.offered).hasSize(before + 1);
        ReadPath.ReadQuery query = queries.offered.getLast();
        assertThat(query.reader()).isEqualTo(jpn());
        assertThat(query.asked()).isEqualTo("registry/facilities@2025-06-01");
        assertThat(query.given()).contains("registry/facility/camp-asaka");
    }
}
