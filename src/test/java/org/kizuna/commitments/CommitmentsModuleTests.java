package org.kizuna.commitments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDirectory;
import org.kizuna.identity.WriteRefused;
import org.kizuna.search.SearchableChanged;
import org.kizuna.testing.ModuleOnH2;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The commitments module with the modules it uses (the registry among them) on a real H2 database in demo mode: the
 * reference statements are loaded, the owner nation's planner records a new deadline, the change is in the history and
 * published to the search; a partner's planner is refused.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = {"node", "registry"}, verifyAutomatically = false)
@ModuleOnH2
class CommitmentsModuleTests {

    final Commitments commitments;
    final UserDirectory users;

    CommitmentsModuleTests(Commitments commitments, UserDirectory users) {
        this.commitments = commitments;
        this.users = users;
    }

    @Test
    void theOwnerNationRecordsANewDeadlineAndTheChangeIsPublished(Scenario scenario) {
        KizunaUser usa = users.find("usa.officer").orElseThrow();
        LocalDate deadline = LocalDate.of(2031, 3, 31);
        scenario.stimulate(() -> commitments.change("guam-relocation", new CommitmentUpdate(null, deadline, null, null, "a new target"), usa).orElseThrow())
                .andWaitForEventOfType(SearchableChanged.class).matching(e -> e.record().id().equals("guam-relocation"))
                .toArriveAndVerify((event, detail) -> {
                    assertThat(event.record().kind()).isEqualTo("commitment");
                    assertThat(detail.commitment().deadline()).isEqualTo(deadline);
                    CommitmentChange last = detail.history().getLast();
                    assertThat(last.by()).isEqualTo("usa.officer");
                    assertThat(last.deadlineFrom()).isEqualTo(LocalDate.of(2025, 6, 30));
                    assertThat(last.deadlineTo()).isEqualTo(deadline);
                });
    }

    @Test
    void aPartnerMayNotChangeAnotherNationsCommitment() {
        KizunaUser jpn = users.find("jpn.officer").orElseThrow();
        assertThatThrownBy(() -> commitments.change("acm-2015", new CommitmentUpdate(CommitmentStatus.CANCELLED, null, null, null, "no"), jpn))
                .isInstanceOf(WriteRefused.class);
        assertThat(commitments.find("acm-2015", jpn.reader()).orElseThrow().commitment().status()).isEqualTo(CommitmentStatus.DONE);
    }
}
