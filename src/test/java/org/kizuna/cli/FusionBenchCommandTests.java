package org.kizuna.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Cli;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./kizuna bench fusion}: the files are named one way, by {@code --scenario} or by {@code --detections}
 * and {@code --truth}; a surveyed sensor the file does not have is refused; the JSON keeps its fields in
 * their order and ends with the registration estimates.
 */
class FusionBenchCommandTests {

    @Test
    void theFilesAreNamedExactlyOneWay() throws Exception {
        Cli.Run r = Cli.run("bench", "fusion");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("give --scenario ap1|ap2, or both --detections and --truth");
        r = Cli.run("bench", "fusion", "--detections", "bench/ap1/ap1_detections.csv");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("give --scenario ap1|ap2, or both --detections and --truth");
        r = Cli.run("bench", "fusion", "--scenario", "ap1", "--truth", "bench/ap1/ap1_truth.csv");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("give --scenario, or --detections and --truth, not both");
        r = Cli.run("bench", "fusion", "--scenario", "ap9");
        assertThat(r.exit()).isEqualTo(2);
        r = Cli.run("bench", "fusion", "--scenario", "ap1", "--registration", "no/such/registration.csv");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot read no/such/registration.csv");
    }

    /** Also the default, US, when the file has none of its reports; a sensor given replaces the default. */
    @Test
    void aSurveyedSensorTheFileDoesNotHaveIsRefused() throws Exception {
        Cli.Run r = Cli.run("bench", "fusion", "--scenario", "ap1", "--surveyed", "US,NZ", "--warmup", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--surveyed NZ: bench/ap1/ap1_detections.csv has no report of sensor 'NZ'");
        assertThat(r.out()).isEmpty();
        Path dir = Files.createTempDirectory("ap-bench");
        String prefix = dir.resolve("one").toString();
        assertThat(Cli.run("sim", "ap", "--targets", "1", "--out", prefix).exit()).isZero();
        Path au = dir.resolve("au_detections.csv");
        Files.write(au, Files.readAllLines(Path.of(prefix + "_detections.csv")).stream().filter(l -> l.startsWith("t_s") || l.contains(",AU,")).toList());
        r = Cli.run("bench", "fusion", "--detections", au.toString(), "--truth", prefix + "_truth.csv", "--warmup", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--surveyed US: " + au + " has no report of sensor 'US'");
        r = Cli.run("bench", "fusion", "--detections", au.toString(), "--truth", prefix + "_truth.csv", "--warmup", "0", "--surveyed", "AU");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    /** The repository's AP-2 by name (from the repository root, where the tests run): its 28,973 reports, every field in its place. */
    @Test
    void theScenarioShorthandReplaysTheRepositorysApTwo() throws Exception {
        Cli.Run r = Cli.run("bench", "fusion", "--scenario", "ap2", "--warmup", "0", "--surveyed", "US");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JsonMapper.builder().build().readTree(r.out());
        assertThat(j.get("detections").asInt()).isEqualTo(28_973);
        List<String> fields = List.of("\"detections\"", "\"seconds\"", "\"detections_per_s\"", "\"scan_latency_ms\"", "\"tracks_total\"", "\"gospa\"",
                "\"ospa_mean\"", "\"siap\"", "\"registration\"");
        for (int i = 1; i < fields.size(); i++) {
            assertThat(r.out().indexOf(fields.get(i))).as(fields.get(i)).isGreaterThan(r.out().indexOf(fields.get(i - 1)));
        }
        assertThat(j.get("registration").isArray()).isTrue();
        // bench/ap2 has no registration file (AP-2's offsets are unknown to the tracker and not in its files): estimates only
        for (JsonNode e : j.get("registration")) {
            assertThat(e.has("estimated_x")).isTrue();
            assertThat(e.has("true_x")).isFalse();
            assertThat(e.get("role").asString()).isEqualTo(e.get("sensor").asString().equals("US") ? "SURVEYED" : "ESTIMATED");
        }
    }

    @Test
    void aGeneratedScenarioIsScoredWithTheRegistrationBesideIt() throws Exception {
        Path dir = Files.createTempDirectory("ap-bench");
        String prefix = dir.resolve("s").toString();
        assertThat(Cli.run("sim", "ap", "--profile", "ap2", "--targets", "10", "--seed", "3", "--out", prefix).exit()).isZero();
        Cli.Run r = Cli.run("bench", "fusion", "--detections", prefix + "_detections.csv", "--truth", prefix + "_truth.csv", "--warmup", "0",
                "--surveyed", "US");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JsonMapper.builder().build().readTree(r.out());
        assertThat(j.get("siap").get("completeness").asDouble()).isGreaterThan(0.5);
        for (JsonNode e : j.get("registration")) {
            assertThat(e.has("true_x")).isTrue();
            assertThat(e.has("error_m")).isTrue();
        }
        assertThat(Cli.run("bench", "fusion", "--detections", prefix + "_detections.csv", "--truth", prefix + "_truth.csv", "--surveyed", "JP,AU", "--warmup",
                "0").exit()).isZero();
    }
}
