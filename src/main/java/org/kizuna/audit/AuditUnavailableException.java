package org.kizuna.audit;

/**
 * The audit log cannot record right now (its database has refused writes for a while, or the writer is
 * a whole queue behind for too long), so nothing that must be recorded may happen: labelled reads are
 * refused until it can. The web API answers 503 with this message.
 */
public final class AuditUnavailableException extends RuntimeException {

    public static final String MESSAGE = "the audit log cannot record reads right now; labelled reads are refused until it can";

    public AuditUnavailableException() {
        super(MESSAGE, null, false, false);
    }
}
