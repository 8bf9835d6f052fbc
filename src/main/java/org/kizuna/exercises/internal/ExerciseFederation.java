package org.kizuna.exercises.internal;

import org.kizuna.federation.PeerAdmitted;
import org.kizuna.federation.ShareableReceived;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps read-only replicas of the exercises partners' nodes share with this one (docs/exercises.md). After the
 * arrival's commit, with no transaction of its own while it waits: the service is serialized and opens its own.
 */
@Component
class ExerciseFederation {

    private final ExerciseService exercises;

    ExerciseFederation(ExerciseService exercises) {
        this.exercises = exercises;
    }

    @Async
    // only arrivals of its kind: the event publication registry keeps no publication of another kind's for this listener
    @TransactionalEventListener(condition = "#root.args[0].kind() == 'exercise'")
    void received(ShareableReceived event) {
        if (event.kind().equals(ExerciseShares.KIND)) exercises.applyReplicas(event.items(), event.fromNation());
    }

    /**
     * A peer was admitted: it is offered every exercise that was shared, in pages, each in a transaction of its own.
     * Idempotent: what the peer was sent at an item's version is not sent again.
     */
    @Async
    @TransactionalEventListener
    void admitted(PeerAdmitted event) {
        exercises.offerTo(event.nation());
    }
}
