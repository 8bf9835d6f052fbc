package org.kizuna.picture.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.kizuna.picture.internal.cot.CotXmlWriter;
import org.kizuna.testing.KafkaNode;
import org.springframework.beans.factory.annotation.Value;

/**
 * The picture's API contract through a node whose picture runs on Apache Kafka: the test's context is a replica, a fusion
 * worker beside it fuses; each of the contract's tests passes as on one node.
 */
@KafkaNode
class PictureApiOnKafkaTests extends PictureApiContract {

    @Value("${kizuna.picture.bus.bootstrap-servers}") String brokers;
    @Value("${kizuna.picture.bus.topics}") String topics;

    @Test
    void anEventPostedToTheReplicaTravelsThroughTheObservationsTopic() throws Exception {
        long before = observations();
        assertThat(post("usa.officer", new CotXmlWriter().write(event("REST-KAFKA-1", "SECRET", null, "REL TO USA, JPN")), "application/xml").statusCode())
                .isEqualTo(202);
        assertThat(awaitTrack("usa.officer", "REST-KAFKA-1")).isNotNull();
        assertThat(observations()).as("records on the observations topic").isGreaterThan(before);
    }

    private long observations() {
        String topic = topics + ".USA.picture.observations";
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", brokers), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, c.partitionsFor(topic).size()).mapToObj(p -> new TopicPartition(topic, p)).toList();
            return c.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
