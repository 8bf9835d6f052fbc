package org.kizuna.picture.internal.distribution;

/**
 * Receives what the picture publishes, for the track history: every self-reported version it takes
 * (whoever may read it; the history filters by label when it answers) and every audience's own fused
 * view, under that audience's name, so that a reader's history of a fused track is its own audience's
 * track and never another audience's associations. Called on the picture's thread: must never block.
 */
public interface Recorder {

    void selfReported(TrackState[] states, int count);

    void fused(String audience, TrackState[] states, int count);
}
