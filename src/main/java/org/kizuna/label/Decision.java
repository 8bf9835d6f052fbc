package org.kizuna.label;

/** The outcome of a read decision; a deny always says which rule failed and why. */
public record Decision(boolean allowed, String reason) {

    private static final Decision ALLOW = new Decision(true, "allow");

    public static Decision allow() {
        return ALLOW;
    }

    public static Decision deny(String reason) {
        return new Decision(false, reason);
    }
}
