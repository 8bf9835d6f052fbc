package org.kizuna.picture.internal.distribution;

import java.util.BitSet;
import java.util.function.IntPredicate;

/**
 * The multi-sensor tracker as the picture drives it: one estimate per audience, each fed only the
 * reports that audience may read. Implemented over the fusion engine's {@code LabelledPicture}; all calls
 * come from the picture's single thread.
 */
public interface FusedLayer {

    int addAudience(IntPredicate mayReadLabelKey);

    void report(double t, int sensor, double x, double y, double sigma, int labelKey);

    void advance(double now);

    void view(int audience, Sink sink);

    /** Read decisions may have changed (a new day's coalition membership): every audience starts again from what it may read now. */
    void redecide();

    /** Gives an audience's place to a new audience, which starts afresh (the old audience is gone). */
    default void replaceAudience(int audience, IntPredicate mayReadLabelKey) {
        throw new UnsupportedOperationException("this tracker cannot replace audiences");
    }

    /**
     * Adds every label key the tracker still holds to {@code out}; returns false when it cannot tell,
     * and then the picture never releases a key it gave the tracker.
     */
    default boolean labelKeysInUse(BitSet out) {
        return false;
    }

    /** Forgets every read decision cached for these keys: they will name other labels. */
    default void forget(BitSet keys) {
    }

    /** Receives the tracks of one audience's view (plane coordinates, seconds). */
    interface Sink {
        void track(long id, double t, double x, double y, double vx, double vy, double positionVariance,
                   int[] labelKeys, int labelKeyCount, int[] sensors, int sensorCount);
    }
}
