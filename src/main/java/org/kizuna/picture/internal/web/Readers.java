package org.kizuna.picture.internal.web;

import org.kizuna.identity.CurrentUser;
import org.kizuna.identity.KizunaUser;
import org.kizuna.label.Reader;
import org.springframework.stereotype.Component;

/** The reader of the current request, built from the signed-in user's nation, clearance and accesses. */
@Component
class Readers {

    private final CurrentUser currentUser;

    Readers(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    KizunaUser user() {
        return currentUser.require();
    }

    Reader reader() {
        return currentUser.reader();
    }
}
