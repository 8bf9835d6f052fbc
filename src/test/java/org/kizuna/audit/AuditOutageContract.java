package org.kizuna.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node whose audit log cannot write refuses labelled reads with a clear 503 problem instead of hanging,
 * and serves them again, with every record it accepted, once the database takes writes again. The
 * database refuses the log's writes here because its table is renamed away, on H2 and on PostgreSQL.
 * (The deadlines only stop a broken run; nothing here measures time.)
 */
abstract class AuditOutageContract {

    @LocalServerPort int port;

    @Autowired AuditLog log;

    @Autowired JdbcClient jdbc;

    Api.Response read() {
        return Api.on(port).as("jpn.officer", "demo").get("/api/v1/registry/facilities?asOf=2025-06-01");
    }

    @Test
    void labelledReadsAreRefusedWhileTheAuditLogCannotWriteAndServedAgainAfter() {
        log.flush();
        long before = log.latestTreeHead().orElseThrow().size();
        AtomicLong served = new AtomicLong(); // reads accepted while the writer retries, written once the database recovers
        jdbc.sql("alter table audit_entry rename to audit_entry_offline").update();
        Api.Response refused;
        try {
            refused = await("a labelled read refused while the audit log cannot write").atMost(Duration.ofSeconds(90))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        Api.Response r = read();
                        if (r.status() == 200) served.incrementAndGet();
                        return r;
                    }, r -> r.status() != 200);
        } finally {
            jdbc.sql("alter table audit_entry_offline rename to audit_entry").update();
        }
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("the audit log cannot record reads right now; labelled reads are refused until it can");
        assertThat(refused.body()).doesNotContainIgnoringCase("sql").doesNotContain("Exception").doesNotContain("audit_entry");
        await("labelled reads served again once the database takes writes").atMost(Duration.ofSeconds(90))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(this::read, r -> r.status() == 200);
        log.flush();
        long size = log.latestTreeHead().orElseThrow().size();
        assertThat(size).as("every read accepted during the outage and the one after it").isGreaterThanOrEqualTo(before + served.get() + 1);
        assertThat(jdbc.sql("select count(*) from audit_entry").query(Long.class).single()).isEqualTo(size);
        assertThat(jdbc.sql("select max(idx) from audit_entry").query(Long.class).single()).isEqualTo(size - 1);
    }
}
