package org.kizuna.picture;

import java.util.List;
import java.util.Map;

import org.kizuna.label.Reader;

/**
 * The node's live common operational picture: what other modules (and, later, federation) may ask of it.
 * Events come in through {@link #ingest}; each reader sees only the tracks it may read, every one
 * decided by the label module.
 */
public interface Picture {

    /**
     * Takes one CoT event into the picture: a report of a registered sensor (uid {@code SENSOR.track})
     * from a source of the sensor's nation becomes an observation for the tracker; any other position
     * report is a self-reported track. The label comes from the event's attributes, else from the
     * sensor's, else from the source's default.
     *
     * @throws CotRejected with the reason when the event is not a position report, its time is outside
     *                     the window around the node's clock, its label does not parse, it has no label
     *                     and no default applies, its label is one the node may not hold, or the picture
     *                     holds as many tracks or labels of the source's nation as it may
     */
    void ingest(CotEvent event, Source source) throws CotRejected;

    /** The tracks the reader may see now, self-reported and fused. */
    List<TrackView> tracks(Reader reader);

    /**
     * The registration estimates of the reader's own audience (the tracker it sees its fused tracks from), in
     * sensor-id order: one for each registered sensor whose default label the reader may read (the rule of the
     * sensor list) and of whose reports the reader may read some. Each rests only on reports the reader may read.
     *
     * @throws IllegalStateException when the picture serves as many distinct readers as it may, all of them in
     *                               use, exactly as {@link #tracks} does
     */
    List<SensorRegistration> registration(Reader reader);

    /** Events refused since start, by reason ({@code time-too-old}, {@code label-not-held} ...), sorted by reason. */
    Map<String, Long> refusedByReason();

    /**
     * Reports of peers' sensors this picture took since start, by nation of the peer: the observations peers send this
     * node by their agreement (docs/federation.md, "The picture across nodes").
     */
    default Map<String, Long> peerObservations() {
        return Map.of();
    }
}
