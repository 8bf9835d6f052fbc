package org.kizuna.plans.internal;

import org.kizuna.federation.PeerRequest;
import org.kizuna.federation.PeerRequestHandling;
import org.springframework.stereotype.Component;

/**
 * The requests plans answers: any request about a plan this node shared (an approval, a comment; another kind the plan
 * service refuses with its own words), {@link PlanFederation}.
 */
@Component
class PlanRequestHandling implements PeerRequestHandling {

    @Override
    public boolean handles(PeerRequest request) {
        return request.aboutKind().equals(PlanShares.KIND) && request.to() == null;
    }
}
