package org.kizuna.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.testing.ControllerSlice.SignedIn.user;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Role;
import org.kizuna.testing.ControllerSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The identity module's API on its own: {@code GET /api/v1/me} says who the console talks to and on which
 * node; disabling a user answers what became of it, and a disable that cannot be done is a problem saying
 * why (an administrator's own account, a user the node does not have). (The accounts are a stand-in here;
 * the write matrix that decides who may disable is IdentityModuleTests' and WhoMayWriteWhatTests'.)
 */
@ControllerSlice({MeController.class, UserAdministration.class})
class UserControllersTests {

    static final KizunaUser USA_ADMIN = user("usa.admin", "USA", "SECRET", Role.ADMINISTRATOR, Role.VIEWER);

    @Autowired MockMvcTester mvc;

    @Autowired ControllerSlice.SignedIn signedIn;

    @MockitoBean UserAccounts accounts;

    @MockitoBean UserPreferences preferences;

    @BeforeEach
    void administrator() {
        signedIn.as(USA_ADMIN);
        when(preferences.current(org.mockito.ArgumentMatchers.any())).thenAnswer(call -> call.getArgument(0));
    }

    @Test
    void meIsTheSignedInUserOnThisNode() {
        assertThat(mvc.get().uri("/api/v1/me")).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"username": "usa.admin", "nation": "USA", "clearance": "SECRET", "accesses": [],
                 "roles": ["ADMINISTRATOR", "VIEWER"], "zone": "Asia/Tokyo", "node": "USA", "language": "en"}""");
    }

    @Test
    void aDisabledUserIsAnsweredAsNoLongerEnabled() {
        when(accounts.disable(USA_ADMIN, "usa.clerk")).thenReturn(UserAccounts.Outcome.DONE);
        assertThat(mvc.post().uri("/api/v1/users/usa.clerk/disable")).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"username": "usa.clerk", "enabled": false}""");
    }

    @Test
    void anAdministratorCannotDisableTheirOwnAccount() {
        when(accounts.disable(USA_ADMIN, "usa.admin")).thenReturn(UserAccounts.Outcome.SELF);
        assertThat(mvc.post().uri("/api/v1/users/usa.admin/disable")).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().isEqualTo("an administrator cannot disable their own account");
    }

    @Test
    void aUserTheNodeDoesNotHaveIsNotFound() {
        when(accounts.disable(USA_ADMIN, "nobody")).thenReturn(UserAccounts.Outcome.UNKNOWN);
        when(accounts.enable(USA_ADMIN, "nobody")).thenReturn(UserAccounts.Outcome.UNKNOWN);
        for (String action : new String[]{"disable", "enable"}) {
            assertThat(mvc.post().uri("/api/v1/users/nobody/" + action)).as(action).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().extractingPath("$.detail").asString().isEqualTo("no user 'nobody' on this node");
        }
    }
}
