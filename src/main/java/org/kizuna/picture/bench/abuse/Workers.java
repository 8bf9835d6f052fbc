package org.kizuna.picture.bench.abuse;

import java.io.Closeable;
import java.io.IOException;

/** How the abuse harness runs its busy loops and lets go of the connections it is done with. */
final class Workers {

    private Workers() {
    }

    /**
     * Starts {@code work} on a platform daemon thread named {@code thread}, so that the harness's busy
     * loops share the CPU with the node's carrier threads through the OS rather than queueing the node's
     * virtual threads behind them (the many idle sockets, which mostly wait, sit on virtual threads). A
     * runtime exception that ends the work is counted as {@code failure}{@code .failed: <exception>}.
     */
    static Thread start(String thread, Outcomes outcomes, String failure, Runnable work) {
        return Thread.ofPlatform().daemon(true).name(thread).start(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                outcomes.add(failure + ".failed: " + e.getClass().getSimpleName());
            }
        });
    }

    /** Closes a socket or stream; one that is closed already, or breaks while closing, is let go all the same. */
    static void release(Closeable connection) {
        try {
            connection.close();
        } catch (IOException alreadyGone) {
            // nothing left to release
        }
    }
}
