package org.kizuna.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.KizunaApplication;
import org.kizuna.testing.Api;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18, point 3: two API replicas of one node on one database take booking requests for one facility at the same
 * time. The planner of each plans on what the other committed (the planner lock): no two bookings of the facility
 * overlap, and every request is booked.
 */
class BookingReplicasTests {

    @TempDir Path dir;

    private ConfigurableApplicationContext replica(String database, String name) {
        return new SpringApplication(KizunaApplication.class).run("--spring.datasource.url=" + database, "--kizuna.data-dir=" + dir.resolve(name),
                "--kizuna.audit.keys-dir=" + dir.resolve("keys"), "--kizuna.mode=demo", "--kizuna.database=h2", "--server.port=0", "--kizuna.https-port=-1",
                "--kizuna.cot.tcp-port=-1", "--kizuna.cot.tls-port=-1", "--spring.modulith.events.republish-outstanding-events-on-restart=false");
    }

    private static String request(int i) {
        // all twelve prefer the same hour of one day at Camp Schwab, and may be anywhere within twelve hours of it
        Instant earliest = Instant.parse("2027-09-01T00:00:00Z");
        return """
                {"unit": "iii-mef", "facilities": ["camp-schwab"], "durationMinutes": 60, "earliestStart": "%s", "latestStart": "%s",
                 "preferredStart": "%s", "priority": %d, "noisy": false, "label": "UNCLASSIFIED"}"""
                .formatted(earliest, earliest.plus(Duration.ofHours(12)), earliest, 1 + i % 5);
    }

    @Test
    void requestsFiledOnTwoReplicasAtOnceAreBookedWithoutOverlap() throws Exception {
        // H2 waits a second for a lock by default; a replica may plan for longer than that
        String database = "jdbc:h2:mem:bookings-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=60000";
        try (ConfigurableApplicationContext first = replica(database, "first"); ConfigurableApplicationContext second = replica(database, "second")) {
            List<Api> apis = List.of(port(first), port(second));
            Set<String> filed = ConcurrentHashMap.newKeySet();
            List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Api api = apis.get(t % 2);
                int from = t * 3;
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                        for (int i = from; i < from + 3; i++) {
                            Api.Response r = api.post("/api/v1/booking/requests", request(i));
                            if (r.status() == 201) filed.add(r.json().get("id").asString());
                            else failures.add(r.status() + " " + r.body());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            go.countDown();
            for (Thread t : threads) t.join(120_000);
            assertThat(failures).isEmpty();
            assertThat(filed).hasSize(12);
            record Booked(String id, String state, Instant start, Instant end) {
            }
            List<Booked> booked = first.getBean(JdbcClient.class)
                    .sql("select id, state, starts_at, ends_at from booking_request where facility_id = 'camp-schwab' and starts_at >= ?")
                    .param(Timestamp.from(Instant.parse("2027-09-01T00:00:00Z")))
                    .query((rs, n) -> new Booked(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant())).list();
            assertThat(booked).extracting(Booked::id).containsExactlyInAnyOrderElementsOf(filed);
            assertThat(booked).extracting(Booked::state).containsOnly("BOOKED");
            for (Booked a : booked) {
                for (Booked b : booked) {
                    if (a != b) assertThat(a.start().isBefore(b.end()) && b.start().isBefore(a.end())).as("%s and %s overlap", a, b).isFalse();
                }
            }
        }
    }

    private static Api port(ConfigurableApplicationContext replica) {
        return Api.on(Integer.parseInt(replica.getEnvironment().getProperty("local.server.port", "-1"))).as("usa.officer", "demo");
    }
}
