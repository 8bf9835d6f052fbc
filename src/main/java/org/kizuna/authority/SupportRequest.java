package org.kizuna.authority;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * A request of {@code fromNation}'s forces for support of {@code kind} by {@code toNation}'s forces in a region, the
 * outcome of its check against the level in force when it was filed ({@code level}), with the reason and legal basis,
 * and, once decided, who decided and why.
 *
 * @param decidedOn    the nation whose node decides the request (it was sent there: the supporting nation's node, an
 *                     approved peer), or that sent it here for a decision; null for a request filed and decided on this node
 * @param decisionCode the reason of a decision taken on another node, as a code with its arguments (told in each
 *                     reader's language by {@link #in}); null otherwise
 */
public record SupportRequest(String id, String fromNation, String toNation, String kind, String region, LocalDate neededFrom,
        LocalDate neededTo, String description, Outcome outcome, String reason, String basis, String level, String requestedBy,
        Instant requestedAt, @Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String decisionNote, Label label,
        @Nullable String decidedOn, @JsonIgnore @Nullable String decisionCode) implements Labelled {

    /** A request filed and decided on this node. */
    public SupportRequest(String id, String fromNation, String toNation, String kind, String region, LocalDate neededFrom, LocalDate neededTo,
            String description, Outcome outcome, String reason, String basis, String level, String requestedBy, Instant requestedAt,
            @Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String decisionNote, Label label) {
        this(id, fromNation, toNation, kind, region, neededFrom, neededTo, description, outcome, reason, basis, level, requestedBy, requestedAt, decidedBy,
                decidedAt, decisionNote, label, null, null);
    }

    /** This request with the reason of a decision taken on another node told in {@code language} (as stored otherwise). */
    public SupportRequest in(Locale language) {
        org.kizuna.node.Reason why = org.kizuna.node.Reason.fromStored(decisionCode);
        if (why == null) return this;
        return new SupportRequest(id, fromNation, toNation, kind, region, neededFrom, neededTo, description, outcome, reason, basis, level, requestedBy,
                requestedAt, decidedBy, decidedAt, why.in(language), label, decidedOn, decisionCode);
    }

    /** Allowed under the level in force (or by a decision), refused with the legal reason (or by a decision), or waiting for a decision. */
    public enum Outcome {
        ALLOWED,
        REFUSED,
        PENDING_DECISION
    }
}
