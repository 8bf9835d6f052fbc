package org.kizuna.label;

import org.kizuna.node.Reason;

/**
 * The outcome of a read decision; a deny always says which rule failed and why: {@link #why()} as a code and
 * arguments ({@code label.decision.*}) to be told in a reader's language, {@link #reason()} in English (the audit log).
 */
public record Decision(boolean allowed, Reason why) {

    private static final Decision ALLOW = new Decision(true, Reason.of("label.decision.allow"));

    public static Decision allow() {
        return ALLOW;
    }

    public static Decision deny(Reason why) {
        return new Decision(false, why);
    }

    /** The reason in English: {@code allow}, or the rule that failed and why. */
    public String reason() {
        return why.english();
    }
}
