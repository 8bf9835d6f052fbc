package org.kizuna.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.testing.PostgresAvailable;
import org.kizuna.testing.PostgresSchema;
import org.postgresql.ds.PGSimpleDataSource;

/** The same log on the local PostgreSQL (a schema of its own): proofs, and {@code audit verify --db-url} intact and tampered. */
@ExtendWith(PostgresAvailable.class)
class AuditPostgresTests {

    @TempDir Path dataDir;
    private PostgresSchema schema;
    private String url;
    private PGSimpleDataSource dataSource;

    @BeforeEach
    void schemaOfItsOwn() throws SQLException {
        schema = PostgresSchema.create("kizuna_audit_").migrated();
        url = schema.url();
        dataSource = schema.dataSource();
    }

    @AfterEach
    void dropIt() throws SQLException {
        schema.close();
    }

    @Test
    void theLogOnPostgresProvesItsEntriesAndVerifiesUntilTamperedWith() throws SQLException {
        List<byte[]> leaves = new ArrayList<>();
        JdbcAuditLog log = JdbcAuditLog.open(dataSource, dataDir, new JdbcAuditLog.Settings(128, Duration.ofMillis(20), Duration.ofMillis(200), 1024));
        try {
            for (int n = 0; n < 600; n++) {
                log.append(AuditNodeFixture.record(n));
                if (n % 150 == 149) {
                    log.flush();
                }
            }
            log.flush();
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                AuditTables.scan(c, 0, (i, r, leaf, label) -> leaves.add(leaf));
            }
            var head = log.latestTreeHead().orElseThrow();
            assertThat(head.size()).isEqualTo(600);
            assertThat(head.rootHash()).isEqualTo(Merkle.root(leaves));
            for (long index : new long[]{0, 255, 256, 599}) {
                assertThat(Merkle.verifyInclusion(leaves.get((int) index), index, 600, log.inclusionProof(index, 600), head.rootHash())).isTrue();
            }
        } finally {
            log.close();
        }
        String[] pg = {"--data", dataDir.toString(), "--db-url", url, "--db-user", PostgresAvailable.USER};
        var intact = AuditNodeFixture.verify(pg);
        assertThat(intact.exitCode()).as(intact.err()).isZero();
        assertThat(intact.out()).startsWith("ok: 600 entries");
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeUpdate("delete from audit_entry where idx = 300");
        }
        var tampered = AuditNodeFixture.verify(pg);
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.out()).isEqualTo("tampered: entry 300: missing (the next entry in the log is 301)");
    }
}
