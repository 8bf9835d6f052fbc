package org.kizuna.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kizuna.testing.Cli;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./kizuna bench intel} on a small count times reads and searches over the same reports: the search index is built
 * from the reports the harness wrote, and the English and Japanese searches have their percentiles. No timing is
 * asserted (benchmarks are verbs, not timed tests).
 */
class IntelBenchCommandTests {

    @Test
    void aSmallRunTimesReadsAndSearchesOverTheSameReports() {
        Cli.Run r = Cli.run("bench", "intel", "--reports", "800", "--seed", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = JsonMapper.builder().build().readTree(r.out().substring(r.out().indexOf('{')));
        assertThat(j.get("reports").asInt()).isEqualTo(800);
        assertThat(j.get("searchIndexSeconds").asDouble()).isPositive();
        for (String language : new String[]{"en", "ja"}) {
            JsonNode s = j.get("search").get(language);
            assertThat(s.get("p50").asDouble()).as(language).isPositive();
            assertThat(s.get("p50").asDouble()).isLessThanOrEqualTo(s.get("p99").asDouble());
        }
    }
}
