package org.kizuna.picture.internal.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.kizuna.label.Label;
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
 * How the picture tracks sensor reports and publishes its per-audience views: each audience's tracking
 * is fed only the reports it may read, a fused track's label is the roll-up of its contributions, and
 * only the contributing nations the audience may know of are shown.
 */
class PictureFusedViewTests {

    static final Reader USA = Readers.usa(), JPN = Readers.jpn();

    /** A radar report of an aircraft flying east at 150 m/s from 37N 134E, seen at {@code timeMs}. */
    static CotEvent report(String uid, long startMs, long timeMs) {
        double metresEast = 150 * (timeMs - startMs) / 1000.0;
        double lon = Plane.lon(Plane.x(134.0) + metresEast);
        return new CotEvent(uid, "a-u-A", "m-r", timeMs, timeMs, timeMs + 30_000, 37.0, lon, CotEvent.UNKNOWN, 50, CotEvent.UNKNOWN,
                null, null, null, Double.NaN, Double.NaN, null, null);
    }

    @Test
    void eachAudienceSeesTheTrackBuiltFromWhatItMayRead() throws Exception {
        SensorCatalog sensors = new SensorCatalog();
        sensors.register(new Sensor("USA-TPY2-KYOGA", "USA", "AN/TPY-2", "radar", "SECRET//NOFORN", 50, 35.77, 135.22));
        sensors.register(new Sensor("JPN-FPS5-SADO", "JPN", "J/FPS-5", "radar", "//JPN SECRET//REL TO USA, JPN", 50, 38.08, 138.40));
        LabelKernel kernel = LabelKernel.standard().forNode("USA", "TOP SECRET");
        try (LivePicture picture = new LivePicture(kernel, sensors, "USA")) {
            List<Frame> usaFrames = new CopyOnWriteArrayList<>(), jpnFrames = new CopyOnWriteArrayList<>();
            picture.subscribe(USA, usaFrames::add);
            picture.subscribe(JPN, jpnFrames::add);
            // both nations' radars see the same aircraft every 2 s for the last 20 s; each nation reports for its own radar
            long end = System.currentTimeMillis(), start = end - 20_000;
            for (long t = start; t <= end; t += 2_000) {
                picture.ingest(report("USA-TPY2-KYOGA.r1", start, t), new Source("usa-radar", "USA", null));
                picture.ingest(report("JPN-FPS5-SADO.r1", start, t + 500), new Source("jpn-radar", "JPN", null));
            }
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> picture.tracks(USA).size() == 1 && picture.tracks(JPN).size() == 1);
            TrackView u = picture.tracks(USA).getFirst(), j = picture.tracks(JPN).getFirst();
            // the USA audience's track rolls up a NOFORN contribution: NOFORN, and both nations contributed
            assertThat(Label.parse(u.banner()).isNoforn()).isTrue();
            assertThat(u.nations()).containsExactly("JPN", "USA");
            assertThat(u.id()).startsWith("KZ-USA-");
            assertThat(u.selfReported()).isFalse();
            assertThat(u.dimension()).isEqualTo("A");
            assertThat(u.speed()).isCloseTo(150.0, within(15.0));
            assertThat(u.course()).isCloseTo(90.0, within(5.0));
            // the JPN audience's tracking never got the NOFORN reports: its track is JPN's alone
            assertThat(j.banner()).isEqualTo("//JPN SECRET//REL TO USA, JPN");
            assertThat(j.nations()).containsExactly("JPN");
            assertThat(j.lat()).isCloseTo(37.0, within(0.01));
            // and the fused views are pushed to subscribers (once a second), each audience only its own
            Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> jpnFrames.stream().anyMatch(f -> !f.replay() && f.count() == 1));
            assertThat(jpnFrames).noneMatch(f -> Arrays.stream(f.tracks(), 0, f.count()).anyMatch(t -> t.marking.banner().contains("NOFORN")));
            Awaitility.await().atMost(Duration.ofSeconds(3))
                    .until(() -> usaFrames.stream().anyMatch(f -> f.count() == 1 && f.tracks()[0].marking.label().isNoforn()));
            assertThat(picture.observations()).isEqualTo(22);
        }
    }

    @Test
    void oneReportIsAnObservationButNotYetATrack() throws Exception {
        SensorCatalog sensors = new SensorCatalog();
        sensors.register(new Sensor("AUS-P8A-A47", "AUS", "P-8A", "aircraft", "//AUS SECRET//REL TO USA, AUS, JPN", 200, 26, 133));
        try (LivePicture picture = new LivePicture(LabelKernel.standard().forNode("USA", "TOP SECRET"), sensors, "USA")) {
            long now = System.currentTimeMillis();
            picture.ingest(report("AUS-P8A-A47.r9", now, now), new Source("test", "AUS", null));
            Awaitility.await().atMost(Duration.ofSeconds(3)).until(() -> picture.observations() == 1);
            // a tentative track is never shown: one report could be clutter
            assertThat(picture.tracks(Readers.aus())).isEmpty();
        }
        assertThat(Plane.lat(Plane.y(38.5))).isCloseTo(38.5, within(1e-12));
    }
}
