package org.kizuna.picture.internal.cluster;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** The broker and clients of a test log warnings only, as a node does (application.yaml), not their whole configuration at start. */
final class KafkaLogs {

    private KafkaLogs() {
    }

    static void quiet() {
        for (String name : new String[]{"org.apache.kafka", "kafka", "state.change.logger", "org.springframework.kafka"}) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
    }
}
