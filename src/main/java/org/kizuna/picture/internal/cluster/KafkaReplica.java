package org.kizuna.picture.internal.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.kizuna.label.Reader;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.Source;
import org.kizuna.picture.internal.distribution.AudienceName;
import org.kizuna.picture.internal.distribution.LabelKeys;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.distribution.PictureBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica of a picture on Apache Kafka: what its clients send goes to the observations topic, keyed by region cell; the
 * readers it serves are announced on the audiences topic; the workers' tracks come back from the tracks topic (all of it:
 * every replica holds the latest version of each track of the audiences it serves) and into the picture, which decides
 * each one for each audience as it does its own.
 */
final class KafkaReplica implements PictureBus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaReplica.class);

    private final LivePicture picture;
    private final Topics topics;
    private final Cells cells;
    private final double halo;
    private final KafkaProducer<String, byte[]> producer;
    private final Clients.Loop tracks;

    KafkaReplica(LivePicture picture, Topics topics, Cells cells, double halo, Properties client) {
        this.picture = picture;
        this.topics = topics;
        this.cells = cells;
        this.halo = halo;
        this.producer = Clients.producer(client);
        KafkaConsumer<String, byte[]> consumer = Clients.consumer(client, null);
        List<TopicPartition> all = consumer.partitionsFor(topics.tracks(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(all);
        consumer.seekToBeginning(all); // compacted: the latest version of each track, then what comes
        this.tracks = new Clients.Loop("picture-replica-tracks", consumer, this::poll);
        picture.publishTo(this);
    }

    /**
     * Sends the event to its cell's partition and to those of the cells within the halo, under one report identity (random,
     * at least 2^62), so that every worker that takes it names it alike.
     */
    @Override
    public boolean publish(CotEvent event, Source source) {
        long reportId = LivePicture.GIVEN_REPORT_IDS | (java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 2);
        byte[] value = Wire.taken(event, source, reportId);
        String key = cells.key(event.lat(), event.lon());
        try {
            for (int partition : cells.partitions(event.lat(), event.lon(), halo)) {
                var unused = producer.send(new ProducerRecord<>(topics.observations(), partition, key, value));
            }
            return true;
        } catch (KafkaException e) {
            log.debug("picture: an event could not go to the fusion workers: {}", e.getMessage());
            return false;
        }
    }

    /** Sent from a thread of its own: the picture's thread, which announces an audience, never waits on Kafka. */
    @Override
    public void audience(Reader reader) {
        Thread.ofVirtual().name("picture-replica-audience").start(() -> {
            try {
                var unused = producer.send(new ProducerRecord<>(topics.audiences(), AudienceName.of(reader), Wire.audience(reader)));
            } catch (KafkaException e) {
                log.warn("picture: the workers could not be told of a new audience ({}); they are told again when it is next created", e.getMessage());
            }
        });
    }

    private void poll(KafkaConsumer<String, byte[]> consumer) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            String key = r.key();
            int bar = key == null ? -1 : key.indexOf('|');
            if (bar <= 0) continue;
            String audience = key.substring(0, bar), name = key.substring(bar + 1);
            try {
                if (r.value() == null) {
                    if (!audience.equals("*")) picture.remoteFused(audience, name, null, picture.labelEpoch());
                    continue; // a self-reported track expires here by its own stale time, as on one node
                }
                Wire.Track t = Wire.track(r.value());
                int epoch = picture.labelEpoch(); // before interning, as an event's label is
                LabelKeys.Marking m = picture.labels().tryIntern(picture.labels().parse(t.banner()));
                if (m == null) continue; // the picture's label limit: counted when it refuses its own events
                if (audience.equals("*")) picture.remoteSelf(name, t.in(m), epoch);
                else picture.remoteFused(audience, name, t.in(m), epoch);
            } catch (RuntimeException e) {
                log.warn("picture: a track record on {} dropped: {}", topics.tracks(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        tracks.close();
        producer.close(Duration.ofSeconds(2));
    }
}
