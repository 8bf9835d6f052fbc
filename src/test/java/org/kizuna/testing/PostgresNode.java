package org.kizuna.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole node on the PostgreSQL at 127.0.0.1:5432 (database {@code test}), in a schema of its own
 * that is created for the test run. Skipped with a message where no PostgreSQL answers, except under
 * CI ({@code CI=true}), where that fails the run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresNode.Initializer.class)
public @interface PostgresNode {

    final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String schema = "kizuna_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (var c = DriverManager.getConnection(PostgresAvailable.URL, PostgresAvailable.USER, "")) {
                c.createStatement().execute("create schema " + schema);
                Path dir = Files.createTempDirectory("kizuna-pg-node");
                TestPropertyValues.of(
                        "spring.datasource.url=" + PostgresAvailable.URL + "?currentSchema=" + schema,
                        "spring.datasource.username=" + PostgresAvailable.USER,
                        "spring.datasource.password=",
                        "spring.flyway.schemas=" + schema,
                        "kizuna.data-dir=" + dir,
                        "kizuna.mode=demo",
                        "kizuna.database=postgresql").applyTo(context);
                context.addApplicationListener((org.springframework.context.event.ContextClosedEvent closed) -> TempDirs.delete(dir));
            } catch (SQLException | java.io.IOException e) {
                throw new IllegalStateException("cannot prepare a PostgreSQL schema for the test node: " + e.getMessage(), e);
            }
        }
    }
}
