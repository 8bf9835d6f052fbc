package org.kizuna.audit.internal;

import java.time.Clock;

import org.kizuna.audit.AuditLog;
import org.kizuna.audit.AuditRecord;
import org.kizuna.label.ReadPath;
import org.kizuna.label.ReleaseGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Appends every read decision of the read path and every guard decision to the audit log, each labelled
 * like the item it names.
 */
@Component
class ReadDecisionAudit implements ReadPath.ReadDecisionListener, ReleaseGuard.ReleaseListener {

    private final ObjectProvider<AuditLog> log;
    private final Clock clock = Clock.systemUTC();

    ReadDecisionAudit(ObjectProvider<AuditLog> log) {
        this.log = log;
    }

    @Override
    public void decided(ReadPath.ReadDecision d) {
        if (d.itemId().startsWith(AuditLogIds.PREFIX)) {
            return; // reading the audit trail is not itself a decision on an item of the alliance
        }
        log.getObject().append(new AuditRecord(AuditRecord.Kind.READ_DECISION, d.reader().toString(), d.itemId(),
                d.allowed() ? "allow" : "deny", "", d.label(), clock.instant()));
    }

    @Override
    public void released(ReleaseGuard.Release r) {
        String released = r.result().released().stream().map(p -> p.id()).sorted().toList().toString();
        // recorded under the roll-up of the declared banner and every portion: the reasons name portions
        // (and the banner the portions really add up to) that the declared banner may understate
        String withheld = r.covering() == null
                ? "withheld " + r.result().withheld().size() + " portions; the banner and the portions have no common label, so the reasons are not recorded"
                : "withheld " + r.result().withheld().stream().map(w -> w.portionId() + ": " + w.reason()).toList();
        log.getObject().append(new AuditRecord(AuditRecord.Kind.RELEASE, r.actor(), r.itemId(),
                fit("to " + r.toNation() + " released " + released), fit(withheld),
                r.covering() == null ? r.declaredBanner() : r.covering(), clock.instant()));
    }

    /** A listing of many portions is cut so the record stays within the log's size; the count stays visible. */
    private static String fit(String text) {
        int max = 600;
        return text.length() <= max ? text : text.substring(0, max - 40) + "... (" + (text.length() - max + 40) + " more characters)";
    }
}
