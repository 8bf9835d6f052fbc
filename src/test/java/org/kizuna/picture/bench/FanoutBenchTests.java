package org.kizuna.picture.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fan-out harness on a small run with ATAK's detail elements over mutual TLS: every client is served, and the
 * details the feeders sent arrive with the events (not a timed test; the figures are the verb's).
 */
class FanoutBenchTests {

    @Test
    void aSmallRunRelaysTheDetailsToEveryClient() throws Exception {
        String out = new FanoutBench(new FanoutBench.Settings(60, 1, 6, 2, 2, true, true, 1, 2, true)).run();
        JsonNode j = JsonMapper.builder().build().readTree(out);
        assertThat(j.get("details").asBoolean()).isTrue();
        assertThat(j.get("cotDeliveriesPerSecond").asDouble()).isPositive();
        assertThat(j.get("cotDeliveriesWithDetails").asLong()).isPositive();
        // every CoT delivery of the measured window carried the details (the count also holds the warm-up's)
        assertThat(j.get("cotDeliveriesWithDetails").asLong())
                .isGreaterThanOrEqualTo((long) (j.get("cotDeliveriesPerSecond").asDouble() * j.get("seconds").asDouble() * 0.99));
        assertThat(j.get("rejectedEvents").asLong()).isZero();
    }
}
