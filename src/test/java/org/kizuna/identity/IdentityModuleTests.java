package org.kizuna.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.junit.jupiter.api.Test;
import org.kizuna.testing.ModuleOnH2;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The identity module, started with only the label module it uses, on a real H2 database with the demo
 * users: an administrator disables a user; from then on the user cannot sign in, the directory says so,
 * and {@link UserDisabled} tells the other modules (they end the user's live sessions).
 */
// ModularityTests verifies the modules; this test starts the ones it needs
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "node", verifyAutomatically = false)
@ModuleOnH2
@AutoConfigureMockMvc
class IdentityModuleTests {

    final MockMvcTester mvc;
    final UserDirectory users;

    IdentityModuleTests(MockMvcTester mvc, UserDirectory users) {
        this.mvc = mvc;
        this.users = users;
    }

    MvcTestResult me(String user) {
        return mvc.get().uri("/api/v1/me").with(httpBasic(user, "demo")).exchange();
    }

    @Test
    void anAdministratorDisablesAUserWhoThenCannotSignInAndTheOtherModulesAreTold(Scenario scenario) {
        assertThat(me("usa.clerk")).hasStatusOk();

        scenario.stimulate(() -> mvc.post().uri("/api/v1/users/usa.clerk/disable").with(httpBasic("usa.admin", "demo")).exchange())
                .andCleanup(() -> assertThat(mvc.post().uri("/api/v1/users/usa.clerk/enable").with(httpBasic("usa.admin", "demo"))).hasStatusOk())
                .andWaitForEventOfType(UserDisabled.class)
                .matchingMappedValue(UserDisabled::username, "usa.clerk")
                .toArriveAndVerify((event, answer) -> {
                    assertThat(answer).hasStatusOk().bodyJson().extractingPath("$.enabled").isEqualTo(false);
                    assertThat(event.by()).isEqualTo("usa.admin");
                    assertThat(users.isDisabled("usa.clerk")).isTrue();
                    assertThat(me("usa.clerk")).hasStatus(401);
                });

        assertThat(me("usa.clerk")).as("enabled again").hasStatusOk();
    }

    @Test
    void onlyAnAdministratorMayDisableAUser() {
        assertThat(mvc.post().uri("/api/v1/users/usa.clerk/disable").with(httpBasic("usa.officer", "demo")))
                .hasStatus(403).bodyJson().extractingPath("$.detail").asString().contains("needs the administrator role");
        assertThat(users.isDisabled("usa.clerk")).isFalse();
        assertThat(me("usa.clerk")).hasStatusOk();
    }
}
