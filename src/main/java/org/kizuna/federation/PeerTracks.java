package org.kizuna.federation;

import java.util.List;

/**
 * A node's live tracks as released to one peer (the picture across nodes): state, not records. The newest batch for a
 * peer replaces the one before it, whether or not that was sent; nothing is kept on disk or acknowledged, and after a
 * reconnection the peer gets the batch of the moment. {@code from} is the node that built every track from its own
 * sensors' reports (a node never passes on a track it was sent), {@code to} the peer it was released to.
 *
 * @param timeMs the time every track's state holds at (epoch milliseconds)
 */
public record PeerTracks(String from, String to, long timeMs, List<Track> tracks) {

    public PeerTracks {
        tracks = List.copyOf(tracks);
    }

    /**
     * One track: the sender's id for it, position (degrees), velocity east and north (m/s), and per axis (east, north)
     * the covariance of position and velocity ({@code [[pee, pev], [pev, vee]]}: m^2, m^2/s, m^2/s^2), under the
     * roll-up label of the reports it was built from (a banner), which the sender's guard released to {@code to}.
     */
    public record Track(long id, double lat, double lon, double vEast, double vNorth, double pee, double pev, double vee, double pnn, double pnv,
            double vnn, String label) {
    }
}
