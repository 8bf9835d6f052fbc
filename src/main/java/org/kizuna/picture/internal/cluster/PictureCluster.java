package org.kizuna.picture.internal.cluster;

import org.jspecify.annotations.Nullable;
import org.kizuna.picture.internal.distribution.LivePicture;

/**
 * The picture of this process on Apache Kafka ({@code kizuna.picture.bus.kind=kafka}): a replica or a fusion worker, as
 * {@code kizuna.picture.bus.role} says. Made before the picture, which is attached as it is made, so that no event a
 * client sends a replica is taken by its own tracking.
 */
public final class PictureCluster implements AutoCloseable {

    private final BusSettings settings;
    private final String nation;
    private @Nullable AutoCloseable part;

    PictureCluster(BusSettings settings, String nation) {
        this.settings = settings;
        this.nation = nation;
    }

    /** Makes the topics where they do not exist and starts this process's part with its picture. */
    public synchronized void attach(LivePicture picture) {
        if (part != null) throw new IllegalStateException("the picture is already attached");
        Topics topics = Topics.of(settings, nation);
        var client = Clients.common(settings, "kizuna-" + nation + "-" + settings.role());
        topics.create(client);
        Cells cells = new Cells(settings.cellDegrees(), topics.partitions());
        part = settings.isWorker()
                ? new FusionWorker(picture, topics, cells, client)
                : new KafkaReplica(picture, topics, cells, settings.haloDegrees(), client);
    }

    @Override
    public synchronized void close() throws Exception {
        if (part != null) part.close();
        part = null;
    }
}
