package org.kizuna.picture.internal.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.picture.internal.distribution.AudienceName;
import org.kizuna.picture.internal.distribution.LabelKeys;
import org.kizuna.picture.internal.distribution.TrackState;
import org.kizuna.testing.Readers;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The track history on a real database (H2 and PostgreSQL): versions a reader may not read take no
 * place in its history (leak 12); a fused track's history is the reader's own audience's track, never
 * another audience's (issue 10, point 7); two nations' tracks with one uid stay apart; versions older
 * than the retention are deleted on the journal's schedule.
 */
abstract class TrackJournalContract {

    static final LabelKeys LABELS = new LabelKeys();
    static final String REL = "SECRET//REL TO USA, JPN", NOFORN = "SECRET//NOFORN";
    static final LabelKernel KERNEL = LabelKernel.standard().forNode("USA", "TOP SECRET");
    static final Reader JPN = Readers.jpn(), USA = Readers.usa(), USA_TOP = Readers.usa(Readers.TOP_SECRET);

    JdbcTemplate jdbc;

    /** A fresh database with the picture's history tables. */
    abstract DataSource database() throws Exception;

    void dropDatabase() throws Exception {
    }

    @BeforeEach
    void migrate() throws Exception {
        DataSource db = database();
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V41__picture_track_history.sql"),
                new ClassPathResource("db/migration/V42__picture_track_history_per_audience.sql")).execute(db);
        jdbc = new JdbcTemplate(db);
    }

    @AfterEach
    void drop() throws Exception {
        dropDatabase();
    }

    static TrackState version(String uid, String nation, boolean self, long timeMs, double lat, String banner) {
        return new TrackState(uid, "a-f-S-C", "m-g", lat, 135.0, 0, 8, 90, null, LABELS.intern(Label.parse(banner)),
                timeMs, timeMs + 60_000, new String[]{nation}, self);
    }

    static double lat(int i) {
        return 30 + i * 0.01;
    }

    /** Waits until the journal's writer (or pruner) has done it; fails after ten seconds. */
    static void await(BooleanSupplier done) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(done::getAsBoolean);
    }

    static TrackState[] array(List<TrackState> l) {
        return l.toArray(new TrackState[0]);
    }

    @Test
    void versionsAReaderMayNotReadTakeNoPlaceInItsHistory() throws Exception {
        long t0 = System.currentTimeMillis() - 60_000;
        List<TrackState> versions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            versions.add(version("MIXED-1", "USA", true, t0 + i * 1000, lat(i), REL));
            versions.add(version("REL-ONLY-1", "USA", true, t0 + i * 1000, lat(i), REL));
        }
        for (int i = 3; i < 8; i++) versions.add(version("MIXED-1", "USA", true, t0 + i * 1000, lat(i), NOFORN));
        try (TrackJournal journal = new TrackJournal(jdbc, KERNEL, Duration.ofDays(3))) {
            journal.selfReported(array(versions), versions.size());
            await(() -> journal.written() == versions.size());

            Instant since = Instant.ofEpochMilli(t0 - 1000);
            List<TrackJournal.Point> mixed = journal.history("MIXED-1", null, since, JPN, 3);
            assertThat(mixed).extracting(TrackJournal.Point::lat).containsExactly(lat(0), lat(1), lat(2));
            assertThat(mixed).isEqualTo(journal.history("REL-ONLY-1", null, since, JPN, 3));
            assertThat(journal.history("MIXED-1", null, since, USA, 3)).extracting(TrackJournal.Point::lat).containsExactly(lat(5), lat(6), lat(7));
            assertThat(journal.history("MIXED-1", null, since, JPN, 2)).extracting(TrackJournal.Point::lat).containsExactly(lat(1), lat(2));
            assertThat(journal.history("UNKNOWN-1", null, since, JPN, 3)).isEmpty();
        }
    }

    @Test
    void aFusedTracksHistoryIsTheReadersOwnAudiencesNeverTheTopAudiences() throws Exception {
        long t0 = System.currentTimeMillis() - 60_000;
        // the node's top audience associated differently (with NOFORN reports it may read): its estimate of
        // KZ-USA-1 lies elsewhere, though the roll-up it would carry for a REL contribution reads as REL
        List<TrackState> top = new ArrayList<>(), jpn = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            top.add(version("KZ-USA-1", "USA", false, t0 + i * 1000, 40 + i, REL));
            jpn.add(version("KZ-USA-1", "USA", false, t0 + i * 1000, lat(i), REL));
        }
        try (TrackJournal journal = new TrackJournal(jdbc, KERNEL, Duration.ofDays(3))) {
            journal.fused(AudienceName.of(USA_TOP), array(top), top.size());
            journal.fused(AudienceName.of(JPN), array(jpn), jpn.size());
            await(() -> journal.written() == 6);
            Instant since = Instant.ofEpochMilli(t0 - 1000);
            assertThat(journal.history("KZ-USA-1", null, since, JPN, 10)).extracting(TrackJournal.Point::lat)
                    .containsExactly(lat(0), lat(1), lat(2));
            assertThat(journal.history("KZ-USA-1", null, since, USA_TOP, 10)).extracting(TrackJournal.Point::lat).containsExactly(40.0, 41.0, 42.0);
            assertThat(journal.history("KZ-USA-1", null, since, USA, 10)).as("an audience that never saw the track has no history of it").isEmpty();
        }
    }

    @Test
    void twoNationsTracksWithOneUidStayApart() throws Exception {
        long t0 = System.currentTimeMillis() - 60_000;
        List<TrackState> versions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            versions.add(version("SHIP-1", "USA", true, t0 + i * 1000, lat(i), REL));
            versions.add(version("SHIP-1", "JPN", true, t0 + 500 + i * 1000, 50 + i, REL));
        }
        try (TrackJournal journal = new TrackJournal(jdbc, KERNEL, Duration.ofDays(3))) {
            journal.selfReported(array(versions), versions.size());
            await(() -> journal.written() == versions.size());
            Instant since = Instant.ofEpochMilli(t0 - 1000);
            assertThat(journal.history("SHIP-1", "USA", since, JPN, 10)).extracting(TrackJournal.Point::lat).containsExactly(lat(0), lat(1), lat(2));
            assertThat(journal.history("SHIP-1", "JPN", since, USA, 10)).extracting(TrackJournal.Point::lat).containsExactly(50.0, 51.0, 52.0);
            assertThat(journal.history("SHIP-1", null, since, USA, 10)).as("the latest reporter's track, never a mix")
                    .extracting(TrackJournal.Point::lat).containsExactly(50.0, 51.0, 52.0);
        }
    }

    @Test
    void versionsOlderThanTheRetentionAreDeletedOnTheJournalsSchedule() throws Exception {
        Instant now = Instant.now();
        for (Duration age : List.of(Duration.ofDays(4), Duration.ofDays(3).plusMinutes(1), Duration.ofDays(2), Duration.ofHours(1))) {
            jdbc.update(
                    "insert into picture_track_history (track_id, observed_at, lat, lon, speed, course, cot_type, label, self_reported, owner_nation, audience) "
                            + "values ('OLD-1', ?, 30, 135, 0, 0, 'a-f-S', ?, true, 'USA', '')",
                    Timestamp.from(now.minus(age)), REL);
        }
        try (TrackJournal journal = new TrackJournal(jdbc, KERNEL, Duration.ofDays(3))) {
            await(() -> journal.pruned() == 2);
            assertThat(jdbc.queryForObject("select count(*) from picture_track_history where track_id = 'OLD-1'", Integer.class)).isEqualTo(2);
            assertThat(journal.history("OLD-1", "USA", now.minus(Duration.ofDays(5)), USA, 10)).hasSize(2);
        }
    }
}
