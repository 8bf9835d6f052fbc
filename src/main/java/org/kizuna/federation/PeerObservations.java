package org.kizuna.federation;

import java.util.List;

/**
 * Reports of a node's own sensors as released to one peer under the observations agreement (the picture across nodes):
 * sent in small batches on the peer link, neither kept nor acknowledged. {@code from} is the node whose sensors took
 * every report (a node never passes on a report it was sent), {@code to} the peer they were released to.
 *
 * @param timeMs when the batch was made (epoch milliseconds)
 */
public record PeerObservations(String from, String to, long timeMs, List<Observation> observations) {

    public PeerObservations {
        observations = List.copyOf(observations);
    }

    /**
     * One report: the sender's id of the sensor, whether the sender's registry says its position was surveyed, when it
     * was taken (epoch milliseconds), the position measured (degrees) and its one-sigma accuracy (m), under its own
     * label (a banner), which the sender's guard released to {@code to}.
     */
    public record Observation(String sensor, boolean surveyed, long timeMs, double lat, double lon, double sigma, String label) {
    }
}
