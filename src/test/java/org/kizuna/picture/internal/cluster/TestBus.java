package org.kizuna.picture.internal.cluster;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A USA node's picture topics on a real KRaft broker in the test's JVM: 12 partitions, cells of a degree, a halo of 0.1
 * degree; and its replicas and workers, wired by hand.
 */
record TestBus(BusSettings settings, Topics topics, Properties client, Cells cells) {

    /**
     * A broker of one node for the tests of a class ({@code @RegisterExtension static final TestBus.Broker KAFKA}), started
     * before the first and stopped after the last; it logs warnings only, as a node does (application.yaml).
     */
    static final class Broker implements BeforeAllCallback, AfterAllCallback {
        private @Nullable EmbeddedKafkaKraftBroker broker;

        @Override
        public void beforeAll(ExtensionContext context) {
            for (String name : new String[]{"org.apache.kafka", "kafka", "state.change.logger", "org.springframework.kafka"}) {
                ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
            }
            EmbeddedKafkaKraftBroker b = new EmbeddedKafkaKraftBroker(1, 1);
            b.brokerProperty("group.initial.rebalance.delay.ms", "0");
            b.afterPropertiesSet();
            broker = b;
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (broker != null) broker.destroy();
        }

        EmbeddedKafkaKraftBroker get() {
            return java.util.Objects.requireNonNull(broker, "the broker starts before the class's first test");
        }
    }

    /** The topics named {@code name} (made on the broker) and the settings of their clients. */
    static TestBus of(EmbeddedKafkaKraftBroker broker, String name) {
        BusSettings settings = new BusSettings("kafka", "worker", broker.getBrokersAsString(), name, 12, 1.0, 0.1, Map.of());
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
        return new FusionWorker(picture, topics, cells, client, group());
    }

    String group() {
        return settings.topics() + ".USA.picture.fusion";
    }
}
