package org.kizuna.picture.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker {@code ./kizuna cluster} starts: a real KRaft broker on loopback that keeps what it took across a restart. */
class LocalBrokerTests {

    @TempDir Path dir;

    @Test
    void aRecordSentToTheBrokerIsReadBackAfterItRestartsOnItsDirectory() throws Exception {
        int port;
        try (LocalBroker broker = LocalBroker.start(dir, 0)) {
            port = Integer.parseInt(broker.bootstrapServers().substring("127.0.0.1:".length()));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers(), "acks", "all"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("t", "k", "first")).get();
            }
            assertThat(read(broker)).containsExactly("first");
        }
        try (LocalBroker again = LocalBroker.start(dir, port)) {
            assertThat(read(again)).as("what the broker acknowledged before it stopped").containsExactly("first");
        }
    }

    @Test
    void itListensOnLoopbackOnly() throws Exception {
        Optional<InetAddress> outward = outwardAddress();
        try (LocalBroker broker = LocalBroker.start(dir, 0)) {
            int port = Integer.parseInt(broker.bootstrapServers().substring("127.0.0.1:".length()));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
                assertThat(s.isConnected()).isTrue();
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(outward.isPresent(), "this machine has no address but loopback to try");
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(outward.orElseThrow(), port), 2_000);
                }
            }).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LocalBroker.start(dir, taken.getLocalPort()).close()).isInstanceOf(IOException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }

    private static List<String> read(LocalBroker broker) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", broker.bootstrapServers()), new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition p = new TopicPartition("t", 0);
            consumer.assign(List.of(p));
            consumer.seekToBeginning(List.of(p));
            long end = consumer.endOffsets(List.of(p)).get(p);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (consumer.position(p) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) values.add(r.value());
            }
        }
        return values;
    }

    private static Optional<InetAddress> outwardAddress() throws IOException {
        for (NetworkInterface n : NetworkInterface.networkInterfaces().toList()) {
            if (!n.isUp() || n.isLoopback()) continue;
            for (InetAddress a : n.inetAddresses().toList()) {
                if (a instanceof Inet4Address) return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
