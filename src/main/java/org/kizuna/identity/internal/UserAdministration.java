package org.kizuna.identity.internal;

import java.time.Instant;
import java.util.Map;

import org.kizuna.identity.CurrentUser;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Role;
import org.kizuna.identity.UserDisabled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/users/{name}/disable} and {@code .../enable}, for administrators only. A disabled
 * user can no longer sign in; {@link UserDisabled} tells the other modules, and the picture cuts the
 * user's live CoT connections at once.
 */
@RestController
class UserAdministration {

    private static final Logger log = LoggerFactory.getLogger(UserAdministration.class);

    private final JdbcUsers users;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    UserAdministration(JdbcUsers users, CurrentUser currentUser, ApplicationEventPublisher events) {
        this.users = users;
        this.currentUser = currentUser;
        this.events = events;
    }

    @PostMapping("/api/v1/users/{name}/disable")
    @Transactional
    public Map<String, Object> disable(@PathVariable String name) {
        KizunaUser admin = administrator();
        if (admin.username().equals(name)) throw problem(HttpStatus.BAD_REQUEST, "an administrator cannot disable their own account");
        if (!users.setEnabled(name, false)) throw problem(HttpStatus.NOT_FOUND, "no user '" + name + "' on this node");
        log.warn("user {} disabled by {}", name, admin.username());
        events.publishEvent(new UserDisabled(name, admin.username(), Instant.now()));
        return Map.of("username", name, "enabled", false);
    }

    @PostMapping("/api/v1/users/{name}/enable")
    @Transactional
    public Map<String, Object> enable(@PathVariable String name) {
        KizunaUser admin = administrator();
        if (!users.setEnabled(name, true)) throw problem(HttpStatus.NOT_FOUND, "no user '" + name + "' on this node");
        log.warn("user {} enabled by {}", name, admin.username());
        return Map.of("username", name, "enabled", true);
    }

    private KizunaUser administrator() {
        KizunaUser u = currentUser.require();
        if (!u.has(Role.ADMINISTRATOR)) throw problem(HttpStatus.FORBIDDEN, "disabling or enabling a user needs the administrator role");
        return u;
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
