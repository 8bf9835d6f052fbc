package org.kizuna.intel.internal;

import org.kizuna.federation.PeerAdmitted;
import org.kizuna.federation.ShareableReceived;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Keeps read-only replicas of the reports partners' nodes share with this one (docs/federation.md). */
@Component
class IntelReplicas {

    private final IntelService intel;

    IntelReplicas(IntelService intel) {
        this.intel = intel;
    }

    /**
     * Asynchronous after the arrival's commit (the event publication registry keeps it until this returns), but with no
     * transaction of its own: {@link IntelService#applyReplicas} is serialized and opens its own, and a listener that
     * held a connection while it waited for the lock would let a burst of arrivals take every connection of the pool.
     */
    @Async
    // only arrivals of its kind: the event publication registry keeps no publication of another kind's for this listener
    @TransactionalEventListener(condition = "#root.args[0].kind() == 'report'")
    void received(ShareableReceived event) {
        if (event.kind().equals("report")) intel.applyReplicas(event.items(), event.fromNation());
    }

    /**
     * A peer was admitted: it is offered every report this node owns, in pages, each in a transaction of its own (no
     * transaction, and so no connection, held between them). Idempotent: what the peer was sent is not sent again.
     */
    @Async
    @TransactionalEventListener
    void admitted(PeerAdmitted event) {
        intel.offerTo(event.nation());
    }
}
