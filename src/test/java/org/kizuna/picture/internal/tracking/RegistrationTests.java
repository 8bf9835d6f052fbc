package org.kizuna.picture.internal.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Sensors that disagree: a partner's radar whose reports sit a few hundred metres off, estimated against
 * a surveyed sensor or units' own positions, and a bias that jumps.
 */
class RegistrationTests {

    static final int SURVEYED = 0, PARTNER = 1, SELF = 2;

    /** One engine's estimate of one sensor. */
    record Estimate(SensorRole role, double bx, double by, double sx, double sy, long used, double jumpedAt) {
    }

    static Map<Integer, Estimate> estimates(FusionEngine e) {
        Map<Integer, Estimate> out = new HashMap<>();
        e.registration((sensor, role, bx, by, sx, sy, used, jumpedAt) -> out.put(sensor, new Estimate(role, bx, by, sx, sy, used, jumpedAt)));
        return out;
    }

    /**
     * Twelve targets in straight flight across a 100 km square, seen every 4 s by the surveyed sensor
     * (sigma 50 m) when {@code surveyed}, every 2 s by the partner's radar (sigma 100 m) whose reports are
     * off by {@code (bx, by)} until {@code jumpAt} and by {@code (jx, jy)} after, and by the targets' own
     * position reports (sigma 10 m, every 5 s) when {@code selfReports}.
     */
    static final class World {
        final FusionEngine engine = new FusionEngine(FusionConfig.defaults());
        final SplittableRandom rnd = new SplittableRandom(11);
        final double[] x0 = new double[12], y0 = new double[12], vx = new double[12], vy = new double[12];
        boolean surveyed = true, selfReports;
        /** Scan periods (tenths of a second) and accuracies (m) of the surveyed sensor and of the partner. */
        int surveyedPeriod = 40, partnerPeriod = 20;
        double surveyedSigma = 50, partnerSigma = 100;
        double bx = 320, by = -240, jumpAt = Double.POSITIVE_INFINITY, jx, jy;

        World() {
            engine.role(SURVEYED, SensorRole.SURVEYED);
            engine.role(SELF, SensorRole.SELF_REPORTS);
            for (int i = 0; i < x0.length; i++) {
                x0[i] = 10_000 + (i % 4) * 25_000;
                y0[i] = 10_000 + (i / 4) * 30_000;
                double heading = i * 0.9, speed = 150 + 10 * i;
                vx[i] = speed * Math.cos(heading);
                vy[i] = speed * Math.sin(heading);
            }
        }

        void run(double from, double to) {
            for (int k = (int) Math.round(from * 10); k <= Math.round(to * 10); k++) {
                double t = k / 10.0;
                if (surveyed && k % surveyedPeriod == 0) scan(t, SURVEYED, surveyedSigma, 0, 0);
                if (k % partnerPeriod == 7 % partnerPeriod) scan(t, PARTNER, partnerSigma, t < jumpAt ? bx : jx, t < jumpAt ? by : jy);
                if (selfReports && k % 50 == 23) scan(t, SELF, 10, 0, 0);
                engine.advance(t);
            }
        }

        private void scan(double t, int sensor, double sigma, double ox, double oy) {
            for (int i = 0; i < x0.length; i++) {
                double x = x0[i] + vx[i] * t, y = y0[i] + vy[i] * t;
                engine.report(t, sensor, x + ox + rnd.nextGaussian() * sigma, y + oy + rnd.nextGaussian() * sigma, sigma, sensor);
            }
        }
    }

    @Test
    void aPartnersBiasIsEstimatedAgainstTheSurveyedSensorAndItsTargetsAreOneTrackEach() {
        World w = new World();
        w.run(0, 120);
        Estimate partner = estimates(w.engine).get(PARTNER);
        assertThat(partner.role()).isEqualTo(SensorRole.ESTIMATED);
        assertThat(partner.bx()).isCloseTo(320, within(15.0));
        assertThat(partner.by()).isCloseTo(-240, within(15.0));
        // the uncertainty says how good it is: far below the prior, and the error within three of it
        assertThat(partner.sx()).isLessThan(10).isGreaterThan(0);
        assertThat(Math.abs(partner.bx() - 320)).isLessThan(3 * partner.sx() + 5);
        assertThat(partner.used()).isGreaterThan(500);
        assertThat(partner.jumpedAt()).isNaN();
        Estimate surveyed = estimates(w.engine).get(SURVEYED);
        assertThat(surveyed.role()).isEqualTo(SensorRole.SURVEYED);
        assertThat(surveyed.bx()).isZero();
        assertThat(surveyed.sx()).isZero();
        // one track per target, none doubled by the partner's offset, each where the target truly is
        assertThat(FusionEngineTests.view(w.engine)).hasSize(12);
        for (FusionEngineTests.Seen s : FusionEngineTests.view(w.engine)) {
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < 12; i++) best = Math.min(best, Math.hypot(s.x() - (w.x0[i] + w.vx[i] * 120), s.y() - (w.y0[i] + w.vy[i] * 120)));
            assertThat(best).isLessThan(80);
        }
    }

    @Test
    void aPartnerThatFeedsMostOfEachTrackIsStillMeasuredAgainstTheSparseReference() {
        // the partner reports every second and better than the reference, which reports every 8 s: the
        // tracks sit where the partner's reports put them, so only pairs of reports show its offset
        World w = new World();
        w.surveyedPeriod = 80;
        w.surveyedSigma = 150;
        w.partnerPeriod = 10;
        w.partnerSigma = 40;
        w.run(0, 240);
        Estimate partner = estimates(w.engine).get(PARTNER);
        assertThat(partner.bx()).isCloseTo(320, within(25.0));
        assertThat(partner.by()).isCloseTo(-240, within(25.0));
        assertThat(Math.hypot(partner.bx() - 320, partner.by() + 240)).isLessThan(3 * Math.hypot(partner.sx(), partner.sy()) + 10);
    }

    @Test
    void withoutTheCorrectionTheSameWorldDrawsDualTracks() {
        // the same reports, the partner's offset outside every gate from the start: an engine that took
        // reports as they come would hold two tracks per target; this one holds one
        World w = new World();
        w.bx = 900;
        w.by = -700;
        w.run(0, 90);
        assertThat(FusionEngineTests.view(w.engine)).hasSize(12);
        assertThat(estimates(w.engine).get(PARTNER).bx()).isCloseTo(900, within(20.0));
    }

    @Test
    void unitsOwnPositionsAreAReferenceWhenNoSurveyedSensorIsThere() {
        World w = new World();
        w.surveyed = false;
        w.selfReports = true;
        w.run(0, 150);
        Estimate partner = estimates(w.engine).get(PARTNER);
        assertThat(partner.bx()).isCloseTo(320, within(20.0));
        assertThat(partner.by()).isCloseTo(-240, within(20.0));
        assertThat(estimates(w.engine).get(SELF).role()).isEqualTo(SensorRole.SELF_REPORTS);
        assertThat(FusionEngineTests.view(w.engine)).hasSize(12);
    }

    @Test
    void selfReportsAloneStartNoTrack() {
        // only the units' own reports for a minute: no fused track, however many reports
        FusionEngine e = new FusionEngine(FusionConfig.defaults());
        e.role(SELF, SensorRole.SELF_REPORTS);
        for (int k = 0; k < 60; k++) {
            e.report(k, SELF, 10_000 + 200 * k, 20_000, 10, 0);
            e.advance(k);
        }
        assertThat(e.trackCount()).isZero();
    }

    @Test
    void withoutAnyReferenceTheFirstSensorHeardIsTheYardstick() {
        World w = new World();
        w.surveyed = false;
        w.run(0, 60);
        // the partner is the only sensor: it is its own yardstick, nothing is estimated
        Estimate partner = estimates(w.engine).get(PARTNER);
        assertThat(partner.bx()).isZero();
        assertThat(partner.sx()).isZero();
        assertThat(FusionEngineTests.view(w.engine)).hasSize(12);
    }

    @Test
    void aBiasThatJumpsIsFlaggedAndEstimatedAfresh() {
        World w = new World();
        w.jumpAt = 100;
        w.jx = -150;
        w.jy = 260;
        w.run(0, 99.9);
        assertThat(estimates(w.engine).get(PARTNER).jumpedAt()).as("no jump flagged while the bias holds").isNaN();
        w.run(100, 200);
        Estimate partner = estimates(w.engine).get(PARTNER);
        assertThat(partner.jumpedAt()).isBetween(100.0, 115.0);
        assertThat(partner.bx()).isCloseTo(-150, within(20.0));
        assertThat(partner.by()).isCloseTo(260, within(20.0));
        assertThat(FusionEngineTests.view(w.engine)).hasSize(12);
    }

    @Test
    void aSteadyBiasIsNeverFlaggedOverALongRun() {
        World w = new World();
        w.run(0, 600);
        assertThat(estimates(w.engine).get(PARTNER).jumpedAt()).isNaN();
    }
}
