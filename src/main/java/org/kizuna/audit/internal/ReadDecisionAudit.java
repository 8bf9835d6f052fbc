package org.kizuna.audit.internal;

import java.time.Clock;

import org.kizuna.audit.AuditLog;
import org.kizuna.audit.AuditRecord;
import org.kizuna.label.ReadPath;
import org.kizuna.label.ReleaseGuard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Appends every query of the read path and every guard decision to the audit log, each labelled so that
 * only those who may read what it names may read it.
 */
@Component
class ReadDecisionAudit implements ReadPath.ReadDecisionListener, ReleaseGuard.ReleaseListener {

    private final ObjectProvider<AuditLog> log;
    private final Clock clock = Clock.systemUTC();

    ReadDecisionAudit(ObjectProvider<AuditLog> log) {
        this.log = log;
    }

    /**
     * One record per query, labelled as {@code ReadPath} decides (the reader's own ceiling, so only
     * auditors who could read what the reader could read it): who asked, what, the outcome and the ids
     * given, cut to fit the record; nothing about items the reader may not read.
     */
    @Override
    public void decided(ReadPath.ReadQuery q) {
        if (q.asked().startsWith(AuditLogIds.PREFIX)) {
            return; // reading the audit trail is not itself a read of the alliance's items
        }
        String actor = cut(q.reader().toString(), 200);
        String subject = cut(q.asked(), 300);
        String outcome = cut(q.outcome(), 100);
        int room = AuditRecord.MAX_TEXT - actor.length() - subject.length() - outcome.length();
        String given = q.given().isEmpty() ? "" : cut("given " + String.join(", ", q.given()), room);
        log.getObject().append(new AuditRecord(AuditRecord.Kind.READ, actor, subject, outcome, given, q.label(), clock.instant()));
    }

    /** The text, or its start with the number of characters left out, within {@code max} characters. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String more = "... (" + text.length() + " characters)";
        return text.substring(0, Math.max(0, max - more.length())) + more;
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
