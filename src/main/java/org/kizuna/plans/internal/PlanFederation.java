package org.kizuna.plans.internal;

import org.kizuna.federation.PeerAdmitted;
import org.kizuna.federation.PeerRequestReceived;
import org.kizuna.federation.ShareableReceived;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps read-only replicas of the plans partners' nodes share with this one, and takes their approvals and comments on
 * this node's plans (docs/plans.md, "Shared with partner nodes"). Both listeners run after the arrival's commit (the
 * event publication registry keeps each event until its listener returns) with no transaction of their own: the
 * service is serialized and opens its own, so a burst of arrivals never holds the pool's connections while it waits.
 */
@Component
class PlanFederation {

    private final PlanService plans;
    private final PlanRequestHandling handling;

    PlanFederation(PlanService plans, PlanRequestHandling handling) {
        this.plans = plans;
        this.handling = handling;
    }

    @Async
    // only arrivals of its kind: the event publication registry keeps no publication of another kind's for this listener
    @TransactionalEventListener(condition = "#root.args[0].kind() == 'plan'")
    void received(ShareableReceived event) {
        if (event.kind().equals(PlanShares.KIND)) plans.applyReplicas(event.items(), event.fromNation());
    }

    @Async
    @TransactionalEventListener
    void requested(PeerRequestReceived event) {
        if (handling.handles(event.request())) plans.handle(event);
    }

    /**
     * A peer was admitted: it is offered every plan that was shared, in pages, each in a transaction of its own.
     * Idempotent: what the peer was sent at an item's version is not sent again.
     */
    @Async
    @TransactionalEventListener
    void admitted(PeerAdmitted event) {
        plans.offerTo(event.nation());
    }
}
