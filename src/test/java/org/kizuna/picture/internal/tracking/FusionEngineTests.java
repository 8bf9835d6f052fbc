package org.kizuna.picture.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tracker on small, known situations. */
class FusionEngineTests {

    record Seen(long id, double x, double y, double vx, double vy, double variance, List<Integer> labels) {
    }

    static List<Seen> view(FusionEngine e) {
        List<Seen> out = new ArrayList<>();
        e.view((id, t, x, y, vx, vy, var, labels, lc, sensors, sc) -> {
            List<Integer> l = new ArrayList<>();
            for (int i = 0; i < lc; i++) l.add(labels[i]);
            out.add(new Seen(id, x, y, vx, vy, var, l));
        });
        return out;
    }

    @Test
    void aTargetSeenByTwoSensorsBecomesOneTrackWithAStableIdAndASmallError() {
        FusionEngine e = new FusionEngine(FusionConfig.defaults());
        SplittableRandom rnd = new SplittableRandom(4);
        Long id = null;
        for (int k = 0; k < 60; k++) {
            double t = k;
            double tx = 10_000 + 200 * t, ty = 50_000 - 100 * t;
            int sensor = k % 2;
            double sigma = sensor == 0 ? 50 : 100;
            e.report(t, sensor, tx + rnd.nextGaussian() * sigma, ty + rnd.nextGaussian() * sigma, sigma, sensor);
            e.advance(t);
            List<Seen> v = view(e);
            if (k >= 5) {
                assertThat(v).hasSize(1);
                if (id == null) id = v.get(0).id();
                assertThat(v.get(0).id()).isEqualTo(id);
            }
            if (k == 59) {
                assertThat(Math.hypot(v.get(0).x() - tx, v.get(0).y() - ty)).isLessThan(120);
                assertThat(Math.hypot(v.get(0).vx() - 200, v.get(0).vy() + 100)).isLessThan(25);
                assertThat(v.get(0).labels()).containsExactlyInAnyOrder(0, 1);
            }
        }
    }

    @Test
    void tracksExpireOnTheCallersClockWhenTheirSensorsFallSilent() {
        FusionEngine e = new FusionEngine(FusionConfig.defaults());
        for (int k = 0; k < 10; k++) {
            e.report(k, 0, 10_000 + 200 * k, 50_000, 50, 0);
            e.advance(k);
        }
        assertThat(view(e)).hasSize(1);
        e.advance(9 + FusionConfig.defaults().confirmedTimeout() - 1);
        assertThat(view(e)).as("still within its timeout").hasSize(1);
        e.advance(9 + FusionConfig.defaults().confirmedTimeout() + 1);
        assertThat(view(e)).as("no scan came, yet the clock passed its timeout").isEmpty();
        assertThat(e.trackCount()).isZero();
    }

    @Test
    void aLateReportNeverMakesATrackExpire() {
        FusionEngine e = new FusionEngine(FusionConfig.defaults());
        for (int k = 0; k < 40; k++) {
            e.report(k, 0, 10_000 + 200 * k, 50_000, 50, 0);
            e.advance(k);
        }
        assertThat(view(e)).hasSize(1);
        // a report stamped 30 s ago (a sensor whose clock lags) on the track: it is taken, and must not age the track
        e.report(9, 0, 10_000 + 200 * 39, 50_000, 50, 0);
        e.advance(40);
        assertThat(view(e)).as("the track was updated 1 s ago; a late report does not age it").hasSize(1);
    }

    @Test
    void clutterAloneMakesNoTracks() {
        FusionEngine e = new FusionEngine(FusionConfig.defaults());
        SplittableRandom rnd = new SplittableRandom(9);
        int confirmedScans = 0;
        for (int k = 0; k < 150; k++) {
            for (int c = 0; c < 20; c++) e.report(k * 2.0, 0, rnd.nextDouble() * 200_000, rnd.nextDouble() * 200_000, 100, 0);
            e.advance(k * 2.0);
            if (e.trackCount() > 0) confirmedScans++;
        }
        assertThat(confirmedScans).isLessThanOrEqualTo(2);
    }

    @Test
    void aTrackWithoutReportsIsDeleted() {
        FusionEngine e = new FusionEngine(FusionConfig.defaults());
        for (int k = 0; k < 10; k++) {
            e.report(k, 0, 1000 + 150 * k, 2000, 50, 0);
            e.advance(k);
        }
        assertThat(e.trackCount()).isEqualTo(1);
        e.advance(9 + FusionConfig.defaults().confirmedTimeout() - 1);
        e.report(30, 0, 900_000, 900_000, 50, 0);
        e.advance(30);
        assertThat(e.trackCount()).isZero();
    }

    @Test
    void crossingTargetsKeepTheirTracksBecauseAssignmentIsGlobal() {
        FusionEngine e = new FusionEngine(FusionConfig.defaults());
        SplittableRandom rnd = new SplittableRandom(2);
        long[] ids = new long[2];
        for (int k = 0; k <= 40; k++) {
            double t = k;
            double ax = 200 * t, ay = 0, bx = 200 * t, by = 4000 - 200 * t; // the two cross at t = 20 s
            e.report(t, 0, ax + rnd.nextGaussian() * 30, ay + rnd.nextGaussian() * 30, 30, 0);
            e.report(t, 0, bx + rnd.nextGaussian() * 30, by + rnd.nextGaussian() * 30, 30, 0);
            e.advance(t);
            List<Seen> v = view(e);
            if (k == 10) {
                assertThat(v).hasSize(2);
                for (Seen s : v) ids[s.y() < 1000 ? 1 : 0] = s.id();
            }
            if (k == 40) {
                assertThat(v).hasSize(2);
                for (Seen s : v) {
                    // the track that started high (b) is now low, and keeps its id
                    if (s.y() < -2000) assertThat(s.id()).isEqualTo(ids[0]);
                    else assertThat(s.id()).isEqualTo(ids[1]);
                }
            }
        }
    }
}
