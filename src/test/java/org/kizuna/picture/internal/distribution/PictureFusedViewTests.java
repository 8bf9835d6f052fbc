package org.kizuna.picture.internal.distribution;

import org.kizuna.picture.Sensor;
import org.kizuna.picture.TrackView;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotRejected;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import org.kizuna.picture.internal.tracking.Plane;
import org.kizuna.picture.Source;

/**
 * How the picture drives a tracker and publishes its per-audience views: each audience's engine is fed
 * only the reports it may read, a fused track's label is the roll-up of its contributions, and only
 * the contributing nations the audience may know of are shown. The tracker here is a tiny in-test
 * stand-in (one track per sensor, at its last report) until the fusion engine is merged.
 */
public class PictureFusedViewTests {

    /** One track per (audience, sensor): the last report that audience may read. */
    public static final class LastReportTracker implements FusedLayer {
        final List<IntPredicate> audiences = new ArrayList<>();
        public final List<double[]> reports = new CopyOnWriteArrayList<>(); // t, sensor, x, y, labelKey

        @Override
        public int addAudience(IntPredicate mayRead) {
            audiences.add(mayRead);
            return audiences.size() - 1;
        }

        @Override
        public void report(double t, int sensor, double x, double y, double sigma, int labelKey) {
            reports.add(new double[] {t, sensor, x, y, labelKey});
        }

        @Override
        public void advance(double now) {
        }

        @Override
        public void redecide() {
            // nothing cached: view asks the audience's predicate for every report each time
        }

        @Override
        public void view(int audience, Sink sink) {
            // a combined track of every readable report: exercises the roll-up over several label keys
            int[] keys = new int[reports.size()], sensors = new int[reports.size()];
            int n = 0, s = 0;
            double x = 0, y = 0, t = 0;
            for (double[] r : reports) {
                if (!audiences.get(audience).test((int) r[4])) continue;
                keys[n++] = (int) r[4];
                boolean seen = false;
                for (int i = 0; i < s; i++) seen |= sensors[i] == (int) r[1];
                if (!seen) sensors[s++] = (int) r[1];
                x = r[2];
                y = r[3];
                t = r[0];
            }
            if (n > 0) sink.track(7, t, x, y, 150, 0, 100, keys, n, sensors, s);
        }
    }

    static CotEvent report(String uid, double lat, double lon) {
        long now = System.currentTimeMillis();
        return new CotEvent(uid, "a-u-A", "m-r", now, now, now + 30_000, lat, lon, CotEvent.UNKNOWN, 120, CotEvent.UNKNOWN,
                null, null, null, Double.NaN, Double.NaN, null, null);
    }

    @Test
    void eachAudienceSeesTheTrackBuiltFromWhatItMayRead() throws Exception {
        SensorCatalog sensors = new SensorCatalog();
        sensors.register(new Sensor("USA-TPY2-KYOGA", "USA", "AN/TPY-2", "radar", "SECRET//NOFORN", 150, 35.77, 135.22));
        sensors.register(new Sensor("JPN-FPS5-SADO", "JPN", "J/FPS-5", "radar", "//JPN SECRET//REL TO USA, JPN", 150, 38.08, 138.40));
        LastReportTracker tracker = new LastReportTracker();
        LabelKernel kernel = LabelKernel.standard().forNode("USA", "TOP SECRET");
        try (Picture picture = new Picture(kernel, sensors, tracker, "USA")) {
            List<Frame> usaFrames = new CopyOnWriteArrayList<>(), jpnFrames = new CopyOnWriteArrayList<>();
            picture.subscribe(Reader.parse("USA/SECRET"), usaFrames::add);
            picture.subscribe(Reader.parse("JPN/SECRET"), jpnFrames::add);
            Source radar = new Source("test", "USA", null);
            picture.ingest(report("USA-TPY2-KYOGA.r1", 37.0, 134.0), radar);
            picture.ingest(report("JPN-FPS5-SADO.r1", 37.1, 134.1), new Source("test", "JPN", null)); // a nation reports for its own sensors
            long deadline = System.currentTimeMillis() + 3000;
            List<TrackView> usa = List.of(), jpn = List.of();
            while (System.currentTimeMillis() < deadline && (usa.isEmpty() || jpn.isEmpty())) {
                Thread.sleep(100);
                usa = picture.tracks(Reader.parse("USA/SECRET"));
                jpn = picture.tracks(Reader.parse("JPN/SECRET"));
            }
            assertThat(usa).hasSize(1);
            assertThat(jpn).hasSize(1);
            TrackView u = usa.getFirst(), j = jpn.getFirst();
            // the USA audience's track rolls up a NOFORN contribution: NOFORN, and both nations contributed
            assertThat(Label.parse(u.banner()).isNoforn()).isTrue();
            assertThat(u.nations()).containsExactly("JPN", "USA");
            assertThat(u.id()).isEqualTo("KZ-USA-7");
            assertThat(u.selfReported()).isFalse();
            assertThat(u.dimension()).isEqualTo("A");
            assertThat(u.speed()).isEqualTo(150.0);
            assertThat(u.course()).isEqualTo(90.0);
            // the JPN audience's engine never got the NOFORN report: its track is JPN's alone
            assertThat(j.banner()).isEqualTo("//JPN SECRET//REL TO USA, JPN");
            assertThat(j.nations()).containsExactly("JPN");
            assertThat(j.lat()).isCloseTo(37.1, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(j.lon()).isCloseTo(134.1, org.assertj.core.data.Offset.offset(1e-9));
            int jpnAudience = 1;
            int noforn = picture.labels().intern(Label.parse("SECRET//NOFORN")).key();
            assertThat(tracker.audiences.get(jpnAudience).test(noforn)).isFalse();
            assertThat(tracker.audiences.get(0).test(noforn)).isTrue();
            // and the fused view is pushed to subscribers once a second
            Thread.sleep(1200);
            assertThat(jpnFrames).anyMatch(f -> !f.replay() && f.count() == 1 && f.tracks()[0].marking.banner().equals("//JPN SECRET//REL TO USA, JPN"));
            assertThat(jpnFrames).noneMatch(f -> java.util.Arrays.stream(f.tracks(), 0, f.count()).anyMatch(t -> t.marking.banner().contains("NOFORN")));
            assertThat(usaFrames).anyMatch(f -> f.count() == 1 && f.tracks()[0].marking.label().isNoforn());
        }
    }

    @Test
    void withoutATrackerSensorReportsAreCountedNotShown() throws CotRejected, InterruptedException {
        SensorCatalog sensors = new SensorCatalog();
        sensors.register(new Sensor("AUS-P8A-A47", "AUS", "P-8A", "aircraft", "//AUS SECRET//REL TO USA, AUS, JPN", 200, 26, 133));
        try (Picture picture = new Picture(LabelKernel.standard().forNode("USA", "TOP SECRET"), sensors, null, "USA")) {
            picture.ingest(report("AUS-P8A-A47.r9", 26.5, 133.5), new Source("test", "AUS", null));
            Thread.sleep(200);
            assertThat(picture.tracks(Reader.parse("AUS/SECRET"))).isEmpty();
            assertThat(picture.unfusedReports()).isEqualTo(1);
        }
        assertThat(Plane.lat(Plane.y(38.5))).isCloseTo(38.5, org.assertj.core.data.Offset.offset(1e-12));
    }
}
