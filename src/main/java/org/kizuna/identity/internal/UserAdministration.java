package org.kizuna.identity.internal;

import java.util.Map;

import org.kizuna.identity.CurrentUser;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDisabled;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/users/{name}/disable} and {@code .../enable}, for the node's administrators (the
 * {@code ADMINISTER_USER} row of the write matrix). A disabled user can no longer sign in; {@link UserDisabled}
 * tells the other modules, and the picture cuts the user's live CoT connections at once.
 */
@RestController
class UserAdministration {

    private final UserAccounts accounts;
    private final CurrentUser currentUser;

    UserAdministration(UserAccounts accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @PostMapping("/api/v1/users/{name}/disable")
    public Map<String, Object> disable(@PathVariable String name) {
        KizunaUser admin = currentUser.require();
        switch (accounts.disable(admin, name)) {
            case SELF -> throw problem(HttpStatus.BAD_REQUEST, "an administrator cannot disable their own account");
            case UNKNOWN -> throw problem(HttpStatus.NOT_FOUND, "no user '" + name + "' on this node");
            case DONE -> { }
        }
        return Map.of("username", name, "enabled", false);
    }

    @PostMapping("/api/v1/users/{name}/enable")
    public Map<String, Object> enable(@PathVariable String name) {
        KizunaUser admin = currentUser.require();
        if (accounts.enable(admin, name) == UserAccounts.Outcome.UNKNOWN) {
            throw problem(HttpStatus.NOT_FOUND, "no user '" + name + "' on this node");
        }
        return Map.of("username", name, "enabled", true);
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
