package org.kizuna.picture.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kizuna.picture.bench.ap.ApFiles;
import org.kizuna.picture.bench.ap.FusionReplay;
import org.kizuna.picture.internal.tracking.SensorRole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The registration part of the fusion benchmark's JSON, and where its true offsets are found. */
class FusionBenchTests {

    @Test
    void estimatesAreScoredAgainstTheTrueOffsetsWhereTheFileGivesThem() throws Exception {
        List<FusionReplay.SensorEstimate> estimates = List.of(
                new FusionReplay.SensorEstimate("US", SensorRole.SURVEYED, 0, 0, 0, 0, 0, Double.NaN),
                new FusionReplay.SensorEstimate("JP", SensorRole.ESTIMATED, 330, -260, 12.5, 13.5, 1800, Double.NaN),
                new FusionReplay.SensorEstimate("AU", SensorRole.ESTIMATED, -290, 190, 8, 9, 9000, 120.5));
        String json = FusionBench.registration(estimates, Map.of("JP", new ApFiles.Offset("JP", 350, -250), "US", new ApFiles.Offset("US", 0, 0)));
        JsonNode j = JsonMapper.builder().build().readTree(json);
        assertThat(j).hasSize(3);
        JsonNode jp = j.get(1);
        assertThat(json).contains("{\"sensor\": \"JP\", \"true_x\": 350.0, \"true_y\": -250.0, \"estimated_x\": 330.0, \"estimated_y\": -260.0, "
                + "\"sigma_x\": 12.5, \"sigma_y\": 13.5, \"error_m\": ");
        assertThat(jp.get("error_m").asDouble()).isCloseTo(Math.hypot(20, 10), within(1e-9));
        assertThat(jp.get("reports_used").asLong()).isEqualTo(1800);
        assertThat(jp.get("jumped_at").isNull()).isTrue();
        assertThat(j.get(0).get("role").asString()).isEqualTo("SURVEYED");
        // AU is not in the file: its estimate alone
        JsonNode au = j.get(2);
        assertThat(au.has("true_x")).isFalse();
        assertThat(au.has("error_m")).isFalse();
        assertThat(au.get("estimated_y").asDouble()).isEqualTo(190);
        assertThat(au.get("jumped_at").asDouble()).isEqualTo(120.5);
    }

    @Test
    void theRegistrationFileBesideTheDetectionsIsFoundWhenThereIsOne() throws Exception {
        Path dir = Files.createTempDirectory("fusion-bench");
        Path detections = dir.resolve("ap_detections.csv");
        assertThat(FusionBench.registrationBeside(detections)).isNull();
        Files.writeString(dir.resolve("ap_registration.csv"), ApFiles.REGISTRATION_HEADER + "\nUS,0,0\n");
        assertThat(FusionBench.registrationBeside(detections)).isEqualTo(dir.resolve("ap_registration.csv"));
        assertThat(FusionBench.registrationBeside(dir.resolve("detections.csv"))).isNull();
        assertThat(FusionBench.registrationBeside(FusionBench.Scenario.AP2.detections())).as("AP-2 ships no offsets").isNull();
        assertThat(FusionBench.Scenario.AP2.truth()).isEqualTo(Path.of("bench/ap2/ap2_truth.csv"));
    }

    @Test
    void twoNodesOnApTwoGiveOneTrackPerTargetAndTheSameFiguresEveryRun() throws Exception {
        FusionBench.Settings settings = new FusionBench.Settings(FusionBench.Scenario.AP2.detections(), FusionBench.Scenario.AP2.truth(), null,
                FusionBench.TrackFile.LIVE, 0, List.of("US"), null);
        String json = FusionBench.split(settings, List.of("US", "AU"), FusionBench.PeerFusion.INDEPENDENT, 60);
        JsonNode j = JsonMapper.builder().build().readTree(json);
        assertThat(j.get("partner_sensors").toString()).isEqualTo("[\"US\",\"AU\"]");
        assertThat(j.get("local_sensors").toString()).isEqualTo("[\"JP\"]");
        // the figures docs/benchmarks.md gives ("The picture across nodes"): within 10% of one engine's, and no duplicates
        assertThat(j.get("gospa_ratio").asDouble()).isCloseTo(1.0572, within(1e-4));
        assertThat(j.get("split").get("siap").get("spuriousness").asDouble()).isLessThanOrEqualTo(0.005);
        assertThat(j.get("split").get("tracks_total").asInt()).isEqualTo(101);
        assertThat(j.get("gospa_ratio_from").asDouble()).isCloseTo(1.0398, within(1e-4));
        assertThatThrownBy(() -> FusionBench.split(settings, List.of("XX"), FusionBench.PeerFusion.CI, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--peer-sensors XX");
    }
}
