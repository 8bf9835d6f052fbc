package org.kizuna.picture.internal.distribution;

import org.kizuna.label.Reader;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.Source;

/**
 * Where a picture that does not fuse (a replica of a node whose picture runs on Apache Kafka, docs/scaling.md) sends what
 * it takes: each event it accepted, to the fusion workers, and each audience it serves, so that the workers fuse for it.
 * The tracks come back through {@link LivePicture#remoteSelf} and {@link LivePicture#remoteFused}.
 */
public interface PictureBus {

    /** Hands an event the picture accepted to the fusion workers; false when the way there is full (the event is refused). */
    boolean publish(CotEvent event, Source source);

    /** The picture serves this reader's audience from now on: the workers are to fuse and publish its tracks. */
    void audience(Reader reader);
}
