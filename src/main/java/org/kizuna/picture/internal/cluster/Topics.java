package org.kizuna.picture.internal.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The picture's topics. {@code observations}: each accepted event, keyed by its region cell, kept 10 minutes (a worker that
 * takes over a region reads back from it). {@code tracks}: compacted, keyed by audience and track uid ({@code *} and the
 * picture's key for a self-reported track), the latest version of each. {@code audiences}: compacted, one partition, the
 * readers the replicas serve.
 */
record Topics(String observations, String tracks, String audiences, int partitions) {

    static Topics of(BusSettings settings, String nation) {
        String prefix = settings.topics() + "." + nation + ".picture.";
        return new Topics(prefix + "observations", prefix + "tracks", prefix + "audiences", settings.partitions());
    }

    /** Makes the topics that do not exist yet; waits at most 30 s for the brokers. */
    void create(Properties client) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(p)) {
            List<NewTopic> topics = new ArrayList<>();
            topics.add(new NewTopic(observations, partitions, (short) -1)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "600000", TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)));
            Map<String, String> compacted = new HashMap<>();
            compacted.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            compacted.put(TopicConfig.DELETE_RETENTION_MS_CONFIG, "60000");
            topics.add(new NewTopic(tracks, partitions, (short) -1).configs(compacted));
            topics.add(new NewTopic(audiences, 1, (short) -1).configs(compacted));
            for (var f : admin.createTopics(topics).values().values()) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException))
                        throw new IllegalStateException("cannot make the picture's topics: " + e.getMessage(), e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the picture's topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the Kafka brokers did not answer in 30 s (kizuna.picture.bus.bootstrap-servers)", e);
        }
    }

    /** The consumer group of the node's fusion workers: {@code <topics>.<NATION>.picture.fusion}. */
    String fusionGroup() {
        return observations.substring(0, observations.length() - "observations".length()) + "fusion";
    }
}
