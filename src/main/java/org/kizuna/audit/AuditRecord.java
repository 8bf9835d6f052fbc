package org.kizuna.audit;

import java.time.Instant;
import java.util.Objects;

import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * One audited event. The record is labelled itself: a record that names an item carries that item's
 * label, so the audit trail never shows a reader what the reader could not see. The log keeps
 * {@code at} to the millisecond.
 */
public record AuditRecord(Kind kind, String actor, String subject, String outcome, String reason, Label label, Instant at)
        implements Labelled {

    /**
     * Most characters of actor, subject, outcome and reason together: the stored entry must fit its
     * column however the text encodes. Longer input is a programming error, not something to truncate here.
     */
    public static final int MAX_TEXT = 1500;
    /** Longest label banner the log stores. */
    public static final int MAX_BANNER = 200;

    /**
     * What a record is about; the log stores the name, so new kinds may be added at the end.
     * {@code READ_DECISION} (one item per record) is what earlier versions recorded; a node now records
     * one {@code READ} per query of a reader (see {@code ReadPath}).
     */
    public enum Kind {
        READ_DECISION,
        RELEASE,
        APPROVAL,
        ADMINISTRATION,
        AUTHENTICATION,
        EXPORT,
        READ
    }

    public AuditRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(at, "at");
        if (actor.isEmpty() || subject.isEmpty()) {
            throw new IllegalArgumentException("an audit record names its actor and its subject");
        }
        if (actor.length() + subject.length() + outcome.length() + reason.length() > MAX_TEXT) {
            throw new IllegalArgumentException("an audit record's actor, subject, outcome and reason exceed " + MAX_TEXT + " characters");
        }
        if (label.banner().length() > MAX_BANNER) {
            throw new IllegalArgumentException("an audit record's label banner exceeds " + MAX_BANNER + " characters");
        }
    }
}
