package org.kizuna.intel.internal;

import org.kizuna.federation.ShareableReceived;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps read-only replicas of the reports partners' nodes share with this one (docs/federation.md). */
@Component
class IntelReplicas {

    private final IntelService intel;

    IntelReplicas(IntelService intel) {
        this.intel = intel;
    }

    @ApplicationModuleListener
    void received(ShareableReceived event) {
        if (event.item().kind().equals("report")) intel.applyReplica(event.item(), event.fromNation());
    }
}
