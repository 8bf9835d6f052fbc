package org.kizuna.picture.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kizuna.cli.Kizuna;
import org.kizuna.picture.bench.ap.ApFiles;
import org.kizuna.picture.bench.ap.FusionReplay;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generator is deterministic and keeps AP-1's density, and its AP-1 files are those the published
 * figures were made from; its AP-2 profile flies the manoeuvres, biases and clutter AP-2 describes; the
 * bench verb's tracker meets the AP-1 quality goals.
 */
class ApScenarioTests {

    /**
     * AP-1 files, byte for byte, as the generator wrote them before the AP-2 profile was added (SHA-256 of
     * the detections and truth files of three seeded scenarios, computed with that generator): published
     * figures rest on them.
     */
    @Test
    void apOneFilesAreThoseThePublishedFiguresWereMadeFrom() throws Exception {
        Path dir = Files.createTempDirectory("ap1-files");
        Map<String, String[]> expected = Map.of(
                "10 3",
                new String[]{"5dfbd548d4c3cdcc63dfe0bf94b14bf0640a673dd9023ccb76397011004e945e",
                        "3e5178aeb8c65b7e5834aa85e7372beaac12805e8ca387e3b1bc6d0af76a7475"},
                "100 1",
                new String[]{"682a4901fb1a27596fcaf73ff1ec37ef76b14e7997ae91d705febd33d1a88f40",
                        "5a047e8c36a92b5897427d33ceb0de38e71fabc16abd06e14789d2433c665c08"},
                "1 7", new String[]{"803d1af266ba7e19a252c32696e22db3c1ebc9a6355542bf2d8b5aa1fddb91be",
                        "29b125f30ade626bea99ee58a7f048e4c7c1a3bd4e2e6dad8f3cd80aea7336f1"});
        for (Map.Entry<String, String[]> e : expected.entrySet()) {
            String[] nSeed = e.getKey().split(" ");
            ApSim.Written w = ApSim.write(ApSim.Profile.AP1, Integer.parseInt(nSeed[0]), Long.parseLong(nSeed[1]), 0,
                    dir.resolve("n" + nSeed[0] + "s" + nSeed[1]).toString());
            assertThat(sha256(w.detections())).as("detections of %s", e.getKey()).isEqualTo(e.getValue()[0]);
            assertThat(sha256(w.truth())).as("truth of %s", e.getKey()).isEqualTo(e.getValue()[1]);
            assertThat(ApFiles.readRegistration(w.registration())).extracting(o -> o.sensor() + " " + o.x() + " " + o.y())
                    .containsExactly("US 0.0 0.0", "JP 0.0 0.0", "AU 0.0 0.0");
        }
        // the three-argument write is AP-1's
        ApSim.Written w = ApSim.write(10, 3, dir.resolve("again").toString());
        assertThat(sha256(w.detections())).isEqualTo(expected.get("10 3")[0]);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void theApTwoProfileIsDeterministicPerSeed() {
        ApScenario.Scenario a = ApScenario.generate(ApSim.Profile.AP2, 50, 5, 500), b = ApScenario.generate(ApSim.Profile.AP2, 50, 5, 500);
        ApScenario.Scenario c = ApScenario.generate(ApSim.Profile.AP2, 50, 6, 500);
        assertThat(a.detections().x()).isEqualTo(b.detections().x());
        assertThat(a.detections().truthIds()).isEqualTo(b.detections().truthIds());
        assertThat(a.truth().vy()).isEqualTo(b.truth().vy());
        assertThat(a.registration()).isEqualTo(b.registration());
        assertThat(a.truth().x()).isNotEqualTo(c.truth().x());
        assertThat(a.registration()).isNotEqualTo(c.registration());
        assertThat(a.truth().size()).isEqualTo(256 * 50);
        assertThatThrownBy(() -> ApScenario.generate(ApSim.Profile.AP1, 50, 5, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApScenario.generate(ApSim.Profile.AP2, 50, 5, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Between consecutive truth states of a target (0.6-1.4 s apart) the heading turns at most 6 degrees a
     * second and the speed changes at most 8 m/s^2 (a step that spans the end of a leg averages two legs,
     * each within bounds), the speed stays in 80-350 m/s, and every leg kind shows.
     */
    @Test
    void apTwoTargetsManoeuvreWithinTheirLimits() {
        int n = 100;
        ApFiles.States t = ApScenario.generate(ApSim.Profile.AP2, n, 2, 500).truth();
        double side = 200_000;
        int straight = 0, turning = 0, speeding = 0, steps = 0, outside = 0;
        double maxRate = 0, maxAcceleration = 0, minSpeed = Double.MAX_VALUE, maxSpeed = 0;
        for (int i = 0; i < n; i++) {
            assertThat(t.x()[i]).isBetween(0.0, side);
            assertThat(t.y()[i]).isBetween(0.0, side);
            boolean left = false;
            for (int k = i; k < t.size(); k += n) {
                assertThat(t.id()[k]).isEqualTo("T" + i);
                double speed = Math.hypot(t.vx()[k], t.vy()[k]);
                minSpeed = Math.min(minSpeed, speed);
                maxSpeed = Math.max(maxSpeed, speed);
                left |= t.x()[k] < 0 || t.x()[k] > side || t.y()[k] < 0 || t.y()[k] > side;
                if (k + n >= t.size()) break;
                int j = k + n;
                double dt = t.t()[j] - t.t()[k];
                double turn = Math.toDegrees(Math.abs(Math.atan2(t.vx()[k] * t.vy()[j] - t.vy()[k] * t.vx()[j], t.vx()[k] * t.vx()[j] + t.vy()[k] * t.vy()[j])))
                        / dt;
                double acceleration = Math.abs(Math.hypot(t.vx()[j], t.vy()[j]) - speed) / dt;
                maxRate = Math.max(maxRate, turn);
                maxAcceleration = Math.max(maxAcceleration, acceleration);
                if (turn > 0.5) turning++;
                else if (acceleration > 0.5) speeding++;
                else if (turn < 1e-9 && acceleration < 1e-9) straight++;
                steps++;
            }
            if (left) outside++;
        }
        assertThat(maxRate).isLessThanOrEqualTo(6 + 1e-6).isGreaterThan(5.5);
        assertThat(maxAcceleration).isLessThanOrEqualTo(8 + 1e-6).isGreaterThan(7);
        assertThat(minSpeed).isGreaterThanOrEqualTo(80 - 1e-6);
        assertThat(maxSpeed).isLessThanOrEqualTo(350 + 1e-6);
        // legs: 40% straight, 45% turns, 15% speed changes (some of which sit at the edge of the band)
        assertThat((double) straight / steps).isBetween(0.3, 0.6);
        assertThat((double) turning / steps).isBetween(0.35, 0.55);
        assertThat((double) speeding / steps).isBetween(0.05, 0.2);
        // as in AP-2, heading is free: some targets fly out of the square
        assertThat(outside).isBetween(5, 50);
    }

    /**
     * Motion is integrated exactly: a leg flown in one step ends where the same leg flown in ten thousand
     * does, and where a fine numerical integration of its velocity ends; a turn rotates the velocity at its
     * rate without changing the speed; a speed change that reaches the edge of the band holds it.
     */
    @Test
    void legsAreFlownExactly() {
        for (ApScenario.Leg leg : ApScenario.Leg.values()) {
            ApScenario.Target once = target(leg), stepped = target(leg), euler = target(leg);
            once.fly(10);
            for (int k = 0; k < 10_000; k++) stepped.fly(0.001);
            double x = euler.x, y = euler.y;
            for (int k = 0; k < 100_000; k++) {
                // midpoint rule on the exact velocity: second order, far below a centimetre here
                ApScenario.Target mid = target(leg);
                mid.fly(k * 1e-4 + 0.5e-4);
                x += mid.speed * Math.cos(mid.heading) * 1e-4;
                y += mid.speed * Math.sin(mid.heading) * 1e-4;
            }
            assertThat(once.x).as("%s", leg).isCloseTo(stepped.x, within(1e-6));
            assertThat(once.y).as("%s", leg).isCloseTo(stepped.y, within(1e-6));
            assertThat(once.x).as("%s", leg).isCloseTo(x, within(0.01));
            assertThat(once.y).as("%s", leg).isCloseTo(y, within(0.01));
            assertThat(once.speed).isCloseTo(stepped.speed, within(1e-9));
        }
        ApScenario.Target turn = target(ApScenario.Leg.TURN);
        turn.fly(10);
        assertThat(turn.speed).isEqualTo(340);
        assertThat(Math.toDegrees(turn.heading - 0.3)).isCloseTo(50, within(1e-9));
        ApScenario.Target faster = target(ApScenario.Leg.SPEED_CHANGE);
        faster.fly(10);
        // 2 s from 340 to 350 m/s at 5 m/s^2 (690 m), then 8 s at 350 m/s (2,800 m)
        assertThat(faster.speed).isEqualTo(350);
        assertThat(Math.hypot(faster.x - 1000, faster.y - 2000)).isCloseTo(3490, within(1e-6));
    }

    /** A target at (1000, 2000) m, 340 m/s, heading 0.3 rad, on a leg of the kind given: turning 5 degrees a second, or speeding up at 5 m/s^2. */
    private static ApScenario.Target target(ApScenario.Leg leg) {
        ApScenario.Target g = new ApScenario.Target(1000, 2000, 340, 0.3);
        g.leg = leg;
        g.rate = Math.toRadians(5);
        g.acceleration = 5;
        g.legEnd = 1000;
        return g;
    }

    /**
     * The reference sensor's reports are unbiased; every other sensor's reports sit, on average, at its
     * written offset from the truth, an offset within [-B, B] per axis. Clutter averages 30 reports a scan
     * per 100 targets, and within a scan rows are in random order.
     */
    @Test
    void apTwoSensorsCarryTheirWrittenOffsetsAndClutter() {
        for (double biasMax : new double[]{500, 2000}) {
            ApScenario.Scenario s = ApScenario.generate(ApSim.Profile.AP2, 100, 3, biasMax);
            ApFiles.Detections d = s.detections();
            ApFiles.States t = s.truth();
            Map<String, Integer> truthAt = new HashMap<>();
            for (int k = 0; k < t.size(); k++) truthAt.put(Math.round(t.t()[k] * 10) + " " + t.id()[k], k);
            Map<String, double[]> sums = new HashMap<>();
            int clutter = 0;
            boolean clutterBeforeTarget = false;
            for (int k = 0; k < d.size(); k++) {
                if (d.truthIds()[k].isEmpty()) {
                    clutter++;
                    if (k + 1 < d.size() && d.t()[k + 1] == d.t()[k] && !d.truthIds()[k + 1].isEmpty()) clutterBeforeTarget = true;
                    continue;
                }
                int g = truthAt.get(Math.round(d.t()[k] * 10) + " " + d.truthIds()[k]);
                double[] sum = sums.computeIfAbsent(d.sensor()[k], x -> new double[3]);
                sum[0] += d.x()[k] - t.x()[g];
                sum[1] += d.y()[k] - t.y()[g];
                sum[2]++;
            }
            assertThat(s.registration()).extracting(ApFiles.Offset::sensor).containsExactly("US", "JP", "AU");
            for (ApFiles.Offset o : s.registration()) {
                double[] sum = sums.get(o.sensor());
                if (o.sensor().equals("US")) {
                    assertThat(o.x()).isZero();
                    assertThat(o.y()).isZero();
                } else {
                    assertThat(Math.abs(o.x())).isLessThanOrEqualTo(biasMax);
                    assertThat(Math.abs(o.y())).isLessThanOrEqualTo(biasMax);
                    assertThat(Math.hypot(o.x(), o.y())).as("%s is biased", o.sensor()).isGreaterThan(biasMax / 20);
                }
                // the standard error of the mean is 3 m at most (JP: 150 m over some 2,500 reports)
                assertThat(sum[0] / sum[2]).as("%s east", o.sensor()).isCloseTo(o.x(), within(10.0));
                assertThat(sum[1] / sum[2]).as("%s north", o.sensor()).isCloseTo(o.y(), within(10.0));
            }
            assertThat(clutter / 256.0).isBetween(29.0, 31.0);
            assertThat(clutterBeforeTarget).isTrue();
        }
        ApScenario.Scenario big = ApScenario.generate(ApSim.Profile.AP2, 300, 3, 500);
        long clutter = java.util.Arrays.stream(big.detections().truthIds()).filter(String::isEmpty).count();
        assertThat(clutter / 256.0).isBetween(88.0, 92.0);
        ApScenario.Scenario unbiased = ApScenario.generate(ApSim.Profile.AP2, 10, 3, 0);
        assertThat(unbiased.registration()).allSatisfy(o -> assertThat(List.of(o.x(), o.y())).containsOnly(0.0));
    }

    @Test
    void theSameSeedGivesTheSameScenarioAndDensityStaysConstant() {
        ApScenario.Scenario a = ApScenario.generate(100, 5), b = ApScenario.generate(100, 5), c = ApScenario.generate(100, 6);
        assertThat(a.detections().x()).isEqualTo(b.detections().x());
        assertThat(a.truth().y()).isEqualTo(b.truth().y());
        assertThat(a.detections().x()).isNotEqualTo(c.detections().x());
        assertThat(a.truth().size()).isEqualTo(256 * 100);
        ApScenario.Scenario big = ApScenario.generate(400, 5);
        double ratio = (double) big.detections().size() / a.detections().size();
        assertThat(ratio).isBetween(3.8, 4.2);
        double maxX = 0;
        for (int i = 0; i < big.detections().size(); i++) if (big.detections().truthIds()[i].isEmpty()) maxX = Math.max(maxX, big.detections().x()[i]);
        assertThat(maxX).isBetween(390_000.0, 400_000.0); // side 200 km x sqrt(4)
    }

    static String run(String... args) {
        CommandLine cli = Kizuna.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        assertThat(cli.execute(args)).as(out.toString()).isZero();
        return out.toString();
    }

    @Test
    void onApOneTheTrackerMeetsTheQualityGoals() throws Exception {
        Path dir = Files.createTempDirectory("ap1");
        Path det = Path.of(ApScenarioTests.class.getResource("/ap1/ap1_detections.csv").toURI());
        Path truth = Path.of(ApScenarioTests.class.getResource("/ap1/ap1_truth.csv").toURI());
        String out = run("bench", "fusion", "--detections", det.toString(), "--truth", truth.toString(), "--warmup", "0",
                "--tracks-out", dir.resolve("tracks.csv").toString());
        JsonNode j = JsonMapper.builder().build().readTree(out);
        assertThat(j.get("detections").asInt()).isEqualTo(26537);
        assertThat(j.get("gospa").get("mean").asDouble()).isLessThanOrEqualTo(610);
        assertThat(j.get("siap").get("completeness").asDouble()).isGreaterThanOrEqualTo(0.999);
        assertThat(j.get("siap").get("spuriousness").asDouble()).isLessThanOrEqualTo(0.005);
        assertThat(j.get("siap").get("ambiguity").asDouble()).isLessThanOrEqualTo(1.005);
        assertThat(j.get("siap").get("position_accuracy").asDouble()).isLessThanOrEqualTo(40);
        // the written track file gives the same figures through bench metrics
        JsonNode again = JsonMapper.builder().build().readTree(run("bench", "metrics", "--tracks", dir.resolve("tracks.csv").toString(),
                "--truth", truth.toString()));
        assertThat(again.get("gospa").get("mean").asDouble()).isCloseTo(j.get("gospa").get("mean").asDouble(), org.assertj.core.api.Assertions.within(1e-6));
    }

    /**
     * Other seeds, same quality: one track per target and none besides. Before confirmed tracks took
     * their reports first, seeds 2 and 7 each grew a second track (a duplicate, or clutter that fed on a
     * neighbour's reports).
     */
    @Test
    void onOtherSeedsEveryTargetGetsOneTrackAndNothingElse() {
        for (long seed : new long[]{2, 7}) {
            ApScenario.Scenario s = ApScenario.generate(100, seed);
            FusionReplay.Outcome o = FusionReplay.run(s.detections(), org.kizuna.picture.internal.tracking.FusionConfig.defaults(), true);
            org.kizuna.picture.bench.metrics.PictureMetrics.Result m = org.kizuna.picture.bench.metrics.PictureMetrics.evaluate(s.truth(), o.tracks());
            assertThat(o.tracksTotal()).as("seed %d", seed).isEqualTo(100);
            // since the motion models (issue 12), seed 2 has one track state in 25,600 that the association
            // leaves without a truth (3.9e-5); a doubled or clutter track would cost hundreds of them
            assertThat(m.spuriousness()).as("seed %d", seed).isLessThan(1e-4);
            assertThat(m.ambiguity()).as("seed %d", seed).isEqualTo(1.0);
            assertThat(m.completeness()).as("seed %d", seed).isGreaterThanOrEqualTo(0.999);
            // seed 2 gives 40.1 m since issue 12: the JP and AU reports count for little in the first seconds,
            // while their registration is still unknown (docs/benchmarks.md, "After issue 12: manoeuvres and registration")
            assertThat(m.positionAccuracy()).as("seed %d", seed).isLessThanOrEqualTo(40.5);
        }
    }
}
