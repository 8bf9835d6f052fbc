package org.kizuna.picture.internal.web;

import org.kizuna.identity.UserDisabled;
import org.kizuna.picture.internal.ingest.CotServer;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * When an administrator disables a user, the user's live CoT connections are cut at once (new ones are
 * refused at the handshake) and the user's open picture streams are completed.
 */
@org.springframework.stereotype.Component
class CotUserAccess {

    private final CotServer server;
    private final StreamController streams;

    CotUserAccess(CotServer server, StreamController streams) {
        this.server = server;
        this.streams = streams;
    }

    @ApplicationModuleListener
    public void on(UserDisabled event) {
        server.disconnectUser(event.username(), "user-disabled");
        streams.endStreamsOf(event.username());
    }
}
