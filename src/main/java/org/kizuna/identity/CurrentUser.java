package org.kizuna.identity;

import java.util.Optional;

import org.kizuna.label.Reader;

/**
 * The user on whose behalf the current request runs. A web controller takes it as a method parameter instead: a
 * {@link KizunaUser} parameter is this user, a {@link Reader} parameter this user as reader.
 */
public interface CurrentUser {

    Optional<KizunaUser> get();

    /** The current user; throws when the request is not authenticated (which security prevents). */
    default KizunaUser require() {
        return get().orElseThrow(() -> new IllegalStateException("no authenticated user in this request"));
    }

    /** The current user as the label module's reader: nation, clearance and accesses. */
    default Reader reader() {
        return require().reader();
    }
}
