package org.kizuna.identity;

import java.util.List;
import java.util.Optional;

/** Looks up the node's users (without their credentials). */
public interface UserDirectory {

    Optional<KizunaUser> find(String username);

    List<KizunaUser> all();

    /** Whether the user exists and an administrator disabled it (a disabled user may not sign in or connect). */
    boolean isDisabled(String username);

    /**
     * The label an administrator set for the user's unlabelled reports (a marking, such as
     * {@code SECRET//REL TO USA, JPN}), or empty when none is set and the user's reports default to its own
     * nation only. Checked when it was set: the node may hold it and the user may read it.
     */
    default Optional<String> defaultLabel(String username) {
        return Optional.empty();
    }
}
