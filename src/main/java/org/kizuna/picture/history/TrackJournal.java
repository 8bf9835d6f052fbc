package org.kizuna.picture.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.picture.stream.Frame;
import org.kizuna.picture.stream.Subscriber;
import org.kizuna.picture.stream.TrackState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Journals track versions to the database in batches, off the picture's thread: frames are queued
 * (bounded; when the database falls behind, the newest versions are counted and dropped rather than
 * slowing the picture) and written every two seconds. Reads are filtered by the reader's label decision.
 */
public final class TrackJournal implements Subscriber, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrackJournal.class);
    private static final int QUEUE = 100_000, BATCH = 2_000;

    /** One journalled version of a track. */
    public record Point(Instant at, double lat, double lon, double speed, double course) {
    }

    private final JdbcTemplate jdbc;
    private final LabelKernel kernel;
    private final ArrayBlockingQueue<TrackState> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;
    private volatile boolean open = true;
    private volatile long dropped, written;

    public TrackJournal(JdbcTemplate jdbc, LabelKernel kernel) {
        this.jdbc = jdbc;
        this.kernel = kernel;
        this.writer = Thread.ofPlatform().name("kizuna-track-journal").daemon(true).start(this::run);
    }

    @Override
    public void deliver(Frame frame) {
        if (frame.replay()) return; // already journalled when they arrived
        for (int i = 0; i < frame.count(); i++) {
            if (!queue.offer(frame.tracks()[i])) dropped++;
        }
    }

    private void run() {
        List<TrackState> batch = new ArrayList<>(BATCH);
        while (open || !queue.isEmpty()) {
            try {
                TrackState first = queue.poll(2, TimeUnit.SECONDS);
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

    private void write(List<TrackState> batch) {
        jdbc.batchUpdate("insert into picture_track_history (track_id, observed_at, lat, lon, speed, course, cot_type, label, self_reported) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch, batch.size(), (ps, s) -> {
            ps.setString(1, s.uid);
            ps.setTimestamp(2, Timestamp.from(Instant.ofEpochMilli(s.timeMs)));
            ps.setDouble(3, s.lat);
            ps.setDouble(4, s.lon);
            ps.setDouble(5, Double.isNaN(s.speed) ? 0 : s.speed);
            ps.setDouble(6, Double.isNaN(s.course) ? 0 : s.course);
            ps.setString(7, s.type);
            ps.setString(8, s.marking.banner());
            ps.setBoolean(9, s.self);
        });
        written += batch.size();
    }

    /**
     * The journalled versions of a track since {@code since} that the reader may read, oldest first: the
     * latest {@code limit} of those. The label decision comes before the limit, so versions the reader may
     * not read take no place in the answer and cannot be counted from its length.
     */
    public List<Point> history(String trackId, Instant since, Reader reader, int limit) {
        Timestamp from = Timestamp.from(since);
        List<String> readable = new ArrayList<>();
        for (String banner : jdbc.queryForList("select distinct label from picture_track_history where track_id = ? and observed_at >= ?",
                String.class, trackId, from)) {
            if (kernel.mayRead(org.kizuna.label.Label.parse(banner), reader)) readable.add(banner);
        }
        if (readable.isEmpty()) return List.of();
        List<Object> args = new ArrayList<>(List.of(trackId, from));
        args.addAll(readable);
        args.add(limit);
        List<Point> out = new ArrayList<>(jdbc.query("select observed_at, lat, lon, speed, course from picture_track_history "
                        + "where track_id = ? and observed_at >= ? and label in (" + String.join(", ", Collections.nCopies(readable.size(), "?"))
                        + ") order by observed_at desc limit ?",
                (rs, n) -> new Point(rs.getTimestamp(1).toInstant(), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5)),
                args.toArray()));
        Collections.reverse(out);
        return out;
    }

    public long written() {
        return written;
    }

    public long dropped() {
        return dropped;
    }

    @Override
    public void close() {
        open = false;
        writer.interrupt();
    }
}
