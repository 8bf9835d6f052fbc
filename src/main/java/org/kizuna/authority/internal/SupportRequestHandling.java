package org.kizuna.authority.internal;

import org.kizuna.federation.PeerRequest;
import org.kizuna.federation.PeerRequestHandling;
import org.springframework.stereotype.Component;

/** The requests authority answers: a partner node's support request addressed to this node ({@link AuthorityFederation}). */
@Component
class SupportRequestHandling implements PeerRequestHandling {

    @Override
    public boolean handles(PeerRequest request) {
        return request.kind().equals(SupportShares.KIND) && request.to() != null;
    }
}
