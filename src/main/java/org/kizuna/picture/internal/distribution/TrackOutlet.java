package org.kizuna.picture.internal.distribution;

/**
 * Receives what a fusing picture publishes, for the replicas of a node whose picture runs on Apache Kafka (a fusion
 * worker's way out): each self-reported version it takes, under the key the picture holds it by, and each audience's
 * fused view, every second, whole. Called on the picture's thread: must never block.
 */
public interface TrackOutlet {

    /**
     * A self-reported version the picture took. {@code key} is the picture's key of the track: the reporting nation and
     * uid, after {@code ~owner|} for a track of an unauthenticated (plain port) source.
     */
    void self(String key, TrackState state);

    /**
     * The audience's whole fused view now, each track under the audience's own roll-up of its reports' labels, and the
     * identities of the latest reports each took ({@code reports}, by uid).
     */
    void fused(String audience, TrackState[] states, int count, java.util.function.Function<String, long[]> reports);

    /** Whether a track standing here is this worker's to publish (its cells); a track elsewhere is named as its owner names it. */
    boolean owns(double lat, double lon);
}
