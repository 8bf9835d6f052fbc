package org.kizuna.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Cli;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./kizuna bench search} on a small count: the JSON has every figure, the build indexed every record, every
 * query was timed for the three readers, the readers' totals are ordered by what they may read, and each search was
 * one audited query. No timing is asserted (benchmarks are verbs, not timed tests).
 */
class SearchBenchTests {

    @Test
    void aSmallRunReportsSaneFigures() {
        Cli.Run r = Cli.run("bench", "search", "--records", "1500", "--runs", "3", "--warmup", "1", "--seed", "4");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JsonMapper.builder().build().readTree(r.out());
        assertThat(j.get("records").asInt()).isEqualTo(1500);
        assertThat(j.get("parts").asInt()).isBetween(1500 * 4, 1500 * 9);
        assertThat(j.get("labels").asInt()).isBetween(5, 10);
        assertThat(j.get("build_seconds").asDouble()).isPositive();
        assertThat(j.get("index_mb_on_disk").asDouble()).isPositive();
        assertThat(j.get("heap_mb_after_gc").asDouble()).isPositive();
        assertThat(j.at("/overall/searches").asInt()).isEqualTo(10 * 3 * 3);
        assertThat(j.at("/overall/p99_ms").asDouble()).isGreaterThanOrEqualTo(j.at("/overall/p50_ms").asDouble()).isPositive();
        assertThat(j.get("audited_queries").asInt()).isEqualTo(10 * 3 * (3 + 1));
        assertThat(j.has("goal_met")).isTrue();
        Set<String> readers = new HashSet<>();
        long usaSecret = -1, usaConfidential = -1;
        for (JsonNode q : j.get("queries")) {
            readers.add(q.get("reader").asString());
            assertThat(q.get("p95_ms").asDouble()).isGreaterThanOrEqualTo(q.get("p50_ms").asDouble());
            if (q.get("q").asString().equals("exercise")) {
                if (q.get("reader").asString().equals("USA/SECRET")) usaSecret = q.get("total").asLong();
                if (q.get("reader").asString().equals("USA/CONFIDENTIAL")) usaConfidential = q.get("total").asLong();
            }
        }
        assertThat(readers).containsExactlyInAnyOrder("USA/SECRET", "JPN/SECRET", "USA/CONFIDENTIAL");
        assertThat(usaSecret).isPositive().isGreaterThan(usaConfidential);
        assertThat(j.get("queries").toString()).contains("\"訓練\"").contains("\"統合作戦司令部\"");
    }

    @Test
    void badOptionsAreRefused() {
        assertThat(Cli.run("bench", "search", "--records", "0").exit()).isEqualTo(2);
        assertThat(Cli.run("bench", "search", "--threads", "99").exit()).isEqualTo(2);
    }
}
