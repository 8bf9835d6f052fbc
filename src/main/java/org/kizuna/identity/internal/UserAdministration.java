package org.kizuna.identity.internal;

import java.util.Map;

import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDisabled;
import org.kizuna.node.CodedArgumentException;
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
            case SELF -> throw Problems.badRequest("identity.users.disable-self");
            case UNKNOWN -> throw unknown(name);
            case DONE -> {}
        }
        return Map.of("username", name, "enabled", false);
    }

    /** The body of {@code PUT /api/v1/users/{name}/default-label}: a marking, or null to clear it. */
    record DefaultLabel(@jakarta.validation.constraints.Size(max = 400) @org.jspecify.annotations.Nullable String label) {
    }

    /**
     * Sets the label the user's unlabelled reports take (a TAK client's position reports carry none): a marking the
     * node may hold and the user may read; {@code {"label": null}} goes back to the user's own nation only.
     */
    @org.springframework.web.bind.annotation.PutMapping("/api/v1/users/{name}/default-label")
    public Map<String, Object> defaultLabel(@PathVariable String name,
            @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody DefaultLabel body,
            KizunaUser admin) {
        String marking = body.label() == null || body.label().isBlank() ? null : body.label().strip();
        UserAccounts.Outcome outcome;
        try {
            outcome = accounts.setDefaultLabel(admin, name, marking);
        } catch (CodedArgumentException e) {
            throw e; // a 400 in the reader's language (ApiErrors)
        } catch (IllegalArgumentException e) {
            throw Problems.of(HttpStatus.BAD_REQUEST, String.valueOf(e.getMessage()));
        }
        if (outcome == UserAccounts.Outcome.UNKNOWN) throw unknown(name);
        var out = new java.util.LinkedHashMap<String, Object>();
        out.put("username", name);
        out.put("defaultLabel", marking == null ? null : org.kizuna.label.Label.parse(marking).banner());
        return out;
    }

    @PostMapping("/api/v1/users/{name}/enable")
    public Map<String, Object> enable(@PathVariable String name, KizunaUser admin) {
        if (accounts.enable(admin, name) == UserAccounts.Outcome.UNKNOWN) throw unknown(name);
        return Map.of("username", name, "enabled", true);
    }

    private static ErrorResponseException unknown(String name) {
        return Problems.notFound("identity.users.not-found", Problems.shown(name, 64));
    }
}
