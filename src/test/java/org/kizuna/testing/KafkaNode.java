package org.kizuna.testing;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.kizuna.KizunaApplication;
import org.kizuna.picture.cluster.LocalBroker;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole node whose picture runs on Apache Kafka (docs/scaling.md), as {@link H2Node} is one on the embedded bus: the
 * test's context is a replica, beside it a fusion worker of the same node (an application context of its own, started
 * first) on the same H2 database, the node's audit key shared, both on a real KRaft broker ({@link LocalBroker}). Test
 * classes of a contract that also run {@code @H2Node} run the same tests through the Kafka deployment.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = KafkaNode.Initializer.class)
public @interface KafkaNode {

    final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            try {
                Path dir = Files.createTempDirectory("kizuna-kafka-node");
                LocalBroker broker = LocalBroker.start(dir.resolve("broker"), 0);
                String name = "kizuna-" + UUID.randomUUID();
                String database = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
                String[] shared = {"spring.datasource.url=" + database, "kizuna.mode=demo", "kizuna.database=h2",
                        "kizuna.audit.keys-dir=" + dir.resolve("keys"),
                        "kizuna.picture.bus.kind=kafka", "kizuna.picture.bus.bootstrap-servers=" + broker.bootstrapServers(),
                        "kizuna.picture.bus.topics=" + name.substring(0, 15), "kizuna.picture.bus.partitions=4",
                        "spring.modulith.events.republish-outstanding-events-on-restart=false"};
                // the worker first: it makes the schema and the node's key; then the replica, the test's context
                String[] worker = {"--kizuna.data-dir=" + dir.resolve("worker"), "--kizuna.picture.bus.role=worker", "--server.port=0",
                        "--kizuna.https-port=-1",
                        "--kizuna.cot.tcp-port=-1", "--kizuna.cot.tls-port=-1"};
                String[] args = new String[shared.length + worker.length];
                for (int i = 0; i < shared.length; i++) args[i] = "--" + shared[i];
                System.arraycopy(worker, 0, args, shared.length, worker.length);
                ConfigurableApplicationContext fusion = new SpringApplication(KizunaApplication.class).run(args);
                TestPropertyValues.of(shared).and("kizuna.data-dir=" + dir.resolve("replica"), "kizuna.picture.bus.role=replica").applyTo(context);
                context.addApplicationListener((ContextClosedEvent closed) -> {
                    fusion.close();
                    broker.close();
                    TempDirs.delete(dir);
                });
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the broker of a test node on Kafka: " + e.getMessage(), e);
            }
        }
    }
}
