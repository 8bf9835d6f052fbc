package org.kizuna.picture.bench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.picture.bench.ap.ApFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * On Stone Soup's own AP-1 tracks the metrics give Stone Soup's figures to 1e-6 relative; on its JPDA tracks
 * of AP-2 all but one, the rate of track number change, which differs by one track number change for a
 * reason given with that case.
 */
class PictureMetricsTests {

    static Path resource(String name) throws Exception {
        return resource("ap1", name);
    }

    static Path resource(String benchmark, String name) throws Exception {
        return Path.of(PictureMetricsTests.class.getResource("/" + benchmark + "/" + name).toURI());
    }

    static void close(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.max(1e-12, Math.abs(expected) * 1e-6)));
    }

    @Test
    void stoneSoupTracksGiveStoneSoupFigures() throws Exception {
        PictureMetrics.Result r = PictureMetrics.evaluate(ApFiles.readStates(resource("ap1_truth.csv")),
                ApFiles.readStates(resource("stonesoup_tracks.csv")));
        JsonNode ref = JsonMapper.builder().build().readTree(resource("stonesoup_metrics.json").toFile());
        closeToStoneSoup(r, ref);
        close(r.rateOfTrackNumberChange(), ref.get("siap").get("rate_of_track_number_change").asDouble());
    }

    /** Every figure of Stone Soup's metrics file but the rate of track number change, to 1e-6 relative. */
    private static void closeToStoneSoup(PictureMetrics.Result r, JsonNode ref) {
        JsonNode g = ref.get("gospa");
        JsonNode s = ref.get("siap");
        close(r.gospaMean(), g.get("mean").asDouble());
        close(r.gospaLocalisation(), g.get("localisation").asDouble());
        close(r.gospaMissed(), g.get("missed").asDouble());
        close(r.gospaFalse(), g.get("false").asDouble());
        close(r.ospaMean(), ref.get("ospa_mean").asDouble());
        close(r.completeness(), s.get("completeness").asDouble());
        close(r.ambiguity(), s.get("ambiguity").asDouble());
        close(r.spuriousness(), s.get("spuriousness").asDouble());
        close(r.positionAccuracy(), s.get("position_accuracy").asDouble());
        close(r.velocityAccuracy(), s.get("velocity_accuracy").asDouble());
        close(r.longestTrackSegment(), s.get("longest_track_segment").asDouble());
    }

    /**
     * The second case: Stone Soup's JPDA tracks of AP-2 (1,358 tracks on 100 manoeuvring targets, many of
     * them lost and taken up again). GOSPA and its parts, OSPA, completeness, ambiguity, spuriousness,
     * position and velocity accuracy and the longest track segment are Stone Soup's to 1e-6 relative.
     *
     * <p>The rate of track number change is not, and cannot be made to be: R = sum over truths of (NU - 1) /
     * sum of TT. The time tracked TT agrees (29,195.7 s in all). NU, the fewest tracks needed to hold a truth,
     * Stone Soup finds greedily in {@code SIAPMetrics.min_num_tracks_needed_to_track}
     * ({@code stonesoup/metricgenerator/tracktotruthmetrics.py}): it sorts the truth's associations by the
     * end of their last stretch, latest first, and at each time takes the first in that order that holds the
     * truth then, jumping past the end of the stretch it holds it in. Associations that end at the same time
     * (on AP-2, at the end of the run) stay in the order of the association set, a Python set of objects
     * hashed by identity: arbitrary, and not the same from run to run. When one of them is a merged
     * association whose stretch at that time ends early (its track lost the truth and took it up again) and
     * another holds the truth to the end, the choice moves NU by one. Four AP-2 truths have such ties (T5,
     * T7, T27, T85); over all orders of the tied associations the sum of NU - 1 ranges from 849 to 853.
     * Stone Soup's run drew 850; Kizuna, which keeps ties in the order of the track file, gives 851: one
     * change more over the same time, 0.029148 against 0.029114, equal to three significant figures.
     *
     * <p>AP-2's README gives Kizuna's figures as 0.366 (longest segment) and 0.0298 (rate): those are from
     * before the metrics merged the associations of one track and one truth into one as Stone Soup does,
     * when each stretch counted on its own.
     */
    @Test
    void stoneSoupJpdaTracksOfApTwoGiveStoneSoupFigures() throws Exception {
        PictureMetrics.Result r = PictureMetrics.evaluate(ApFiles.readStates(resource("ap2", "ap2_truth.csv")),
                ApFiles.readStates(resource("ap2", "stonesoup_jpda_tracks.csv")));
        JsonNode ref = JsonMapper.builder().build().readTree(resource("ap2", "stonesoup_jpda_metrics.json").toFile());
        closeToStoneSoup(r, ref);
        double rate = ref.get("siap").get("rate_of_track_number_change").asDouble();
        assertThat(rate).isCloseTo(0.0291, within(0.00005));
        assertThat(r.rateOfTrackNumberChange()).isCloseTo(0.0291, within(0.00005));
        // the same time tracked, 851 changes against Stone Soup's 850
        close(rate * 29_195.7, 850);
        close(r.rateOfTrackNumberChange() * 29_195.7, 851);
    }

    /** States from parallel lists of ids, positions and times, all moving at (100, 0) m/s. */
    private static ApFiles.States states(String[] ids, double[][] xy, double[] times) {
        int n = ids.length;
        ApFiles.States s = new ApFiles.States(n, new double[n], new String[n], new double[n], new double[n], new double[n], new double[n]);
        for (int i = 0; i < n; i++) {
            s.t()[i] = times[i];
            s.id()[i] = ids[i];
            s.x()[i] = xy[i][0];
            s.y()[i] = xy[i][1];
            s.vx()[i] = 100;
        }
        return s;
    }

    /**
     * A track that loses its truth and takes it up again. Stone Soup's association set merges the two
     * associations of one track and one truth into one over a compound time range, whose duration is the
     * sum of its parts; AP-1 never exercises this (its two such tracks are each beaten by a longer track
     * on the same truth).
     *
     * <p>Truth T1 at (100 t, 0) for t = 0..10 s. Track K1 10 m from it at t = 0..3 and 6..10, but 5 km off at
     * t = 4, 5. Track K2 20 m from it at t = 0..5. Stone Soup's TrackToTruth (1000 m, 3 to confirm, 2 misses
     * to end), by hand:
     * <ul>
     * <li>K1: T1 nearest at 0, 1, 2: confirmed at 2, starting at 0; extended at 3; no truth within 1000 m at 4
     * and 5: ended after two misses as [0, 3]. T1 again at 6, 7, 8: confirmed at 8, starting at 6; extended to
     * 10 where the track ends: [6, 10]. K2: confirmed at 2 from 0, extended to 5: [0, 5].</li>
     * <li>The association set merges K1-T1 into [0, 3] + [6, 10] (7 s); K2-T1 is [0, 5] (5 s).</li>
     * <li>LS = longest association on T1 / T1's lifetime = max(7, 5) / 10 = 0.7 (one interval at a time
     * would give max(3, 4, 5) / 10 = 0.5).</li>
     * <li>NU (min_num_tracks_needed_to_track): associations sorted by their last end, K1 (10) before K2 (5).
     * At 0 K1 holds T1 (0 starts K1's [0, 3]): one track, jump past 3; at 4 only K2: two, jump past 5; at 6 K1
     * again: three, jump past 10. NU = 3 (interval by interval, K2's [0, 5] would win at 0 and NU = 2).</li>
     * <li>TT (total_time_tracked): the union [0, 5] + [6, 10] covers 9 of T1's 10 one-second steps, so
     * R = (NU - 1) / TT = 2 / 9.</li>
     * <li>Unchanged by the merge: J = 11 truth-times, all associated (C = 1); NA = 2 x 4 + 1 x 2 + 1 x 5 = 15
     * (A = 15 / 11); N = 2 x 6 + 5 = 17 track-times (S = 2 / 17); PA = (9 x 10 + 6 x 20) / 15 = 14 m.</li>
     * </ul>
     */
    @Test
    void aTrackThatTakesUpItsTruthAgainCountsBothStretchesAsOneSegment() {
        List<String> truthIds = new ArrayList<>(), trackIds = new ArrayList<>();
        List<double[]> truthXy = new ArrayList<>(), trackXy = new ArrayList<>();
        List<Double> truthT = new ArrayList<>(), trackT = new ArrayList<>();
        for (int t = 0; t <= 10; t++) {
            truthIds.add("T1");
            truthXy.add(new double[]{100.0 * t, 0});
            truthT.add((double) t);
            trackIds.add("K1");
            trackXy.add(t == 4 || t == 5 ? new double[]{100.0 * t, 5000} : new double[]{100.0 * t + 10, 0});
            trackT.add((double) t);
            if (t <= 5) {
                trackIds.add("K2");
                trackXy.add(new double[]{100.0 * t - 20, 0});
                trackT.add((double) t);
            }
        }
        PictureMetrics.Result r = PictureMetrics.evaluate(
                states(truthIds.toArray(String[]::new), truthXy.toArray(double[][]::new), truthT.stream().mapToDouble(Double::doubleValue).toArray()),
                states(trackIds.toArray(String[]::new), trackXy.toArray(double[][]::new), trackT.stream().mapToDouble(Double::doubleValue).toArray()));
        close(r.longestTrackSegment(), 0.7);
        close(r.rateOfTrackNumberChange(), 2.0 / 9);
        close(r.completeness(), 1.0);
        close(r.ambiguity(), 15.0 / 11);
        close(r.spuriousness(), 2.0 / 17);
        close(r.positionAccuracy(), 14.0);
    }

    @Test
    void theTruthAgainstItselfIsPerfect() throws Exception {
        ApFiles.States truth = ApFiles.readStates(resource("ap1_truth.csv"));
        PictureMetrics.Result r = PictureMetrics.evaluate(truth, truth);
        assertThat(r.gospaMean()).isZero();
        assertThat(r.ospaMean()).isZero();
        assertThat(r.spuriousness()).isZero();
        assertThat(r.ambiguity()).isEqualTo(1.0);
        assertThat(r.positionAccuracy()).isZero();
        // an association confirmed at the third match starts at the first, so every truth is tracked all its life
        assertThat(r.completeness()).isEqualTo(1.0);
        assertThat(r.rateOfTrackNumberChange()).isZero();
        assertThat(r.longestTrackSegment()).isEqualTo(1.0);
    }
}
