package org.kizuna.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole node on the embedded H2 database (PostgreSQL mode), in demo mode, on a random port (plain
 * HTTP on loopback; HTTPS on another random port, {@code local.https.port}). Test classes with this
 * annotation share one application context; its data directory is deleted when the context closes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = H2Node.Initializer.class)
public @interface H2Node {

    final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try {
                Path dir = Files.createTempDirectory("kizuna-h2-node");
                String name = "kizuna-" + UUID.randomUUID();
                TestPropertyValues.of(
                        "spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "kizuna.data-dir=" + dir,
                        "kizuna.mode=demo",
                        "kizuna.database=h2").applyTo(context);
                // the test framework closes cached contexts when the test JVM ends: the directory goes with it
                context.addApplicationListener((org.springframework.context.event.ContextClosedEvent closed) -> TempDirs.delete(dir));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
