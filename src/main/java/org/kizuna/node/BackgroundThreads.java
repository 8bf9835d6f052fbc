package org.kizuna.node;

import java.time.Duration;

/**
 * How the node stops a background thread of one of its parts (a writer, a feeder) when it shuts down:
 * interrupted, then awaited for a bounded time, so that a stopping node is never held up by one of them.
 */
public final class BackgroundThreads {

    private BackgroundThreads() {
    }

    /**
     * Interrupts {@code thread} and waits at most {@code wait} for it to end. A caller that is interrupted
     * meanwhile stops waiting and keeps its interrupt status.
     */
    public static void stop(Thread thread, Duration wait) {
        thread.interrupt();
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
