package org.kizuna.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDirectory;
import org.kizuna.search.SearchableChanged;
import org.kizuna.testing.ModuleOnH2;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.web.ErrorResponseException;

/**
 * The plans module with the modules it uses on a real H2 database: a USA planner drafts a bilateral plan, both
 * designated approvers approve its hash, and every change is published to the search in its transaction.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "node", verifyAutomatically = false)
@ModuleOnH2
class PlansModuleTests {

    final Plans plans;
    final UserDirectory users;

    PlansModuleTests(Plans plans, UserDirectory users) {
        this.plans = plans;
        this.users = users;
    }

    static NewPlan draft(String title) {
        return new NewPlan(title, "(U)", PlanKind.CONTINGENCY, List.of("USA", "JPN"), Map.of("USA", "usa.officer", "JPN", "jpn.officer"),
                List.of(new SectionInput(null, "Purpose", "(U)", "Plan ahead."), new SectionInput(null, "Concept", "(S//REL TO USA, JPN)", "Together.")));
    }

    @Test
    void aPlanDraftedAndApprovedByBothNationsIsApprovedAndPublishedToTheSearch(Scenario scenario) {
        KizunaUser usa = users.find("usa.officer").orElseThrow(), jpn = users.find("jpn.officer").orElseThrow();
        java.util.concurrent.atomic.AtomicReference<Plan> created = new java.util.concurrent.atomic.AtomicReference<>();
        scenario.stimulate(() -> plans.create(draft("Module test plan"), usa)).andWaitForEventOfType(SearchableChanged.class)
                .matching(e -> e.record().kind().equals("plan") && e.record().parts().getFirst().text().equals("Module test plan"))
                .toArriveAndVerify((event, plan) -> {
                    assertThat(event.record().parts()).extracting(p -> p.name()).containsExactly("title", "section-1", "section-2");
                    created.set(plan);
                });
        Plan drafted = created.get();
        String hash = plans.find(drafted.id(), usa.reader()).orElseThrow().versions().getFirst().hash();
        Plan once = plans.approve(drafted.id(), 1, hash, usa).orElseThrow();
        assertThat(once.versions().getFirst().status()).isEqualTo(VersionStatus.DRAFT);
        Plan both = plans.approve(drafted.id(), 1, hash, jpn).orElseThrow();
        assertThat(both.versions().getFirst().status()).isEqualTo(VersionStatus.APPROVED);
        assertThat(plans.history(drafted.id(), usa.reader()).orElseThrow()).extracting(HistoryEntry::action)
                .containsExactly("CREATED", "APPROVED", "APPROVED", "VERSION_APPROVED");
    }

    @Test
    void aViewerMayNotDraftAPlan() {
        KizunaUser viewer = users.find("usa.clerk").orElseThrow();
        assertThatThrownBy(() -> plans.create(draft("Viewer's plan"), viewer)).isInstanceOf(ErrorResponseException.class);
        assertThat(plans.plans(users.find("usa.officer").orElseThrow().reader())).extracting(PlanSummary::title).doesNotContain("Viewer's plan");
    }
}
