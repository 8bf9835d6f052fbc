package org.kizuna.picture.internal.history;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.node.BackgroundThreads;
import org.kizuna.picture.internal.distribution.AudienceName;
import org.kizuna.picture.internal.distribution.Recorder;
import org.kizuna.picture.internal.distribution.TrackState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Journals track versions to the database in batches, off the picture's thread: versions are queued
 * (bounded; when the database falls behind, the newest versions are counted and dropped rather than
 * slowing the picture) and written every two seconds.
 * <p>
 * Per audience: a self-reported version is journalled once under the nation that reported it, and a
 * reader gets the versions its label decision allows; a fused track is each audience's own estimate, so
 * it is journalled under the audience that sees it and answered to that audience only. A reader's history
 * never comes from another audience's associations, and two nations' tracks with one uid stay apart.
 * <p>
 * Versions older than the retention are deleted by the writer's own schedule (at start, then every
 * ten minutes).
 */
public final class TrackJournal implements Recorder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrackJournal.class);
    private static final int QUEUE = 100_000, BATCH = 2_000;
    private static final long PRUNE_EVERY_MS = 600_000;

    /** One journalled version of a track. */
    public record Point(Instant at, double lat, double lon, double speed, double course) {
    }

    private record Version(String audience, TrackState state) {
    }

    private final JdbcTemplate jdbc;
    private final LabelKernel kernel;
    private final Duration retention;
    private final LongSupplier clock;
    private final ArrayBlockingQueue<Version> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;
    private volatile boolean open = true;
    private final java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong(),
            written = new java.util.concurrent.atomic.AtomicLong(), pruned = new java.util.concurrent.atomic.AtomicLong();
    private long nextPrune;

    public TrackJournal(JdbcTemplate jdbc, LabelKernel kernel, Duration retention, LongSupplier clock) {
        if (!retention.isPositive()) throw new IllegalArgumentException("the track history's retention must be positive; got " + retention);
        this.jdbc = jdbc;
        this.kernel = kernel;
        this.retention = retention;
        this.clock = clock;
        this.writer = Thread.ofPlatform().name("kizuna-track-journal").daemon(true).start(this::run);
    }

    public TrackJournal(JdbcTemplate jdbc, LabelKernel kernel, Duration retention) {
        this(jdbc, kernel, retention, System::currentTimeMillis);
    }

    @Override
    public void selfReported(TrackState[] states, int count) {
        for (int i = 0; i < count; i++) offer(new Version("", states[i]));
    }

    @Override
    public void fused(String audience, TrackState[] states, int count) {
        for (int i = 0; i < count; i++) offer(new Version(audience, states[i]));
    }

    private void offer(Version v) {
        if (!queue.offer(v)) dropped.incrementAndGet();
    }

    private void run() {
        List<Version> batch = new ArrayList<>(BATCH);
        while (open || !queue.isEmpty()) {
            try {
                pruneWhenDue();
                Version first = queue.poll(2, TimeUnit.SECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
                batch.clear();
                if (open) Thread.sleep(queue.size() > BATCH ? 0 : 2000);
            } catch (InterruptedException e) {
                open = false;
            } catch (RuntimeException e) {
                log.warn("track journal: {} versions not written: {}", batch.size(), e.getMessage());
                batch.clear();
            }
        }
    }

    private void pruneWhenDue() {
        long now = clock.getAsLong();
        if (now < nextPrune) return;
        nextPrune = now + PRUNE_EVERY_MS;
        try {
            prune();
        } catch (RuntimeException e) {
            log.warn("track journal: versions older than {} not deleted: {}", retention, e.getMessage());
        }
    }

    /** Deletes the versions older than the retention; returns how many. The writer calls it on its schedule. */
    public int prune() {
        int n = jdbc.update("delete from picture_track_history where observed_at < ?",
                Timestamp.from(Instant.ofEpochMilli(clock.getAsLong()).minus(retention)));
        pruned.addAndGet(n);
        return n;
    }

    private void write(List<Version> batch) {
        jdbc.batchUpdate("insert into picture_track_history (track_id, observed_at, lat, lon, speed, course, cot_type, label, self_reported, "
                + "owner_nation, audience) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch, batch.size(), (ps, v) -> {
                    TrackState s = v.state();
                    ps.setString(1, s.uid);
                    ps.setTimestamp(2, Timestamp.from(Instant.ofEpochMilli(s.timeMs)));
                    ps.setDouble(3, s.lat);
                    ps.setDouble(4, s.lon);
                    ps.setDouble(5, Double.isNaN(s.speed) ? 0 : s.speed);
                    ps.setDouble(6, Double.isNaN(s.course) ? 0 : s.course);
                    ps.setString(7, s.type);
                    ps.setString(8, s.marking.banner());
                    ps.setBoolean(9, s.self);
                    ps.setString(10, s.self && s.nations.length > 0 ? s.nations[0] : "");
                    ps.setString(11, v.audience());
                });
        written.addAndGet(batch.size());
    }

    /**
     * The journalled versions of a track since {@code since} that the reader may read, oldest first: the
     * latest {@code limit} of those. The track is the reader's own audience's fused track of that id if
     * there is one; else the self-reported track of that uid by {@code owner} (when null: by the nation
     * of the latest version the reader may read). The label decision comes before the limit, so versions
     * the reader may not read take no place in the answer and cannot be counted from its length.
     */
    public List<Point> history(String trackId, @Nullable String owner, Instant since, Reader reader, int limit) {
        Timestamp from = Timestamp.from(since);
        String audience = AudienceName.of(reader);
        if (owner == null) {
            List<Point> fusedTrack = points(trackId, from, "audience = ? and self_reported = false", List.of(audience), reader, limit);
            if (!fusedTrack.isEmpty()) return fusedTrack;
            owner = latestOwner(trackId, from, reader);
            if (owner == null) return List.of();
        }
        return points(trackId, from, "audience = '' and self_reported = true and owner_nation = ?", List.of(owner), reader, limit);
    }

    private @Nullable String latestOwner(String trackId, Timestamp from, Reader reader) {
        List<String> readable = readable(trackId, from, "audience = '' and self_reported = true", List.of(), reader);
        if (readable.isEmpty()) return null;
        List<Object> args = new ArrayList<>(List.of(trackId, from));
        args.addAll(readable);
        List<@Nullable String> owners = jdbc.queryForList("select owner_nation from picture_track_history where track_id = ? and observed_at >= ? "
                + "and audience = '' and self_reported = true and label in (" + marks(readable.size()) + ") order by observed_at desc limit 1",
                String.class, args.toArray());
        return owners.isEmpty() ? null : owners.getFirst();
    }

    private List<String> readable(String trackId, Timestamp from, String which, List<Object> whichArgs, Reader reader) {
        List<Object> args = new ArrayList<>(List.of(trackId, from));
        args.addAll(whichArgs);
        List<String> readable = new ArrayList<>();
        for (String banner : jdbc.queryForList("select distinct label from picture_track_history where track_id = ? and observed_at >= ? and "
                + which, String.class, args.toArray())) {
            if (kernel.mayRead(org.kizuna.label.Label.parse(Objects.requireNonNull(banner, "label is not null")), reader)) readable.add(banner);
        }
        return readable;
    }

    private List<Point> points(String trackId, Timestamp from, String which, List<Object> whichArgs, Reader reader, int limit) {
        List<String> readable = readable(trackId, from, which, whichArgs, reader);
        if (readable.isEmpty()) return List.of();
        List<Object> args = new ArrayList<>(List.of(trackId, from));
        args.addAll(whichArgs);
        args.addAll(readable);
        args.add(limit);
        List<Point> out = new ArrayList<>(jdbc.query("select observed_at, lat, lon, speed, course from picture_track_history "
                + "where track_id = ? and observed_at >= ? and " + which + " and label in (" + marks(readable.size())
                + ") order by observed_at desc limit ?",
                (rs, n) -> new Point(rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)),
                args.toArray()));
        Collections.reverse(out);
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    public long written() {
        return written.get();
    }

    public long dropped() {
        return dropped.get();
    }

    /** Versions deleted by the retention since start. */
    public long pruned() {
        return pruned.get();
    }

    /** Stops the writer after it has written what is queued (waiting at most two seconds, so a stopping node is not held up). */
    @Override
    public void close() {
        open = false;
        BackgroundThreads.stop(writer, Duration.ofSeconds(2));
    }
}
