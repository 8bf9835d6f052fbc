package org.kizuna.picture.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The idle-clients harness on a small run: twenty mutual-TLS clients in a process of their own, pinging every second,
 * all connected and every ping answered (not a timed test; the CPU figures are the verb's).
 */
class IdleClientsBenchTests {

    @Test
    void twentyIdleTlsClientsHaveEveryPingAnswered() throws Exception {
        String out = new IdleClientsBench(new IdleClientsBench.Settings(20, 1, true, 1, 3)).run();
        JsonNode j = JsonMapper.builder().build().readTree(out);
        assertThat(j.get("connected").asInt()).isEqualTo(20);
        assertThat(j.get("openConnections").asInt()).isEqualTo(20);
        JsonNode clients = j.get("clients");
        assertThat(clients.get("failedConnections").asInt()).isZero();
        assertThat(clients.get("openAtEnd").asInt()).isEqualTo(20);
        // at least one ping per client per second of the measured window, and every one answered
        assertThat(clients.get("pingsSent").asLong()).isGreaterThanOrEqualTo(20L * 3);
        assertThat(clients.get("pongsReceived").asLong()).isEqualTo(clients.get("pingsSent").asLong());
        assertThat(clients.get("unanswered").asLong()).isZero();
        assertThat(j.get("nodeCpuCores").asDouble()).isGreaterThan(0);
    }
}
