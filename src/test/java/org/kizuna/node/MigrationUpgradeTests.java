package org.kizuna.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Each module numbers its migrations in a range of its own, so a module's new migration (identity's V2,
 * the picture's V42 and V43) sorts below another module's migration a node has already applied (booking's V51).
 * A node of the previous release must still start: the node's settings let Flyway apply them out of order.
 */
class MigrationUpgradeTests {

    static final List<String> ADDED_AFTER_RELEASE = List.of("V2__identity_enabled.sql", "V42__picture_track_history_per_audience.sql",
            "V43__picture_sensor_surveyed.sql");

    @Test
    void aDatabaseOfThePreviousReleaseTakesTheNewModulesMigrations(@TempDir Path previous) throws IOException {
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql")) {
            if (ADDED_AFTER_RELEASE.contains(r.getFilename())) continue;
            try (InputStream in = r.getInputStream()) {
                Files.copy(in, previous.resolve(r.getFilename()));
            }
        }
        String url = "jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        Flyway.configure().dataSource(url, "sa", "").locations("filesystem:" + previous).load().migrate();

        assertThatThrownBy(() -> Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate())
                .as("in order only, the previous release's database refuses the new migrations")
                .hasMessageContaining("not applied");

        boolean outOfOrder = Boolean.parseBoolean(String.valueOf(nodeSetting("spring.flyway.out-of-order")));
        var result = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").outOfOrder(outOfOrder).load().migrate();
        assertThat(result.migrationsExecuted).isEqualTo(ADDED_AFTER_RELEASE.size());
    }

    private static Object nodeSetting(String name) throws IOException {
        for (PropertySource<?> p : new YamlPropertySourceLoader().load("node", new ClassPathResource("application.yaml"))) {
            Object v = p.getProperty(name);
            if (v != null) return v;
        }
        return null;
    }
}
