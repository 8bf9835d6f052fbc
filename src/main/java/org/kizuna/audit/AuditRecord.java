package org.kizuna.audit;

import java.time.Instant;

import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * One audited event. The record is labelled itself: a record that names an item carries that item's
 * label, so the audit trail never shows a reader what the reader could not see.
 */
public record AuditRecord(Kind kind, String actor, String subject, String outcome, String reason, Label label, Instant at)
        implements Labelled {

    public enum Kind { READ_DECISION, RELEASE, APPROVAL, ADMINISTRATION }

    public AuditRecord {
        if (actor.isEmpty() || subject.isEmpty()) {
            throw new IllegalArgumentException("an audit record names its actor and its subject");
        }
    }
}
