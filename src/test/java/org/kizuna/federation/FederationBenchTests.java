package org.kizuna.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kizuna.KizunaApplication;
import org.kizuna.federation.bench.FederationBench;
import org.kizuna.node.NodeDatabase;
import org.kizuna.testing.TempDirs;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The federation benchmark's harness on a small count (not timed): its figures are there, and nothing is lost, duplicated or leaked. */
class FederationBenchTests {

    @Test
    void theHarnessReportsItsFiguresAndEveryItemArrivesOnceWithoutItsNofornPart() throws Exception {
        Path root = Files.createTempDirectory("kizuna-federation-bench");
        try {
            FederationBench.Launcher launcher = (nation, dir, properties, listeners) -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("kizuna.nation", nation);
                p.put("kizuna.data-dir", dir.toString());
                p.put("kizuna.mode", "demo");
                p.put("kizuna.simulator.enabled", false);
                p.put("server.port", 0);
                p.put("kizuna.https-port", 0);
                p.put("kizuna.cot.tcp-port", 0);
                p.put("kizuna.cot.tls-port", 0);
                p.put("spring.datasource.url", NodeDatabase.h2Url(dir));
                p.put("spring.datasource.username", NodeDatabase.h2User());
                p.put("kizuna.federation.reconnect", "1s");
                p.putAll(properties);
                SpringApplication app = new SpringApplication(KizunaApplication.class);
                app.addListeners(listeners.toArray(ApplicationListener[]::new));
                return app.run(p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
            };
            FederationBench.Result r = new FederationBench(new FederationBench.Settings(300, 200, 2), launcher).run(root);
            JsonNode json = JsonMapper.builder().build().readTree(r.json());
            assertThat(json.path("expected").asInt()).isEqualTo(500);
            assertThat(json.path("received").asInt()).isEqualTo(500);
            assertThat(json.path("lost").asInt()).isZero();
            assertThat(json.path("duplicated").asInt()).isZero();
            assertThat(json.path("leaked").asLong()).isZero();
            assertThat(json.path("outbox_left").asLong()).isZero();
            assertThat(json.path("owner_items_per_s").asDouble()).isPositive();
            assertThat(json.path("guard_items_per_s").asDouble()).isPositive();
            assertThat(json.path("jpn_start_s").asDouble()).isPositive().isLessThanOrEqualTo(json.path("backlog_drain_s").asDouble());
            assertThat(json.path("link_items_per_s").asDouble()).isPositive();
            assertThat(json.path("backlog_drain_s").asDouble()).isPositive();
            assertThat(json.path("latency_ms").path("p99").asDouble()).isGreaterThanOrEqualTo(json.path("latency_ms").path("p50").asDouble()).isPositive();
        } finally {
            TempDirs.delete(root);
        }
    }
}
