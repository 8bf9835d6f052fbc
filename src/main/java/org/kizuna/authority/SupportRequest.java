package org.kizuna.authority;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * A request of {@code fromNation}'s forces for support of {@code kind} by {@code toNation}'s forces in a region, the
 * outcome of its check against the level in force when it was filed ({@code level}), with the reason and legal basis,
 * and, once decided, who decided and why.
 */
public record SupportRequest(String id, String fromNation, String toNation, String kind, String region, LocalDate neededFrom,
        LocalDate neededTo, String description, Outcome outcome, String reason, String basis, String level, String requestedBy,
        Instant requestedAt, @Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String decisionNote, Label label)
        implements Labelled {

    /** Allowed under the level in force (or by a decision), refused with the legal reason (or by a decision), or waiting for a decision. */
    public enum Outcome {
        ALLOWED,
        REFUSED,
        PENDING_DECISION
    }
}
