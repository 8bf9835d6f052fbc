package org.kizuna.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.kizuna.KizunaApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node a verb starts in this JVM ({@code start}, {@code bench abuse}): its settings, passed to Spring
 * as command-line properties so that they override {@code application.yaml}.
 */
final class NodeLaunch {

    private final Map<String, Object> properties = new LinkedHashMap<>();

    NodeLaunch(String nation, Path dataDir, boolean production, boolean simulator, int httpPort, DatabaseOptions.Jdbc database) {
        properties.put("kizuna.nation", nation);
        properties.put("kizuna.data-dir", dataDir.toString());
        properties.put("kizuna.mode", production ? "production" : "demo");
        properties.put("kizuna.simulator.enabled", simulator);
        properties.put("server.port", httpPort);
        properties.putAll(database.springProperties());
    }

    /** Sets {@code key} to {@code value}, or leaves it to the node's defaults when the value is null. */
    NodeLaunch with(String key, @Nullable Object value) {
        if (value != null) properties.put(key, value);
        return this;
    }

    Map<String, Object> properties() {
        return properties;
    }

    /** Starts the node; {@code setUp} adds profiles, listeners and the like first. */
    ConfigurableApplicationContext run(Consumer<SpringApplication> setUp) {
        SpringApplication app = new SpringApplication(KizunaApplication.class);
        setUp.accept(app);
        return app.run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
