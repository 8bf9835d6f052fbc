package org.kizuna.audit.internal;

import java.time.Clock;

import org.kizuna.audit.AuditLog;
import org.kizuna.audit.AuditRecord;
import org.kizuna.label.ReadPath;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Appends every read decision of the read path to the audit log, labelled like the item it names. */
@Component
class ReadDecisionAudit implements ReadPath.ReadDecisionListener {

    private final ObjectProvider<AuditLog> log;
    private final Clock clock = Clock.systemUTC();

    ReadDecisionAudit(ObjectProvider<AuditLog> log) {
        this.log = log;
    }

    @Override
    public void decided(ReadPath.ReadDecision d) {
        if (d.itemId().startsWith("audit/")) {
            return; // reading the audit trail is not itself a decision on an item of the alliance
        }
        log.getObject().append(new AuditRecord(AuditRecord.Kind.READ_DECISION, d.reader().toString(), d.itemId(),
                d.allowed() ? "allow" : "deny", "", d.label(), clock.instant()));
    }
}
