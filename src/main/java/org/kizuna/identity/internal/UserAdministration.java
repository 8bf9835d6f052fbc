package org.kizuna.identity.internal;

import java.util.Map;

import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDisabled;
import org.kizuna.node.Problems;
import org.springframework.http.HttpStatus;
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

    UserAdministration(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/v1/users/{name}/disable")
    public Map<String, Object> disable(@PathVariable String name, KizunaUser admin) {
        switch (accounts.disable(admin, name)) {
            case SELF -> throw Problems.of(HttpStatus.BAD_REQUEST, "an administrator cannot disable their own account");
            case UNKNOWN -> throw unknown(name);
            case DONE -> {}
        }
        return Map.of("username", name, "enabled", false);
    }

    @PostMapping("/api/v1/users/{name}/enable")
    public Map<String, Object> enable(@PathVariable String name, KizunaUser admin) {
        if (accounts.enable(admin, name) == UserAccounts.Outcome.UNKNOWN) throw unknown(name);
        return Map.of("username", name, "enabled", true);
    }

    private static ErrorResponseException unknown(String name) {
        return Problems.of(HttpStatus.NOT_FOUND, "no user '" + name + "' on this node");
    }
}
