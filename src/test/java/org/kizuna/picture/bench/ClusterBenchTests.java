package org.kizuna.picture.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kizuna.picture.sim.ApSim;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cluster benchmark on a small AP scenario (20 targets, its first 30 s five times as fast): every report goes through
 * one node and through a broker, a replica and two fusion workers; the replica shows a track of each target, about as many
 * as the one node shows, and both pictures' figures are there.
 */
class ClusterBenchTests {

    @Test
    void theClusterShowsWhatOneNodeShowsOfASmallScenario() throws Exception {
        Path dir = Files.createTempDirectory("cluster-bench");
        ApSim.Written ap = ApSim.write(20, 3, dir.resolve("ap20").toString());
        String json = ClusterBench.run(new ClusterBench.Settings(ap.detections(), ap.truth(), 2, 12, 5, 30, 2, true, dir));
        JsonNode r = JsonMapper.builder().build().readTree(json);
        assertThat(r.get("bench").asString()).isEqualTo("cluster");
        int fed = r.get("detections").asInt();
        assertThat(fed).isPositive();
        for (String side : new String[]{"single", "cluster"}) {
            JsonNode s = r.get(side);
            assertThat(s.get("reports_fed").asInt()).as(side).isEqualTo(fed);
            assertThat(s.get("refused").asInt()).as(side).isZero();
            assertThat(s.get("reports_per_s").asDouble()).as(side).isPositive();
            assertThat(s.get("unit_report_latency_ms").get("samples").asInt()).as(side).isPositive();
            assertThat(s.get("fused_track_age_ms").get("samples").asInt()).as(side).isPositive();
            assertThat(s.get("track_deliveries_per_s").asDouble()).as(side).isPositive();
            assertThat(s.get("tracks_end").asInt()).as(side + ": a track of each target").isBetween(19, 24);
            assertThat(s.get("gospa").get("mean").asDouble()).as(side).isPositive();
        }
        // one node takes each report once; the workers take each at least once (one near a cell's edge, once per worker of its cells)
        assertThat(r.get("single").get("reports_taken").asInt()).isEqualTo(fed);
        assertThat(r.get("cluster").get("reports_taken").asInt()).isGreaterThanOrEqualTo(fed);
        assertThat(Math.abs(r.get("cluster").get("tracks_end").asInt() - r.get("single").get("tracks_end").asInt())).isLessThanOrEqualTo(3);
        assertThat(r.get("cluster").get("partitions_per_worker")).hasSize(2).allSatisfy(n -> assertThat(n.asInt()).isPositive());
    }
}
