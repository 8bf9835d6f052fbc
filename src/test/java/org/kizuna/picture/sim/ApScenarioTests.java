package org.kizuna.picture.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kizuna.cli.Kizuna;
import org.kizuna.picture.bench.ap.FusionReplay;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The generator is deterministic and keeps AP-1's density; the bench verb's tracker meets the AP-1 quality goals. */
class ApScenarioTests {

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
            assertThat(m.positionAccuracy()).as("seed %d", seed).isLessThanOrEqualTo(40);
        }
    }
}
