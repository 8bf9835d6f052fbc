package org.kizuna.node.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.KizunaApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 18, point 3: replicas of one node share one database, and with it the event publication registry. An event one
 * replica's listener is still handling is not handed again when another replica restarts (its effect happens once); one
 * whose listener failed is handed again by one replica, and its effect then happens once.
 */
class EventsAcrossReplicasTests {

    /** What a test event asks its listener to do. */
    record Probe(String id, boolean failFirst) {
    }

    /** The listener under test: it records its effect in the shared database, once per handling. */
    @Component
    static class ProbeEffects {
        static final CountDownLatch HOLD = new CountDownLatch(1);
        static final CountDownLatch HOLDING = new CountDownLatch(1);
        static final AtomicInteger FAILURES = new AtomicInteger();
        static volatile boolean holdFirst = true;

        private final JdbcClient jdbc;

        ProbeEffects(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @ApplicationModuleListener
        void on(Probe probe) throws InterruptedException {
            if (probe.failFirst() && FAILURES.getAndIncrement() == 0) throw new IllegalStateException("the first handling fails");
            if (!probe.failFirst() && holdFirst) {
                holdFirst = false;
                HOLDING.countDown();
                assertThat(HOLD.await(60, TimeUnit.SECONDS)).isTrue();
            }
            jdbc.sql("insert into probe_effect (id) values (?)").param(probe.id()).update();
        }
    }

    @TempDir Path dir;

    private ConfigurableApplicationContext replica(String database, String name) {
        SpringApplication app = new SpringApplication(KizunaApplication.class, ProbeEffects.class);
        return app.run("--spring.datasource.url=" + database, "--kizuna.data-dir=" + dir.resolve(name), "--kizuna.audit.keys-dir=" + dir.resolve("keys"),
                "--kizuna.mode=demo", "--kizuna.database=h2", "--server.port=0", "--kizuna.https-port=-1", "--kizuna.cot.tcp-port=-1",
                "--kizuna.cot.tls-port=-1",
                // replicas on one database, as ./kizuna cluster runs them: no republication when one starts
                "--spring.modulith.events.republish-outstanding-events-on-restart=false",
                // failed publications are handed again within a second here; one is taken for lost (stale) only after the
                // node's 2 minutes, longer than the first replica's handling is held
                "--kizuna.events.check-interval=1s");
    }

    private static void publish(ConfigurableApplicationContext replica, Probe probe) {
        replica.getBean(TransactionTemplate.class).executeWithoutResult(tx -> replica.publishEvent(probe));
    }

    private static long effects(ConfigurableApplicationContext replica, String id) {
        return replica.getBean(JdbcClient.class).sql("select count(*) from probe_effect where id = ?").param(id).query(Long.class).single();
    }

    @Test
    void anEventIsHandledOnceAcrossReplicasThoughOneRestartsWhileAnotherHandlesItAndAFailedOneOnceMore() throws Exception {
        String database = "jdbc:h2:mem:replicas-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (ConfigurableApplicationContext first = replica(database, "first")) {
            first.getBean(JdbcClient.class).sql("create table probe_effect (id varchar(64) not null)").update();
            ConfigurableApplicationContext second = replica(database, "second");
            try {
                // a long handling on the first replica, while the second restarts
                publish(first, new Probe("slow", false));
                assertThat(ProbeEffects.HOLDING.await(30, TimeUnit.SECONDS)).as("the first replica handles the event").isTrue();
                second.close();
                second = replica(database, "second-again");
                ProbeEffects.HOLD.countDown();
                await().atMost(Duration.ofSeconds(20)).until(() -> effects(first, "slow") == 1);

                // a handling that fails: handed again, by one replica, within seconds
                publish(first, new Probe("failing", true));
                await().atMost(Duration.ofSeconds(60)).until(() -> effects(first, "failing") == 1);
                ConfigurableApplicationContext other = second;
                await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10))
                        .until(() -> effects(first, "slow") == 1 && effects(other, "failing") == 1);
                assertThat(ProbeEffects.FAILURES).as("one failed handling, one that succeeded").hasValue(2);
            } finally {
                second.close();
            }
        }
    }
}
