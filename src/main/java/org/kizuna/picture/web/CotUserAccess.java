package org.kizuna.picture.web;

import org.kizuna.identity.UserDisabled;
import org.kizuna.picture.net.CotServer;
import org.springframework.modulith.events.ApplicationModuleListener;

/** When an administrator disables a user, the user's live CoT connections are cut at once (new ones are refused at the handshake). */
class CotUserAccess {

    private final CotServer server;

    CotUserAccess(CotServer server) {
        this.server = server;
    }

    @ApplicationModuleListener
    public void on(UserDisabled event) {
        server.disconnectUser(event.username(), "user-disabled");
    }
}
