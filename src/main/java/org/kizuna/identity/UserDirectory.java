package org.kizuna.identity;

import java.util.List;
import java.util.Optional;

/** Looks up the node's users (without their credentials). */
public interface UserDirectory {

    Optional<KizunaUser> find(String username);

    List<KizunaUser> all();

    /** Whether the user exists and an administrator disabled it (a disabled user may not sign in or connect). */
    boolean isDisabled(String username);
}
