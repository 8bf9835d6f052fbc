package org.kizuna.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.testing.Cli.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Cli.Run;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./kizuna bench abuse} for a few seconds against a node in this JVM, with every kind of abuse at
 * a small rate: the report has every section, the legitimate clients' positions arrive over TLS CoT and
 * the SSE stream in both phases, malformed CoT is counted as rejected by the node, no guessed login
 * succeeds, and the node stays healthy. No timing is asserted (benchmarks are verbs, not timed tests).
 */
class AbuseBenchTests {

    @Test
    void aShortRunReportsEverySectionWithLegitimateDeliveriesRejectsCountedAndHealthUp() {
        Run r = run("bench", "abuse", "--seconds", "8", "--quiet-seconds", "4", "--warmup-seconds", "2", "--sample-seconds", "2",
                "--legit-senders", "2", "--idle-cot", "40", "--half-open-tls", "10", "--idle-http", "10", "--flood-rate", "200",
                "--malformed-rate", "100", "--far-time-rate", "10", "--churn-rate", "10", "--body-rate", "2", "--body-mb", "2", "--login-rate", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(r.out());
        for (String section : List.of("node", "seconds", "load", "abuseFrom", "heap", "openConnections", "rejected", "legitimate", "health", "goal")) {
            assertThat(report.has(section)).as("section " + section + " in " + r.out()).isTrue();
        }

        // heap after GC sampled in both phases
        assertThat(report.at("/heap/quietLastMb").asDouble()).isPositive();
        assertThat(report.at("/heap/abuseLastMb").asDouble()).isPositive();
        List<String> phases = new ArrayList<>();
        report.at("/heap/samples").forEach(s -> phases.add(s.get("phase").asString()));
        assertThat(phases).contains("quiet", "abuse");
        assertThat(report.at("/openConnections/maxAbuse/cot:tcp").asInt()).as("idle plain CoT sockets under abuse").isPositive();

        // the legitimate clients' positions arrive at both receivers, before and during the abuse
        for (String phase : List.of("quiet", "abuse")) {
            assertThat(report.at("/legitimate/" + phase + "/sent").asLong()).as(phase).isPositive();
            assertThat(report.at("/legitimate/" + phase + "/cot/delivered").asLong()).as(phase + " TLS CoT receiver").isPositive();
            assertThat(report.at("/legitimate/" + phase + "/browser/delivered").asLong()).as(phase + " SSE browser").isPositive();
        }

        // malformed CoT was sent in both encodings and the node counted rejects during the abuse (none needed before)
        Map<String, Object> saw = JsonMapper.builder().build().convertValue(report.at("/rejected/harnessSaw"), Map.class);
        assertThat((Number) saw.get("cot.malformed-xml.sent")).isNotNull();
        assertThat((Number) saw.get("cot.malformed-tak.sent")).isNotNull();
        // far-time events and label churn also come over mutual TLS from a client with a valid certificate
        assertThat((Number) saw.get("cot.far-time-tak-tls.sent")).isNotNull();
        assertThat((Number) saw.get("cot.label-churn-xml-tls.sent")).isNotNull();
        long nodeRejected = 0;
        for (var e : report.at("/rejected/nodeAbuse").properties()) {
            if (e.getKey().startsWith("cot:") || e.getKey().startsWith("picture:")) nodeRejected += e.getValue().asLong();
        }
        assertThat(nodeRejected).as("rejects the node counted under abuse").isPositive();

        // HTTP abuse and login guessing were answered (whatever the answer), and no guess signed in
        assertThat(saw.keySet()).anyMatch(k -> k.startsWith("http.nested-json-array."));
        assertThat(saw.keySet()).anyMatch(k -> k.startsWith("login.form-"));
        assertThat(saw.keySet()).anyMatch(k -> k.startsWith("login.basic-"));
        assertThat(saw.keySet()).noneMatch(k -> k.startsWith("login.") && (k.endsWith(".SIGNED-IN") || k.endsWith(".200")));
        assertThat(saw.keySet()).noneMatch(k -> k.startsWith("harness."));

        // healthy throughout
        for (String phase : List.of("quiet", "abuse")) {
            assertThat(report.at("/health/" + phase + "/checks").asLong()).isPositive();
            assertThat(report.at("/health/" + phase + "/up").asLong()).isEqualTo(report.at("/health/" + phase + "/checks").asLong());
        }
        assertThat(report.at("/goal/healthyThroughout").asBoolean()).isTrue();
        assertThat(r.err()).contains("heap after GC");
    }

    @Test
    void minutesAndSecondsTogetherAreRefusedBeforeAnythingStarts() {
        Run r = run("bench", "abuse", "--minutes", "1", "--seconds", "30");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--minutes or --seconds");
        assertThat(r.err()).doesNotContain("starting a node");
    }
}
