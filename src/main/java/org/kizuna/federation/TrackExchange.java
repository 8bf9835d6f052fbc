package org.kizuna.federation;

import java.util.List;

/**
 * The picture's way to its peers: a latest-state stream per approved peer over the peer link, beside the durable record
 * outbox and not through it (tracks change every second; a record outbox holds every version until it is acknowledged).
 * What is offered is sent as it is: the caller has released every track to the peer already (the label module's guard
 * for the peer's nation).
 */
public interface TrackExchange {

    /** The nations of the approved peers now (empty when this node does not federate). */
    List<String> peers();

    /** Offers the newest tracks for {@code batch.to()}; an older batch for that peer not yet sent is dropped. */
    void offer(PeerTracks batch);

    /**
     * Receives the batches peers send this node; each is from the peer whose certificate the link presented, and sealed
     * for this node ({@code to}). Implemented by the picture.
     */
    interface Receiver {
        void received(PeerTracks batch);
    }
}
