package org.kizuna.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.KizunaApplication;
import org.kizuna.label.Label;
import org.kizuna.search.Searchable;
import org.kizuna.search.Searchable.Part;
import org.kizuna.search.SearchableChanged;
import org.kizuna.search.SearchableRemoved;
import org.kizuna.testing.Api;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18, point 3: a record changed through one replica of a node is found through another replica of it on the same
 * database within seconds, with each part under its own label (a NOFORN part stays hidden from a JPN reader there too),
 * and a record removed through one is gone from the other.
 */
class SearchAcrossReplicasTests {

    @TempDir Path dir;

    private ConfigurableApplicationContext replica(String database, String name) {
        return new SpringApplication(KizunaApplication.class).run("--spring.datasource.url=" + database, "--kizuna.data-dir=" + dir.resolve(name),
                "--kizuna.audit.keys-dir=" + dir.resolve("keys"), "--kizuna.mode=demo", "--kizuna.database=h2", "--kizuna.search.in-memory=true",
                "--server.port=0", "--kizuna.https-port=-1", "--kizuna.cot.tcp-port=-1", "--kizuna.cot.tls-port=-1",
                "--spring.modulith.events.republish-outstanding-events-on-restart=false");
    }

    private static Api api(ConfigurableApplicationContext replica, String user) {
        return Api.on(Integer.parseInt(replica.getEnvironment().getProperty("local.server.port", "-1"))).as(user, "demo");
    }

    private static long total(ConfigurableApplicationContext replica, String user, String word) {
        Api.Response r = api(replica, user).get("/api/v1/search?q=" + word);
        return r.status() == 200 ? r.json().get("total").asLong() : -1;
    }

    @Test
    void aRecordChangedThroughOneReplicaIsFoundThroughTheOtherUnderItsPartsLabels() {
        String database = "jdbc:h2:mem:search-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        String w = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String secret = "zs" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (ConfigurableApplicationContext first = replica(database, "first"); ConfigurableApplicationContext second = replica(database, "second")) {
            Searchable report = new Searchable("report", "IR-" + w, "/intel/#IR-" + w, Instant.now(),
                    List.of(new Part("portion-1", Label.parse("SECRET//REL TO USA, JPN"), "Exercise " + w + " near Okinawa.", null),
                            new Part("portion-2", Label.parse("SECRET//NOFORN"), "The " + w + " source is " + secret + ".", null)));
            first.getBean(TransactionTemplate.class).executeWithoutResult(tx -> first.publishEvent(new SearchableChanged(report)));
            await("the other replica finds it").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> total(second, "usa.officer", secret) == 1 && total(second, "jpn.officer", w) == 1);
            assertThat(total(second, "jpn.officer", secret)).as("the NOFORN part is nothing to a JPN reader on the other replica").isZero();
            JsonNode hit = api(second, "jpn.officer").get("/api/v1/search?q=" + w).json().at("/hits/0");
            assertThat(hit.toString()).doesNotContain(secret);

            first.getBean(TransactionTemplate.class).executeWithoutResult(tx -> first.publishEvent(new SearchableRemoved("report", "IR-" + w)));
            await("the other replica forgets it").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> total(second, "usa.officer", w) == 0);
        }
    }
}
