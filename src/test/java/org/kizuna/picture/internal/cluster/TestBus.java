package org.kizuna.picture.internal.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kizuna.picture.cluster.LocalBroker;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.testing.TempDirs;

/**
 * A USA node's picture topics on a real KRaft broker in the test's JVM: 12 partitions, cells of a degree, a halo of 0.1
 * degree; and its replicas and workers, wired by hand.
 */
record TestBus(BusSettings settings, Topics topics, Properties client, Cells cells) {

    /**
     * A broker of one node for the tests of a class ({@code @RegisterExtension static final TestBus.Broker KAFKA}): the
     * {@link LocalBroker} {@code ./kizuna cluster} starts, in a directory of its own, started before the first test and
     * stopped (its directory deleted) after the last.
     */
    static final class Broker implements BeforeAllCallback, AfterAllCallback {
        private @Nullable LocalBroker broker;
        private @Nullable Path dir;

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            Path d = Files.createTempDirectory("kizuna-test-broker");
            dir = d;
            broker = LocalBroker.start(d, 0);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (broker != null) broker.close();
            if (dir != null) TempDirs.delete(dir);
        }

        LocalBroker get() {
            return java.util.Objects.requireNonNull(broker, "the broker starts before the class's first test");
        }
    }

    /** The topics named {@code name} (made on the broker) and the settings of their clients. */
    static TestBus of(LocalBroker broker, String name) {
        BusSettings settings = new BusSettings("kafka", "worker", broker.bootstrapServers(), name, 12, 1.0, 0.1, Map.of());
        Topics topics = Topics.of(settings, "USA");
        Properties client = Clients.common(settings, "test");
        topics.create(client);
        return new TestBus(settings, topics, client, new Cells(settings.cellDegrees(), settings.partitions()));
    }

    KafkaReplica replica(LivePicture picture) {
        return new KafkaReplica(picture, topics, cells, settings.haloDegrees(), client);
    }

    /** A worker in the node's consumer group, the one a worker node of the same topics joins. */
    FusionWorker worker(LivePicture picture) {
        return new FusionWorker(picture, topics, cells, client);
    }
}
