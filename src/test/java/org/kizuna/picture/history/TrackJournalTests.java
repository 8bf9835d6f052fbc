package org.kizuna.picture.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.picture.stream.Frame;
import org.kizuna.picture.stream.LabelKeys;
import org.kizuna.picture.stream.TrackState;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Leak 12 on the history path: the versions of a track a reader may not read take no place in its
 * history, so the answer is the same as for a track that never had them (no count shows through the limit).
 */
class TrackJournalTests {

    static final LabelKeys LABELS = new LabelKeys();
    static final String REL = "SECRET//REL TO USA, JPN", NOFORN = "SECRET//NOFORN";

    static TrackState version(String uid, long timeMs, double lat, String banner) {
        return new TrackState(uid, "a-f-S-C", "m-g", lat, 135.0, 0, 8, 90, null, LABELS.intern(Label.parse(banner)),
                timeMs, timeMs + 60_000, new String[] {"USA"}, true);
    }

    static double lat(int i) {
        return 30 + i * 0.01;
    }

    @Test
    void versionsAReaderMayNotReadTakeNoPlaceInItsHistory() throws Exception {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:journal-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V41__picture_track_history.sql")).execute(db);
        JdbcTemplate jdbc = new JdbcTemplate(db);
        LabelKernel kernel = LabelKernel.standard().forNode("USA", "TOP SECRET");
        long t0 = System.currentTimeMillis() - 60_000;
        List<TrackState> versions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            versions.add(version("MIXED-1", t0 + i * 1000, lat(i), REL));
            versions.add(version("REL-ONLY-1", t0 + i * 1000, lat(i), REL));
        }
        for (int i = 3; i < 8; i++) versions.add(version("MIXED-1", t0 + i * 1000, lat(i), NOFORN));
        try (TrackJournal journal = new TrackJournal(jdbc, kernel)) {
            journal.deliver(new Frame(versions.toArray(new TrackState[0]), versions.size(), false));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (journal.written() < versions.size() && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(journal.written()).isEqualTo(versions.size());

            Instant since = Instant.ofEpochMilli(t0 - 1000);
            Reader jpn = Reader.parse("JPN/SECRET"), usa = Reader.parse("USA/SECRET");
            List<TrackJournal.Point> mixed = journal.history("MIXED-1", since, jpn, 3);
            assertThat(mixed).extracting(TrackJournal.Point::lat).containsExactly(lat(0), lat(1), lat(2));
            assertThat(mixed).isEqualTo(journal.history("REL-ONLY-1", since, jpn, 3));
            assertThat(journal.history("MIXED-1", since, usa, 3)).extracting(TrackJournal.Point::lat).containsExactly(lat(5), lat(6), lat(7));
            assertThat(journal.history("MIXED-1", since, jpn, 2)).extracting(TrackJournal.Point::lat).containsExactly(lat(1), lat(2));
            assertThat(journal.history("UNKNOWN-1", since, jpn, 3)).isEmpty();
        }
    }
}
