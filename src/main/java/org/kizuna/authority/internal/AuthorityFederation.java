package org.kizuna.authority.internal;

import org.kizuna.federation.PeerAnswerReceived;
import org.kizuna.federation.PeerRequestReceived;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Support requests between nodes: a partner node's request for support by this node's nation, and where a request this
 * node sent to the supporting nation's node came to rest (docs/authority.md). After the arrival's commit, with no
 * transaction of its own while it waits: the service is serialized and opens its own.
 */
@Component
class AuthorityFederation {

    private final AuthorityService authority;
    private final SupportRequestHandling handling;

    AuthorityFederation(AuthorityService authority, SupportRequestHandling handling) {
        this.authority = authority;
        this.handling = handling;
    }

    @Async
    @TransactionalEventListener
    void requested(PeerRequestReceived event) {
        if (handling.handles(event.request())) authority.requestFrom(event.request(), event.fromNation());
    }

    @Async
    @TransactionalEventListener
    void answered(PeerAnswerReceived event) {
        if (event.kind().equals(SupportShares.KIND)) authority.answered(event);
    }
}
