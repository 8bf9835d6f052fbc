package org.kizuna.identity.internal;

import java.time.Clock;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDisabled;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.node.CodedArgumentException;
import org.kizuna.node.NodeSettings;
import org.kizuna.node.Reason;
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
    private final org.kizuna.label.LabelKernel kernel;

    UserAccounts(JdbcUsers users, ApplicationEventPublisher events, Writes writes, DisabledUsers disabled, NodeSettings node, Clock clock,
            org.kizuna.label.LabelKernel kernel) {
        this.kernel = kernel;
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

    /**
     * Sets (or clears, with null) the label of the user's unlabelled reports. The marking must parse, be one
     * this node may hold (rule 5) and one the user may read (its own reports must not vanish from its own view);
     * otherwise {@link IllegalArgumentException} says which. It is written in the label module's form.
     */
    @Transactional
    Outcome setDefaultLabel(KizunaUser admin, String name, @org.jspecify.annotations.Nullable String marking) {
        writes.authorize(admin, Write.ADMINISTER_USER, nodeNation);
        var user = users.find(name);
        if (user.isEmpty()) return Outcome.UNKNOWN;
        String banner = null;
        if (marking != null) {
            org.kizuna.label.Label label = org.kizuna.label.Label.parseField("label", marking);
            Reason refusal = kernel.holdReason(label);
            if (refusal != null) {
                throw new CodedArgumentException(Reason.of("identity.default-label.not-held", label.banner(), refusal));
            }
            if (!kernel.mayRead(label, user.get().reader())) {
                throw new CodedArgumentException(Reason.of("identity.default-label.unreadable", name, label.banner()));
            }
            banner = label.banner();
        }
        users.setDefaultLabel(name, banner);
        log.warn("default label of {} set to {} by {}", name, banner == null ? "its own nation only" : banner, admin.username());
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
