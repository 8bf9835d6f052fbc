package org.kizuna.label;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kizuna.node.Reason;

/**
 * What the guard lets leave on the link to one nation: the portions released (in their original order)
 * and, for the audit log only, the portions withheld with the reason. A recipient is never told of
 * withheld portions.
 */
public record GuardResult(String toNation, @Nullable Label rolledUp, List<Portion> released, List<Withheld> withheld) {

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
