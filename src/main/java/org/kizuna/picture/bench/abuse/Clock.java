package org.kizuna.picture.bench.abuse;

/** The phase an abuse run is in, read by every client of the harness to file its figures under. */
public final class Clock {

    /** Warm-up (not reported), the quiet baseline, the abuse, and the end. */
    public enum Phase {
        WARMUP,
        QUIET,
        ABUSE,
        DONE
    }

    private volatile Phase phase = Phase.WARMUP;

    public Phase phase() {
        return phase;
    }

    public void enter(Phase next) {
        phase = next;
    }
}
