package org.kizuna.picture.internal.cluster;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Kafka clients of the picture's processes, and the loop a consumer runs in. */
final class Clients {

    private static final Logger log = LoggerFactory.getLogger(Clients.class);

    private Clients() {
    }

    static Properties common(BusSettings settings, String clientId) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        p.putAll(settings.client());
        return p;
    }

    /**
     * A producer that never holds a caller long: at most 32 MiB waiting to go, a send that finds it full fails after
     * 200 ms (the event is refused as the picture refuses an event when it is overloaded).
     */
    static KafkaProducer<String, byte[]> producer(Properties common) {
        Properties p = new Properties();
        p.putAll(common);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 32L << 20);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 200);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer of at most 2,000 records a poll; in the group {@code group}, or of partitions it assigns itself (null). */
    static KafkaConsumer<String, byte[]> consumer(Properties common, @Nullable String group) {
        Properties p = new Properties();
        p.putAll(common);
        if (group != null) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            // a worker that dies (kill -9, its machine lost) loses its partitions to the others after 6 s without a
            // heartbeat (the brokers' least by default), not Kafka's default 45 s; one whose loop hangs, after 15 s without a poll
            p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000);
            p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_500);
            p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 15_000);
        }
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, group != null);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        // a worker that joins or leaves moves only the partitions that must move; the others go on uninterrupted
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, org.apache.kafka.clients.consumer.CooperativeStickyAssignor.class.getName());
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** One consumer's loop, on a thread of its own, until {@link Loop#close}. */
    static final class Loop implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Thread thread;
        private volatile boolean running = true;

        interface Step {
            void poll(KafkaConsumer<String, byte[]> consumer);
        }

        Loop(String name, KafkaConsumer<String, byte[]> consumer, Step step) {
            this.consumer = consumer;
            this.thread = Thread.ofPlatform().daemon().name(name).start(() -> run(name, step));
        }

        private void run(String name, Step step) {
            try {
                while (running) {
                    try {
                        step.poll(consumer);
                    } catch (WakeupException e) {
                        if (!running) return;
                    } catch (RuntimeException e) {
                        log.warn("{}: {}", name, e.toString());
                        sleep();
                    }
                }
            } finally {
                consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(2)));
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            running = false;
            consumer.wakeup();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
