package org.kizuna.identity;

/**
 * What a user may do beyond reading: plan, release to partners, administer the node, audit (read the
 * audit trail's records of who read what, within the user's own clearance).
 */
public enum Role {
    VIEWER,
    PLANNER,
    RELEASER,
    ADMINISTRATOR,
    AUDITOR;

    /** The Spring Security authority name, {@code ROLE_PLANNER} for example. */
    public String authority() {
        return "ROLE_" + name();
    }
}
