package org.kizuna.commitments.internal;

import org.kizuna.federation.PeerAdmitted;
import org.kizuna.federation.ShareableReceived;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps read-only replicas of the commitments the owner nations' nodes share with this one (docs/commitments.md). After
 * the arrival's commit, with no transaction of its own while it waits: the service is serialized and opens its own.
 */
@Component
class CommitmentFederation {

    private final CommitmentService commitments;

    CommitmentFederation(CommitmentService commitments) {
        this.commitments = commitments;
    }

    @Async
    // only arrivals of its kind: the event publication registry keeps no publication of another kind's for this listener
    @TransactionalEventListener(condition = "#root.args[0].kind() == 'commitment'")
    void received(ShareableReceived event) {
        if (event.kind().equals(CommitmentShares.KIND)) commitments.applyReplicas(event.items(), event.fromNation());
    }

    /**
     * A peer was admitted: it is offered every commitment of this node's nation that was shared, in pages, each in a transaction of its own.
     * Idempotent: what the peer was sent at an item's version is not sent again.
     */
    @Async
    @TransactionalEventListener
    void admitted(PeerAdmitted event) {
        commitments.offerTo(event.nation());
    }
}
