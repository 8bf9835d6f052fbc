package org.kizuna.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.testing.PostgresAvailable;
import org.kizuna.testing.PostgresSchema;
import org.postgresql.ds.PGSimpleDataSource;

/** Two replicas of one node appending at once to one log on the local PostgreSQL (a schema of its own). */
@ExtendWith(PostgresAvailable.class)
class AuditReplicasPostgresTests {

    @TempDir Path dataDir;
    private PostgresSchema schema;
    private PGSimpleDataSource dataSource;

    @BeforeEach
    void schemaOfItsOwn() throws SQLException {
        schema = PostgresSchema.create("kizuna_replicas_").migrated();
        dataSource = schema.dataSource();
    }

    @AfterEach
    void dropIt() throws SQLException {
        schema.close();
    }

    @Test
    @Timeout(180)
    void twoReplicasAppendingAtOnceStoreOneLog() throws Exception {
        List<JdbcAuditLog> replicas = List.of(JdbcAuditLog.open(dataSource, dataDir, AuditReplicas.INTERLEAVING),
                JdbcAuditLog.open(dataSource, dataDir, AuditReplicas.INTERLEAVING));
        List<String> acknowledged;
        try {
            acknowledged = AuditReplicas.appendConcurrently(replicas, 3, 500, 50);
        } finally {
            AuditReplicas.closeAll(replicas);
        }
        assertThat(acknowledged).hasSize(2 * 3 * 500);
        int interleaved = AuditReplicas.assertOneLog(dataSource, dataDir.resolve("keys"), acknowledged, 2 * 3 * 500);
        assertThat(interleaved).as("times the log passes from one replica's batch to the other's").isGreaterThan(10);
    }
}
