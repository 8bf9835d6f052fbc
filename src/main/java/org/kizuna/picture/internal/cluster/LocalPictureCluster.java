package org.kizuna.picture.internal.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.kizuna.picture.internal.distribution.LivePicture;

/**
 * One replica and some fusion workers of one node's picture on the brokers given, in this JVM, wired as the processes of
 * {@code ./kizuna cluster} are (each part its own {@link LivePicture}): for {@code ./kizuna bench cluster}, which measures
 * them against one node's picture. The topics are made where they do not exist; cells of a degree, a halo of 0.1 degree.
 */
public final class LocalPictureCluster implements AutoCloseable {

    private final KafkaReplica replica;
    private final List<FusionWorker> workers;

    private LocalPictureCluster(KafkaReplica replica, List<FusionWorker> workers) {
        this.replica = replica;
        this.workers = workers;
    }

    /**
     * Makes the topics {@code topics.NATION.picture.*} of {@code partitions} partitions (where they do not exist), starts a
     * worker around each of {@code workers} in one consumer group, then the replica around {@code replica}.
     */
    public static LocalPictureCluster start(String bootstrapServers, String topics, String nation, int partitions, LivePicture replica,
            List<LivePicture> workers) {
        BusSettings settings = new BusSettings("kafka", "worker", bootstrapServers, topics, partitions, 1.0, 0.1, Map.of());
        Topics t = Topics.of(settings, nation);
        Properties client = Clients.common(settings, "kizuna-" + nation + "-bench");
        t.create(client);
        Cells cells = new Cells(settings.cellDegrees(), t.partitions());
        List<FusionWorker> started = new ArrayList<>();
        try {
            for (LivePicture p : workers) started.add(new FusionWorker(p, t, cells, client));
            return new LocalPictureCluster(new KafkaReplica(replica, t, cells, settings.haloDegrees(), client), List.copyOf(started));
        } catch (RuntimeException e) {
            started.forEach(FusionWorker::close);
            throw e;
        }
    }

    /** How many partitions each worker fuses now, in the order given. */
    public List<Integer> partitionsPerWorker() {
        return workers.stream().map(w -> w.owned().size()).toList();
    }

    /**
     * Whether every partition is given to a worker, each worker has at least one (or all are given, with more workers than
     * partitions), and every worker fuses for at least {@code audiences} audiences the replica announced.
     */
    public boolean ready(int partitions, int audiences) {
        int owned = 0;
        boolean eachHasOne = true;
        for (FusionWorker w : workers) {
            int n = w.owned().size();
            owned += n;
            eachHasOne &= n > 0;
            if (w.audiences() < audiences) return false;
        }
        return owned == partitions && (eachHasOne || workers.size() > partitions);
    }

    @Override
    public void close() {
        replica.close();
        workers.forEach(FusionWorker::close);
    }
}
