package org.kizuna.federation.internal;

import org.springframework.context.ApplicationContext;

/**
 * For the federation benchmark only ({@code org.kizuna.federation.bench}): holds a node's way out, so that the changes
 * its owners publish stay in federation's table of pending changes until it is let go, and the owner's publishing and
 * federation's guarding, sealing and queueing are timed apart. No node's code holds it.
 */
public final class OutboundHold {

    private OutboundHold() {
    }

    /** Holds ({@code true}) or lets go ({@code false}) the way out of the node of this context. */
    public static void hold(ApplicationContext node, boolean hold) {
        node.getBean(Outbound.class).hold(hold);
    }
}
