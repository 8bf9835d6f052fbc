package org.kizuna.audit.internal;

import java.time.Clock;

import org.kizuna.audit.AuditRecord;
import org.kizuna.label.ReadPath;
import org.kizuna.label.ReleaseGuard;
import org.springframework.stereotype.Component;

/**
 * Appends every query of the read path and every guard decision to the audit log, each labelled so that
 * only those who may read what it names may read it. It writes to the {@link JdbcAuditLog} itself, not to
 * {@link NodeAuditLog} (which reads through the read path that calls this listener), so the read path and
 * the log need no lazy lookup of each other.
 * <p>
 * A listener the read path calls, not an event listener: it runs in the reader's own request, and when the
 * log refuses the record ({@link org.kizuna.audit.AuditUnavailableException}) the read fails (503) instead
 * of being answered without a record.
 */
@Component
class ReadDecisionAudit implements ReadPath.ReadDecisionListener, ReleaseGuard.ReleaseListener {

    private final JdbcAuditLog log;
    private final Clock clock;

    ReadDecisionAudit(JdbcAuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
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
        log.append(new AuditRecord(AuditRecord.Kind.READ, actor, subject, outcome, given, q.label(), clock.instant()));
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
        // which label left: each released portion's own (the originator's) label and its form in the partner's policy
        String leftAs = r.result().released().stream().sorted(java.util.Comparator.comparing(p -> p.id()))
                .map(p -> p.id() + " " + p.label().portionMark() + " = " + partnerForm(r.result(), p.id())).toList().toString();
        // recorded under the roll-up of the declared banner and every portion: the reasons name portions
        // (and the banner the portions really add up to) that the declared banner may understate
        String withheld = r.covering() == null
                ? "withheld " + r.result().withheld().size() + " portions; the banner and the portions have no common label, so the reasons are not recorded"
                : "withheld " + r.result().withheld().stream().map(w -> w.portionId() + ": " + w.reason()).toList();
        log.append(new AuditRecord(AuditRecord.Kind.RELEASE, r.actor(), r.itemId(),
                fit("to " + r.toNation() + " released " + released + (r.result().released().isEmpty() ? "" : "; left as " + leftAs)), fit(withheld),
                r.covering() == null ? r.declaredBanner() : r.covering(), clock.instant()));
    }

    private static String partnerForm(org.kizuna.label.GuardResult result, String portionId) {
        org.kizuna.label.Label l = result.inPartnerPolicy().get(portionId);
        return l == null ? "(none)" : l.portionMark();
    }

    /** A listing of many portions is cut so the record stays within the log's size; the count stays visible. */
    private static String fit(String text) {
        int max = 600;
        return text.length() <= max ? text : text.substring(0, max - 40) + "... (" + (text.length() - max + 40) + " more characters)";
    }
}
