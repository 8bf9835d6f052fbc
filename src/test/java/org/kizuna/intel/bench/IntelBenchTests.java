package org.kizuna.intel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The intel read harness on a small database: its JSON has every figure, and the figures are consistent (not a timed test). */
class IntelBenchTests {

    @Test
    void theHarnessReportsPercentilesForEveryReaderAndCountsOnlyWhatEachMayRead(@TempDir Path dir) throws Exception {
        IntelBench.Report report = new IntelBench(new IntelBench.Settings(2000, 7, 40, 40, null)).run(dir);
        JsonNode json = JsonMapper.builder().build().readTree(report.json());
        assertThat(json.get("benchmark").asString()).isEqualTo("intel");
        assertThat(json.get("reports").asInt()).isEqualTo(2000);
        assertThat(json.get("labelSets").asInt()).isGreaterThan(10);
        JsonNode readers = json.get("readers");
        assertThat(readers.propertyNames()).containsExactly("USA/SECRET", "JPN/SECRET", "USA/CONFIDENTIAL");
        long usa = readers.get("USA/SECRET").get("readable").asLong(), jpn = readers.get("JPN/SECRET").get("readable").asLong(),
                clerk = readers.get("USA/CONFIDENTIAL").get("readable").asLong();
        // titles are of the six lowest marks: USA SECRET reads every report; JPN (no NOFORN, no GBR-only) fewer
        assertThat(usa).isBetween(1L, 2000L);
        assertThat(usa).isGreaterThan(jpn);
        assertThat(jpn).isBetween(1L, 2000L);
        assertThat(clerk).isBetween(1L, 2000L);
        for (String r : new String[]{"USA/SECRET", "JPN/SECRET", "USA/CONFIDENTIAL"}) {
            for (String kind : new String[]{"page", "single"}) {
                JsonNode p = readers.get(r).get(kind);
                assertThat(p.get("p50").asDouble()).as(r + " " + kind).isPositive();
                assertThat(p.get("p50").asDouble()).isLessThanOrEqualTo(p.get("p95").asDouble());
                assertThat(p.get("p95").asDouble()).isLessThanOrEqualTo(p.get("p99").asDouble());
                assertThat(p.get("p99").asDouble()).isLessThanOrEqualTo(p.get("max").asDouble());
            }
            assertThat(readers.get(r).get("singleFound").asInt()).isBetween(1, 40);
        }
        assertThat(json.get("pageP99MaxMillis").asDouble()).isCloseTo(report.pageP99Millis(), org.assertj.core.data.Offset.offset(0.01)).isPositive();
        assertThat(json.get("readQueries").asLong()).isEqualTo(200 * 2 + 3 * (40 + 40));
        assertThat(json.get("search").asString()).startsWith("not timed");
    }
}
