package org.kizuna.audit.internal;

import java.nio.file.Path;
import java.sql.SQLException;
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
        AuditReplicas.assertTwoReplicasStoreOneLog(dataSource, dataDir, 500);
    }
}
