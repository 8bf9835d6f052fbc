package org.kizuna.federation;

import java.util.List;

/**
 * The picture's way to its peers: a latest-state stream per approved peer over the peer link, beside the durable record
 * outbox and not through it (tracks change every second; a record outbox holds every version until it is acknowledged).
 * What goes to a peer is what this node's administrator agreed with it: its tracks (the default) or its sensors'
 * observations. What is offered is sent as it is: the caller has released every track and observation to the peer
 * already (the label module's guard for the peer's nation).
 */
public interface TrackExchange {

    /** The nations of the approved peers sent tracks now (empty when this node does not federate). */
    List<String> peers();

    /** The nations of the approved peers sent observations now, by agreement (empty when this node does not federate). */
    default List<String> observationPeers() {
        return List.of();
    }

    /** Offers the newest tracks for {@code batch.to()}; an older batch for that peer not yet sent is dropped. */
    void offer(PeerTracks batch);

    /**
     * Offers a batch of observations for {@code batch.to()}, sent after the batches offered before it; while the link is
     * slow or down only the newest few batches are kept (docs/federation.md, "The picture across nodes").
     */
    default void offer(PeerObservations batch) {
    }

    /**
     * Receives the batches peers send this node; each is from the peer whose certificate the link presented, and sealed
     * for this node ({@code to}). Implemented by the picture.
     */
    interface Receiver {
        void received(PeerTracks batch);

        /** A peer's observations, checked as tracks are ({@code from} the link's peer, {@code to} this node). */
        default void received(PeerObservations batch) {
        }
    }
}
