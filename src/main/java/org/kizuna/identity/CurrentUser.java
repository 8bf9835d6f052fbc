package org.kizuna.identity;

import java.util.Optional;

import org.kizuna.label.Reader;

/** The user on whose behalf the current request runs. */
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
