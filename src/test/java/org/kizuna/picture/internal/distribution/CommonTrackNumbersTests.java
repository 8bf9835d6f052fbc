package org.kizuna.picture.internal.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.Source;
import org.kizuna.picture.TrackView;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import org.kizuna.picture.internal.tracking.Plane;
import org.kizuna.testing.Readers;

/**
 * Common track numbers (issue 16, point 2): a fused track carries one uid for every audience that sees it, however
 * the audiences' estimates differ, stable for its life; an audience that may read none of a track's contributions
 * never sees its uid.
 */
class CommonTrackNumbersTests {

    static final Reader USA = Readers.usa(), JPN = Readers.jpn();

    /** A radar report of an aircraft flying east at 150 m/s from 37N {@code lon0}E, seen at {@code timeMs}. */
    static CotEvent report(String uid, double lon0, long startMs, long timeMs) {
        double metresEast = 150 * (timeMs - startMs) / 1000.0;
        return new CotEvent(uid, "a-u-A", "m-r", timeMs, timeMs, timeMs + 30_000, 37.0, Plane.lon(Plane.x(lon0) + metresEast), CotEvent.UNKNOWN, 50,
                CotEvent.UNKNOWN, null, null, null, Double.NaN, Double.NaN, null, null);
    }

    @Test
    void readersOfTwoNationsSeeTheSameUidForTheTrackTheyShareAndOnlyThatOne() throws Exception {
        SensorCatalog sensors = new SensorCatalog();
        sensors.register(new Sensor("USA-TPY2-KYOGA", "USA", "AN/TPY-2", "radar", "SECRET//NOFORN", 50, 35.77, 135.22));
        sensors.register(new Sensor("JPN-FPS5-SADO", "JPN", "J/FPS-5", "radar", "//JPN SECRET//REL TO USA, JPN", 50, 38.08, 138.40));
        try (LivePicture picture = new LivePicture(LabelKernel.standard().forNode("USA", "TOP SECRET"), sensors, "USA")) {
            List<Frame> jpnFrames = new CopyOnWriteArrayList<>();
            picture.subscribe(USA, f -> {});
            picture.subscribe(JPN, jpnFrames::add);
            Source usa = new Source("usa-radar", "USA", null), jpn = new Source("jpn-radar", "JPN", null);
            // the shared aircraft: both radars see it (the USA audience's estimate rolls up a NOFORN report, JPN's does not);
            // a second aircraft far away only the NOFORN radar sees
            long end = System.currentTimeMillis(), start = end - 20_000;
            for (long t = start; t <= end; t += 2_000) {
                picture.ingest(report("USA-TPY2-KYOGA.r1", 134.0, start, t), usa);
                picture.ingest(report("USA-TPY2-KYOGA.r2", 130.0, start, t), usa);
                picture.ingest(report("JPN-FPS5-SADO.r1", 134.0, start, t + 500), jpn);
            }
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> picture.tracks(USA).size() == 2 && picture.tracks(JPN).size() == 1);
            TrackView shared = picture.tracks(JPN).getFirst();
            Set<String> usaIds = picture.tracks(USA).stream().map(TrackView::id).collect(Collectors.toSet());
            assertThat(usaIds).as("the JPN reader's uid names the same track for the USA reader").contains(shared.id());
            assertThat(shared.id()).matches("KZ-USA-[2-9A-HJ-NP-Z]{6}");
            TrackView usaShared = picture.tracks(USA).stream().filter(t -> t.id().equals(shared.id())).findFirst().orElseThrow();
            assertThat(usaShared.banner()).as("the estimates differ (USA's rolls up NOFORN), the uid does not").isNotEqualTo(shared.banner());
            assertThat(Math.abs(usaShared.lon() - 134.0)).isLessThan(Math.abs(usaShared.lon() - 130.0));
            String usaOnly = usaIds.stream().filter(id -> !id.equals(shared.id())).findFirst().orElseThrow();

            // stable for the track's life: more reports, and a reader who arrives later (a tracker of its own,
            // started from the retained reports) names it alike
            for (long t = end + 2_000; t <= end + 6_000; t += 2_000) {
                picture.ingest(report("USA-TPY2-KYOGA.r1", 134.0, start, t), usa);
                picture.ingest(report("JPN-FPS5-SADO.r1", 134.0, start, t + 500), jpn);
            }
            Reader lateJpn = Readers.jpn("TOP SECRET");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> picture.tracks(lateJpn).size() == 1);
            assertThat(picture.tracks(lateJpn).getFirst().id()).isEqualTo(shared.id());
            assertThat(picture.tracks(JPN)).extracting(TrackView::id).containsExactly(shared.id());
            assertThat(picture.tracks(USA)).extracting(TrackView::id).contains(shared.id(), usaOnly);

            // the track JPN may read nothing of never reaches JPN, not even its uid
            Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> jpnFrames.stream().anyMatch(f -> !f.replay() && f.count() == 1));
            assertThat(jpnFrames).allSatisfy(f -> assertThat(Arrays.stream(f.tracks(), 0, f.count()).map(t -> t.uid)).doesNotContain(usaOnly));
        }
    }

    @Test
    void aUidIsLentByReportsAndNeverIssuedTwice() {
        CommonTrackIds ids = new CommonTrackIds("USA", new java.util.Random(7));
        // audience 0 names its track first; audience 1's track took two of the same reports and one of its own
        var first = ids.name(java.util.Map.of(0, List.of(new CommonTrackIds.Seen(1, new long[]{10, 11, 12}))), 0);
        String uid = first.get(0).get(1L);
        var second = ids.name(java.util.Map.of(0, List.of(new CommonTrackIds.Seen(1, new long[]{11, 12, 13})),
                1, List.of(new CommonTrackIds.Seen(5, new long[]{12, 13, 99}), new CommonTrackIds.Seen(6, new long[]{12}))), 1_000);
        assertThat(second.get(0).get(1L)).isEqualTo(uid);
        assertThat(second.get(1).get(5L)).as("the track of the other audience that took the same reports").isEqualTo(uid);
        assertThat(second.get(1).get(6L)).as("one uid names one track of an audience").isNotEqualTo(uid);
        // a track that leaves every view loses its name; its reports keep the uid until they are forgotten
        ids.name(java.util.Map.of(0, List.of(), 1, List.of()), 2_000);
        var later = ids.name(java.util.Map.of(1, List.of(new CommonTrackIds.Seen(9, new long[]{13}))), 3_000);
        assertThat(later.get(1).get(9L)).isEqualTo(uid);
        ids.name(java.util.Map.of(1, List.of()), 3_000 + CommonTrackIds.REPORT_MEMORY_MS + 1);
        assertThat(ids.uidsInUse()).isZero();
    }
}
