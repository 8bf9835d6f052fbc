package org.kizuna.audit.internal;

import org.kizuna.audit.AuditLog;
import org.kizuna.audit.AuditRecord;
import org.kizuna.identity.LoginLockedOut;
import org.kizuna.label.Label;
import org.kizuna.label.Policy;
import org.kizuna.node.NodeSettings;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records every login lockout (identity's {@link LoginLockedOut}) in the audit log, labelled unclassified
 * for the node's own nation only: who is being guessed at is the node's business, not its partners'.
 */
@Component
class LoginLockoutAudit {

    private final AuditLog log;
    private final Label label;

    LoginLockoutAudit(AuditLog log, NodeSettings node) {
        this.log = log;
        this.label = Label.builder(Policy.of("USA"), "UNCLASSIFIED").owner(node.nation()).noforn().build();
    }

    @ApplicationModuleListener
    void on(LoginLockedOut e) {
        String actor = (e.scope() == LoginLockedOut.Scope.USER ? "user " : "address ") + e.who();
        log.append(new AuditRecord(AuditRecord.Kind.AUTHENTICATION, actor, "login",
                "locked until " + e.until(), e.failures() + " failed logins within " + e.window(), label, e.at()));
    }
}
