package org.kizuna;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The build writes configuration metadata for the node's settings (Boot's configuration processor runs on the main
 * sources): every {@code kizuna.*} property of the modules' settings records is listed with its default and a
 * description taken from the record's javadoc, so an IDE completes and explains them.
 */
class ConfigurationMetadataTests {

    @Test
    void everyKizunaSettingIsDescribedWithItsDefault() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json on the class path").isNotNull();
            metadata = JsonMapper.builder().build().readTree(in);
        }
        Map<String, JsonNode> properties = new HashMap<>();
        metadata.get("properties").forEach(p -> properties.put(p.get("name").asString(), p));
        Map<String, String> defaults = Map.ofEntries(
                Map.entry("kizuna.nation", "USA"), Map.entry("kizuna.mode", "demo"), Map.entry("kizuna.data-dir", "./data/USA"),
                Map.entry("kizuna.https-port", "8443"), Map.entry("kizuna.max-request-body", "1MB"), Map.entry("kizuna.max-json-nesting", "64"),
                Map.entry("kizuna.booking.horizon-days", "365"), Map.entry("kizuna.booking.past-days", "1"),
                Map.entry("kizuna.booking.max-facilities", "10"), Map.entry("kizuna.booking.max-plan-cells", "10000000"),
                Map.entry("kizuna.booking.planning-millis", "800"),
                Map.entry("kizuna.login.max-user-failures", "5"), Map.entry("kizuna.login.max-address-failures", "20"),
                Map.entry("kizuna.login.failure-window", "5m"), Map.entry("kizuna.login.lockout", "15m"), Map.entry("kizuna.login.tracked", "10000"),
                Map.entry("kizuna.writes.sensor-clearance", "SECRET"),
                Map.entry("kizuna.audit.batch-size", "2048"), Map.entry("kizuna.audit.max-delay", "100ms"),
                Map.entry("kizuna.audit.tree-head-interval", "1s"), Map.entry("kizuna.audit.queue-capacity", "65536"),
                Map.entry("kizuna.audit.refuse-after", "5s"));
        defaults.forEach((name, value) -> {
            assertThat(properties).as(name).containsKey(name);
            assertThat(properties.get(name).path("defaultValue").asString()).as(name + " default").isEqualTo(value);
        });
        for (String name : new String[]{"kizuna.https-address", "kizuna.plain-http", "kizuna.label.accredited-level"}) {
            assertThat(properties).as(name).containsKey(name);
        }
        properties.forEach((name, p) -> {
            if (!name.startsWith("kizuna.") || name.startsWith("kizuna.picture.") || name.startsWith("kizuna.cot.")) return;
            assertThat(p.path("description").asString()).as(name + " description").isNotBlank();
        });
    }
}
