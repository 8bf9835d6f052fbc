package org.kizuna.label;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kizuna.node.Reason;

/**
 * What the guard lets leave on the link to one nation: the portions released (in their original order)
 * and, for the audit log only, the portions withheld with the reason. A recipient is never told of
 * withheld portions. {@code inPartnerPolicy} gives, for each released portion's id, its label expressed in the partner's
 * policy ({@link LabelKernel#inPolicy}): what leaves with the portion beside its own (the originator's) label.
 */
public record GuardResult(String toNation, @Nullable Label rolledUp, List<Portion> released, List<Withheld> withheld,
        Map<String, Label> inPartnerPolicy) {

    /**
     * A portion that may not leave, and why: {@link #why()} as a code and arguments ({@code label.guard.*}) told in the
     * releaser's language, {@link #reason()} in English (the audit log).
     */
    public record Withheld(String portionId, Reason why) {

        /** Why, in English. */
        public String reason() {
            return why.english();
        }
    }

    public GuardResult {
        released = List.copyOf(released);
        withheld = List.copyOf(withheld);
        inPartnerPolicy = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inPartnerPolicy));
    }

    /** A result with no partner-policy forms (nothing released, or a decision taken before any was computed). */
    public GuardResult(String toNation, @Nullable Label rolledUp, List<Portion> released, List<Withheld> withheld) {
        this(toNation, rolledUp, released, withheld, Map.of());
    }

    /** Whether every portion may leave. */
    public boolean allReleased() {
        return withheld.isEmpty() && !released.isEmpty();
    }

    /** Whether nothing may leave. */
    public boolean nothingReleased() {
        return released.isEmpty();
    }
}
