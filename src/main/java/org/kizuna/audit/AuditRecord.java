package org.kizuna.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One accountable event: who did what to which item, with what outcome and why. The record is labelled
 * itself: {@code label} is the banner a reader must be able to read to see the record, for example
 * "UNCLASSIFIED", or the item's own banner when the record reveals the item.
 *
 * @param kind    what the record is about
 * @param actor   the user, node or service that acted (for a release: the link, such as "guard:JPN")
 * @param subject the id of the item the decision is about
 * @param outcome the decision or outcome, such as "PERMIT", "DENY", "RELEASED", "APPROVED"
 * @param reason  why, in a few words; may be empty
 * @param label   banner of the record's own label
 * @param at      when it happened
 */
public record AuditRecord(AuditKind kind, String actor, String subject, String outcome, String reason, String label, Instant at) {

    /** Longest text field, in characters; longer input is a programming error, not something to truncate. */
    public static final int MAX_FIELD = 4096;

    public AuditRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        check("actor", actor, false);
        check("subject", subject, false);
        check("outcome", outcome, false);
        check("reason", reason, true);
        check("label", label, false);
    }

    /** A read decision on a labelled item. */
    public static AuditRecord readDecision(String reader, String itemId, boolean permitted, String reason, String label, Instant at) {
        return new AuditRecord(AuditKind.READ_DECISION, reader, itemId, permitted ? "PERMIT" : "DENY", reason, label, at);
    }

    /** A release decision of the guard on the link to a partner. */
    public static AuditRecord release(String link, String itemId, boolean released, String reason, String label, Instant at) {
        return new AuditRecord(AuditKind.RELEASE, link, itemId, released ? "RELEASED" : "WITHHELD", reason, label, at);
    }

    /** An approval given by a person. */
    public static AuditRecord approval(String approver, String itemId, String reason, String label, Instant at) {
        return new AuditRecord(AuditKind.APPROVAL, approver, itemId, "APPROVED", reason, label, at);
    }

    private static void check(String field, String value, boolean mayBeEmpty) {
        Objects.requireNonNull(value, field);
        if (!mayBeEmpty && value.isBlank()) {
            throw new IllegalArgumentException("audit record " + field + " must not be blank");
        }
        if (value.length() > MAX_FIELD) {
            throw new IllegalArgumentException("audit record " + field + " is longer than " + MAX_FIELD + " characters");
        }
    }
}
