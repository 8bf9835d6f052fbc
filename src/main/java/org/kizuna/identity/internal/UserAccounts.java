package org.kizuna.identity.internal;

import java.time.Clock;

import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDisabled;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.node.NodeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Disables and enables the node's accounts, authorized by the write matrix; a disable is published as {@link UserDisabled}. */
@Service
class UserAccounts {

    enum Outcome {
        DONE,
        UNKNOWN,
        SELF
    }

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

    private final JdbcUsers users;
    private final ApplicationEventPublisher events;
    private final Writes writes;
    private final DisabledUsers disabled;
    private final String nodeNation;
    private final Clock clock;

    UserAccounts(JdbcUsers users, ApplicationEventPublisher events, Writes writes, DisabledUsers disabled, NodeSettings node, Clock clock) {
        this.users = users;
        this.events = events;
        this.writes = writes;
        this.disabled = disabled;
        this.nodeNation = node.nation();
        this.clock = clock;
    }

    @Transactional
    Outcome disable(KizunaUser admin, String name) {
        writes.authorize(admin, Write.ADMINISTER_USER, nodeNation);
        if (admin.username().equals(name)) return Outcome.SELF;
        if (!users.setEnabled(name, false)) return Outcome.UNKNOWN;
        disabled.disabled(name); // the user's sessions are refused from now on
        log.warn("user {} disabled by {}", name, admin.username());
        events.publishEvent(new UserDisabled(name, admin.username(), clock.instant()));
        return Outcome.DONE;
    }

    @Transactional
    Outcome enable(KizunaUser admin, String name) {
        writes.authorize(admin, Write.ADMINISTER_USER, nodeNation);
        if (!users.setEnabled(name, true)) return Outcome.UNKNOWN;
        disabled.enabled(name);
        log.warn("user {} enabled by {}", name, admin.username());
        return Outcome.DONE;
    }
}
