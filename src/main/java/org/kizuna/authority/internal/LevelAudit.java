package org.kizuna.authority.internal;

import org.kizuna.audit.AuditLog;
import org.kizuna.audit.AuditRecord;
import org.kizuna.authority.SituationLevelSet;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Appends the audit record of a level setting once the setting has committed: the event is stored with the setting
 * (the event publication registry) and delivered after the commit, so a setting whose transaction rolls back leaves no
 * record, and a committed one whose delivery was cut short by a stop is delivered again at the next start.
 */
@Component
class LevelAudit {

    private final AuditLog audit;

    LevelAudit(AuditLog audit) {
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(SituationLevelSet e) {
        audit.append(new AuditRecord(AuditRecord.Kind.ADMINISTRATION, e.setBy(), "authority/level/" + e.region(), "set " + e.level(),
                e.note() == null ? "" : e.note(), e.label(), e.at()));
    }
}
