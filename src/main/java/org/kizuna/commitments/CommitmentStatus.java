package org.kizuna.commitments;

/**
 * Where a commitment stands: {@code OPEN} (made, no work reported), {@code IN_PROGRESS}, {@code DONE},
 * {@code DELAYED} (its deadline was missed or given up and it is still to be done) or {@code CANCELLED}. Only
 * {@code DONE} and {@code CANCELLED} end it; the others can be overdue.
 */
public enum CommitmentStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    DELAYED,
    CANCELLED;

    /** Whether the commitment is over (done or cancelled), so no deadline can be missed any more. */
    public boolean closed() {
        return this == DONE || this == CANCELLED;
    }
}
