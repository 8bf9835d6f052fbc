package org.kizuna.identity;

/** What a user may do beyond reading: plan, release to partners, administer the node. */
public enum Role {
    VIEWER, PLANNER, RELEASER, ADMINISTRATOR;

    /** The Spring Security authority name, {@code ROLE_PLANNER} for example. */
    public String authority() {
        return "ROLE_" + name();
    }
}
