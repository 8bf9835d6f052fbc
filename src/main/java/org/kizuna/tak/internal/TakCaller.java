package org.kizuna.tak.internal;

import java.security.Principal;
import org.kizuna.identity.KizunaUser;

/**
 * Who calls the TAK REST API: a user of the node, known by a client certificate of the node's CA or, for
 * enrollment only, by an enrollment token (a password login is the identity module's own principal).
 */
record TakCaller(KizunaUser user, How how) implements Principal {

    enum How {
        CERTIFICATE,
        ENROLLMENT_TOKEN
    }

    @Override
    public String getName() {
        return user.username();
    }
}
