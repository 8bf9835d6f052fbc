package org.kizuna.picture.internal.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Reader;
import org.kizuna.picture.CotRejected;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.distribution.TrackOutlet;
import org.kizuna.picture.internal.distribution.TrackState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fusion worker of a picture on Apache Kafka. It consumes the observations topic in the node's consumer group, which
 * gives it some partitions, so some region cells, each whole; its picture takes each event as one node's would (the same
 * checks, the same per-audience tracking, for every audience the replicas announced); it publishes on the tracks topic the
 * self-reported versions it takes and, every second, each audience's fused tracks that stand in its own cells, and a
 * tombstone for each it published and no longer holds at all. It reads the tracks the other workers publish and names its
 * tracks of the same reports alike, so that a track keeps its uid from one worker's cells to another's. A partition it is
 * newly given is read again from 30 s back, so that its tracks form again from the reports of the last scans, under the
 * uids they had (failover, docs/scaling.md).
 */
final class FusionWorker implements TrackOutlet, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FusionWorker.class);
    /** An audience no replica announced for this long is forgotten: five times the replicas' announcing period. */
    static final Duration FORGET = Duration.ofMinutes(5);
    /** How far back a partition newly given to this worker is read again. */
    static final Duration REPLAY = Duration.ofSeconds(30);
    /** Audiences this worker fuses for at most (the picture's own limit is the tighter, by default). */
    private static final int MAX_AUDIENCES = 10_000;

    private final LivePicture picture;
    private final Topics topics;
    private final Cells cells;
    private final KafkaProducer<String, byte[]> producer;
    /**
     * The records the picture's thread publishes, waiting for the sender's thread: the picture never waits on Kafka. At
     * most {@link #WAITING}; past it a record is dropped (the next second publishes the track again).
     */
    private final java.util.concurrent.BlockingQueue<ProducerRecord<String, byte[]>> waiting = new java.util.concurrent.ArrayBlockingQueue<>(WAITING);
    private static final int WAITING = 100_000;
    private final Thread sender;
    private volatile boolean sending = true;
    /** When each uid's reports were last learnt (names consumer's thread only): a track's reports are learnt twice a second at most. */
    private final Map<String, Long> learnt = new org.kizuna.node.LeastRecentlyUsed<>(100_000);
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    /** Per partition this worker has fused, the offset of the next record it has not taken (consumer thread only). */
    private final Map<TopicPartition, Long> next = new HashMap<>();
    /** Per audience, the uids of the fused tracks published last second (picture thread only). */
    private final Map<String, Set<String>> published = new HashMap<>();
    private final Map<Reader, AutoCloseable> audiences = new ConcurrentHashMap<>();
    /** When a replica last announced each audience (audiences consumer's thread only). */
    private final Map<Reader, Long> announced = new HashMap<>();
    /** An audience no replica announced for this long is no longer fused for (replicas announce theirs every minute). */
    private final Duration forget;
    private long lastForgetting;
    private static final int RECENT_REPORTS = 200_000;
    /** The identities of the reports taken lately: a report given twice (its cell's partition and a halo's, both this worker's) is taken once. */
    private final Set<Long> recent = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>(1 << 16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > RECENT_REPORTS;
        }
    });
    private final Clients.Loop observations, audienceLoop, trackLoop;

    FusionWorker(LivePicture picture, Topics topics, Cells cells, Properties client) {
        this(picture, topics, cells, client, FORGET);
    }

    /** A worker in the node's consumer group ({@link Topics#fusionGroup()}). */
    FusionWorker(LivePicture picture, Topics topics, Cells cells, Properties client, Duration forget) {
        this.forget = forget;
        this.picture = picture;
        this.topics = topics;
        this.cells = cells;
        this.producer = Clients.producer(client);
        this.sender = Thread.ofPlatform().daemon().name("picture-worker-sender").start(this::sendWaiting);
        picture.publishTo(this);
        KafkaConsumer<String, byte[]> a = Clients.consumer(client, null);
        List<TopicPartition> audiencePartitions = List.of(new TopicPartition(topics.audiences(), 0));
        a.assign(audiencePartitions);
        a.seekToBeginning(audiencePartitions);
        this.audienceLoop = new Clients.Loop("picture-worker-audiences", a, this::pollAudiences);
        KafkaConsumer<String, byte[]> t = Clients.consumer(client, null);
        List<TopicPartition> trackPartitions = t.partitionsFor(topics.tracks(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        t.assign(trackPartitions);
        t.seekToBeginning(trackPartitions);
        this.trackLoop = new Clients.Loop("picture-worker-names", t, this::pollNames);
        KafkaConsumer<String, byte[]> o = Clients.consumer(client, topics.fusionGroup());
        o.subscribe(List.of(topics.observations()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                partitions.forEach(p -> owned.remove(p.partition()));
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                Map<TopicPartition, Long> since = new HashMap<>();
                long from = System.currentTimeMillis() - REPLAY.toMillis();
                for (TopicPartition p : partitions) {
                    owned.add(p.partition());
                    Long taken = next.get(p);
                    if (taken == null) since.put(p, from);
                    else o.seek(p, taken); // back to a partition it fused before: on from where it was, nothing taken twice
                }
                if (since.isEmpty()) return;
                // where each partition ends now, asked before the replay's start: a report sent after this is read, one sent
                // before it within the replay is found by its time (a lazy reset to the end could pass over the first reports)
                Map<TopicPartition, Long> ends = o.endOffsets(since.keySet());
                Map<TopicPartition, OffsetAndTimestamp> found = o.offsetsForTimes(since);
                for (TopicPartition p : since.keySet()) {
                    OffsetAndTimestamp f = found.get(p);
                    Long end = ends.get(p);
                    if (f != null) o.seek(p, f.offset());
                    else if (end != null) o.seek(p, end);
                }
                log.info("picture: this worker fuses partitions {} of {}", new java.util.TreeSet<>(owned), topics.observations());
            }
        });
        this.observations = new Clients.Loop("picture-worker-observations", o, this::pollObservations);
    }

    private void pollObservations(KafkaConsumer<String, byte[]> consumer) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            next.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
            Wire.Taken taken;
            try {
                taken = Wire.taken(r.value());
            } catch (IllegalArgumentException e) {
                log.warn("picture: an observation record on {} dropped: {}", topics.observations(), e.getMessage());
                continue;
            }
            if (!recent.add(taken.reportId())) continue;
            try {
                picture.ingest(taken.event(), taken.source(), taken.reportId());
            } catch (CotRejected refused) {
                // counted by the picture, by reason, as one node's refusals are
            }
        }
    }

    /**
     * The audiences the replicas serve: each one announced within {@link #forget} is fused for (the picture subscribed to),
     * and one no replica has announced for longer is forgotten (its subscription closed; the picture drops an audience
     * nobody subscribes to once it has been idle).
     */
    private void pollAudiences(KafkaConsumer<String, byte[]> consumer) {
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
            if (r.value() == null || r.timestamp() < now - forget.toMillis()) continue;
            try {
                Reader reader = Wire.audience(r.value());
                if (!audiences.containsKey(reader) && audiences.size() >= MAX_AUDIENCES) continue;
                announced.put(reader, r.timestamp());
                audiences.computeIfAbsent(reader, k -> picture.subscribe(k, frame -> {
                }));
            } catch (IllegalArgumentException e) {
                log.warn("picture: an audience record on {} dropped: {}", topics.audiences(), e.getMessage());
            }
        }
        if (now - lastForgetting < Math.min(10_000, forget.toMillis())) return;
        lastForgetting = now;
        for (var it = announced.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            if (e.getValue() >= now - forget.toMillis()) continue;
            it.remove();
            AutoCloseable subscription = audiences.remove(e.getKey());
            try {
                if (subscription != null) subscription.close();
            } catch (Exception closing) {
                log.warn("picture: an audience could not be forgotten: {}", closing.getMessage());
            }
        }
    }

    /** Audiences this worker fuses for now. */
    int audiences() {
        return audiences.size();
    }

    /** The uids the workers published with the reports their tracks took: this worker names its tracks of those reports alike. */
    private void pollNames(KafkaConsumer<String, byte[]> consumer) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            String key = r.key();
            if (r.value() == null || key == null || key.startsWith("*|")) continue;
            try {
                Wire.Track track = Wire.track(r.value());
                Long last = learnt.get(track.uid());
                if (track.reports().length == 0 || (last != null && r.timestamp() - last < 500)) continue; // every audience's version names the same reports
                learnt.put(track.uid(), r.timestamp());
                picture.learn(track.reports(), track.uid());
            } catch (IllegalArgumentException e) {
                log.warn("picture: a track record on {} dropped: {}", topics.tracks(), e.getMessage());
            }
        }
    }

    /** Partitions of the observations topic this worker fuses now. */
    Set<Integer> owned() {
        return Set.copyOf(owned);
    }

    @Override
    public void self(String key, TrackState state) {
        send("*|" + key, Wire.track(state, new long[0]));
    }

    @Override
    public boolean owns(double lat, double lon) {
        return owned.contains(cells.partition(lat, lon));
    }

    /**
     * Publishes the audience's tracks that stand in this worker's cells. A track it published last second and no longer
     * holds at all is withdrawn (a tombstone); one that has moved into another worker's cells is not: that worker
     * publishes it now, under the same uid.
     */
    @Override
    public void fused(String audience, TrackState[] states, int count, java.util.function.Function<String, long[]> reports) {
        Set<String> now = new HashSet<>(), held = new HashSet<>();
        for (int i = 0; i < count; i++) {
            TrackState s = states[i];
            held.add(s.uid);
            if (!owns(s.lat, s.lon)) continue;
            now.add(s.uid);
            send(audience + '|' + s.uid, Wire.track(s, reports.apply(s.uid)));
        }
        Set<String> before = published.put(audience, now);
        if (before != null) {
            for (String uid : before) {
                if (!held.contains(uid)) send(audience + '|' + uid, null);
            }
        }
    }

    private void send(String key, byte @Nullable [] value) {
        if (!waiting.offer(new ProducerRecord<>(topics.tracks(), key, value))) log.debug("picture: a track dropped, {} records wait for the brokers", WAITING);
    }

    private void sendWaiting() {
        while (sending || !waiting.isEmpty()) {
            try {
                ProducerRecord<String, byte[]> r = waiting.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (r != null) {
                    var unused = producer.send(r);
                }
            } catch (InterruptedException e) {
                return;
            } catch (KafkaException e) {
                log.debug("picture: a track could not go to the replicas: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        observations.close();
        audienceLoop.close();
        trackLoop.close();
        for (AutoCloseable a : audiences.values()) {
            try {
                a.close();
            } catch (Exception e) {
                // the picture is closing too
            }
        }
        sending = false;
        try {
            sender.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(2));
    }
}
