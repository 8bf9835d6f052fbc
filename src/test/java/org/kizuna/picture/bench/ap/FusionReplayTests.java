package org.kizuna.picture.bench.ap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.kizuna.picture.bench.FusionBench;
import org.kizuna.picture.internal.tracking.FusionConfig;
import org.kizuna.picture.internal.tracking.SensorRole;

/** What the replay writes as a track's history, and which sensors it tells the engine were surveyed. */
class FusionReplayTests {

    /** One target flying east at 250 m/s, reported every second by a 100 m sensor. */
    static ApFiles.Detections oneTarget() {
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 30;
        double[] t = new double[n], x = new double[n], y = new double[n], sigma = new double[n];
        String[] sensor = new String[n], truth = new String[n];
        for (int k = 0; k < n; k++) {
            t[k] = k;
            x[k] = 20_000 + 250 * k + rnd.nextGaussian() * 100;
            y[k] = 30_000 + rnd.nextGaussian() * 100;
            sigma[k] = 100;
            sensor[k] = "AU";
            truth[k] = "T0";
        }
        return new ApFiles.Detections(n, t, sensor, x, y, sigma, truth);
    }

    @Test
    void statesBeforeConfirmationAreTheConfirmedStatePredictedBack() {
        int confirmAt = FusionConfig.defaults().confirmHits() - 1; // the report that confirms (one per second from t = 0)
        ApFiles.States h = FusionReplay.run(oneTarget(), FusionConfig.defaults(), true, FusionBench.TrackFile.HISTORY).tracks();
        assertThat(Arrays.stream(h.id()).distinct().count()).isEqualTo(1);
        int c = indexAt(h, confirmAt);
        for (int k = 0; k < confirmAt; k++) {
            int i = indexAt(h, k);
            assertThat(h.vx()[i]).isEqualTo(h.vx()[c]);
            assertThat(h.x()[i]).isCloseTo(h.x()[c] - h.vx()[c] * (confirmAt - k), within(1e-6));
            assertThat(h.y()[i]).isCloseTo(h.y()[c] - h.vy()[c] * (confirmAt - k), within(1e-6));
        }
        // after confirmation the history is what was shown live, scan by scan
        ApFiles.States live = FusionReplay.run(oneTarget(), FusionConfig.defaults(), true, FusionBench.TrackFile.LIVE).tracks();
        for (int k = confirmAt; k < 30; k++) {
            assertThat(h.x()[indexAt(h, k)]).isEqualTo(live.x()[indexAt(live, k)]);
        }
        assertThat(indexAt(live, confirmAt - 1)).isEqualTo(-1);
    }

    private static int indexAt(ApFiles.States s, double t) {
        for (int i = 0; i < s.size(); i++) if (s.t()[i] == t) return i;
        return -1;
    }

    /** A sensor named as surveyed must have reports in the file; the one that has is marked so, and the replay tracks as before. */
    @Test
    void surveyedSensorsAreMarkedAndMustBeInTheFile() {
        assertThatThrownBy(() -> FusionReplay.run(oneTarget(), FusionConfig.defaults(), false, FusionBench.TrackFile.HISTORY, List.of("AU", "US")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'US'").hasMessageContaining("(their sensors: AU)");
        FusionReplay.Outcome surveyed = FusionReplay.run(oneTarget(), FusionConfig.defaults(), true, FusionBench.TrackFile.HISTORY, List.of("AU"));
        FusionReplay.Outcome plain = FusionReplay.run(oneTarget(), FusionConfig.defaults(), true, FusionBench.TrackFile.HISTORY);
        assertThat(surveyed.tracksTotal()).isEqualTo(1);
        // the scans' processor time is measured where the platform can (the benchmark's cpu_seconds), and never exceeds much their elapsed time
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        if (threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()) {
            assertThat(surveyed.cpuNanos()).isPositive().isLessThan(Arrays.stream(surveyed.scanNanos()).sum() + 50_000_000L);
        } else {
            assertThat(surveyed.cpuNanos()).isEqualTo(-1);
        }
        assertThat(surveyed.tracks().x()).isEqualTo(plain.tracks().x());
        // every sensor the engine reports on is the one sensor of the file, surveyed: no bias of its own
        assertThat(surveyed.registration()).allSatisfy(e -> {
            assertThat(e.sensor()).isEqualTo("AU");
            assertThat(e.role()).isEqualTo(SensorRole.SURVEYED);
            assertThat(e.biasX()).isZero();
        });
    }

    /** One target flying east at 250 m/s, reported each second by alternating sensors: US on even seconds, AU on odd ones. */
    static ApFiles.Detections twoSensors() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 40;
        double[] t = new double[n], x = new double[n], y = new double[n], sigma = new double[n];
        String[] sensor = new String[n], truth = new String[n];
        for (int k = 0; k < n; k++) {
            t[k] = k;
            x[k] = 20_000 + 250 * k + rnd.nextGaussian() * 50;
            y[k] = 30_000 + rnd.nextGaussian() * 50;
            sigma[k] = 50;
            sensor[k] = k % 2 == 0 ? "US" : "AU";
            truth[k] = "T0";
        }
        return new ApFiles.Detections(n, t, sensor, x, y, sigma, truth);
    }

    @Test
    void aPartnersObservationsSentAtOnceGiveExactlyTheSingleEnginesPicture() {
        ApFiles.Detections d = twoSensors();
        ApFiles.States single = FusionReplay.run(d, FusionConfig.defaults(), true, FusionBench.TrackFile.LIVE, List.of("US")).tracks();
        ApFiles.States split = FusionReplay.runObservations(d, FusionConfig.defaults(), true, FusionBench.TrackFile.LIVE, List.of("US"), List.of("US"), 0, 0,
                0, 0).tracks();
        assertThat(split.size()).isEqualTo(single.size()).isPositive();
        assertThat(split.x()).containsExactly(single.x());
        assertThat(split.y()).containsExactly(single.y());
    }

    @Test
    void aPartnersReportThatArrivesAfterALaterOneIsCarriedToTheTracksTime() {
        ApFiles.Detections d = twoSensors();
        // US's report of second k arrives at k + 1.5, after AU's of k + 1: the track has moved past it, and takes it carried
        // to its own time (scored as shown, so at US's seconds without that second's report)
        ApFiles.States inTime = FusionReplay.runObservations(d, FusionConfig.defaults(), true, FusionBench.TrackFile.LIVE, List.of("US"), List.of("US"), 0,
                0, 0, 0).tracks();
        ApFiles.States late = FusionReplay.runObservations(d, FusionConfig.defaults(), true, FusionBench.TrackFile.LIVE, List.of("US"), List.of("US"), 0.5,
                1.0, 0, 0).tracks();
        assertThat(Arrays.stream(late.id()).distinct().count()).isEqualTo(1);
        // measured: 42.8 m late, 28.3 m in time; taken against the track as it stood, a late report pulled it back (144.7 m)
        assertThat(rmsError(late)).isLessThan(2 * rmsError(inTime));
    }

    /** The RMS distance (m) of the track from the target from 10 s on. */
    private static double rmsError(ApFiles.States s) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.t()[i] < 10) continue;
            double ex = s.x()[i] - (20_000 + 250 * s.t()[i]), ey = s.y()[i] - 30_000;
            sum += ex * ex + ey * ey;
            n++;
        }
        return Math.sqrt(sum / n);
    }
}
