package org.kizuna.picture.bench.ap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The reference filter of the fusion benchmark: told the legs and the offsets, it follows a target closely through them. */
class ReferenceTracksTests {

    /**
     * One target for 90 s: 30 s straight, 30 s turning at 4 degrees a second, 30 s accelerating at 6 m/s^2, truth every
     * second; reported every second by a sensor of accuracy {@code sigma} whose reports sit {@code (bx, by)} off, with
     * noise of that accuracy when {@code noisy}; and a second target, never reported.
     */
    static ApFiles.Detections[] world(double sigma, double bx, double by, boolean noisy, List<double[]> truth) {
        SplittableRandom rnd = new SplittableRandom(5);
        double x = 10_000, y = 20_000, speed = 200, heading = 0.3;
        List<double[]> reports = new ArrayList<>();
        for (int k = 0; k <= 90; k++) {
            truth.add(new double[]{k, x, speed * Math.cos(heading), y, speed * Math.sin(heading)});
            double ex = noisy ? rnd.nextGaussian() * sigma : 0, ey = noisy ? rnd.nextGaussian() * sigma : 0;
            if (k >= 2) reports.add(new double[]{k, x + bx + ex, y + by + ey});
            for (int s = 0; s < 100; s++) {
                double dt = 0.01;
                if (k >= 30 && k < 60) heading += Math.toRadians(4) * dt;
                if (k >= 60) speed += 6 * dt;
                x += speed * Math.cos(heading) * dt;
                y += speed * Math.sin(heading) * dt;
            }
        }
        int n = reports.size();
        ApFiles.Detections d = new ApFiles.Detections(n, new double[n], new String[n], new double[n], new double[n], new double[n], new String[n]);
        for (int k = 0; k < n; k++) {
            d.t()[k] = reports.get(k)[0];
            d.sensor()[k] = "AU";
            d.x()[k] = reports.get(k)[1];
            d.y()[k] = reports.get(k)[2];
            d.sigma()[k] = sigma;
            d.truthIds()[k] = "T0";
        }
        return new ApFiles.Detections[]{d};
    }

    static ApFiles.States truth(List<double[]> rows) {
        int n = rows.size() * 2;
        ApFiles.States s = new ApFiles.States(n, new double[n], new String[n], new double[n], new double[n], new double[n], new double[n]);
        for (int k = 0; k < rows.size(); k++) {
            for (int j = 0; j < 2; j++) {
                double[] r = rows.get(k);
                int i = 2 * k + j;
                s.t()[i] = r[0];
                s.id()[i] = "T" + j;
                s.x()[i] = r[1] + j * 50_000;
                s.vx()[i] = r[2];
                s.y()[i] = r[3];
                s.vy()[i] = r[4];
            }
        }
        return s;
    }

    @Test
    void oneTrackPerReportedTargetFromItsFirstReportAndTheOffsetMeasuredFromTheTruth() {
        List<double[]> rows = new ArrayList<>();
        ApFiles.Detections d = world(100, 300, -200, false, rows)[0];
        ApFiles.States t = truth(rows);
        ApFiles.States r = ReferenceTracks.run(d, t, Map.of());
        assertThat(Arrays.stream(r.id()).distinct()).containsExactly("RT0");
        assertThat(Arrays.stream(r.t()).min().orElseThrow()).isEqualTo(2);
        // noiseless reports, the offset measured from the truth exactly: once the legs' parameters are learnt, on the truth
        for (int k = 0; k < r.size(); k++) {
            double[] truthThen = rows.get((int) r.t()[k]);
            double err = Math.hypot(r.x()[k] - truthThen[1], r.y()[k] - truthThen[3]);
            if (r.t()[k] >= 20 && r.t()[k] < 30 || r.t()[k] >= 45 && r.t()[k] < 60 || r.t()[k] >= 80) {
                assertThat(err).as("error at %.0f s", r.t()[k]).isLessThan(10);
            }
        }
    }

    @Test
    void withNoiseItBeatsTheReportsWellAfterEachLegBegins() {
        List<double[]> rows = new ArrayList<>();
        ApFiles.Detections d = world(100, 300, -200, true, rows)[0];
        ApFiles.States r = ReferenceTracks.run(d, truth(rows), Map.of("AU", new ApFiles.Offset("AU", 300, -200)));
        double sum = 0;
        int n = 0;
        for (int k = 0; k < r.size(); k++) {
            double tk = r.t()[k];
            if (tk >= 15 && tk < 30 || tk >= 45 && tk < 60 || tk >= 75) {
                double[] truthThen = rows.get((int) tk);
                sum += Math.hypot(r.x()[k] - truthThen[1], r.y()[k] - truthThen[3]);
                n++;
            }
        }
        // a report alone is 125 m off on average (sigma 100 per axis); the reference, told the legs, far less
        assertThat(sum / n).isLessThan(60);
        assertThat(r.x()[0]).isCloseTo(d.x()[0] - 300, within(1e-6));
    }
}
