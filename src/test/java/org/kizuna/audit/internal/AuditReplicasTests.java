package org.kizuna.audit.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.node.NodeDatabase;

/**
 * Two replicas of one node (two {@link JdbcAuditLog}s, as two JVMs would run them) on one H2 database: whichever appends,
 * the stored log is one append-only Merkle log under consistent signed tree heads.
 */
class AuditReplicasTests {

    @TempDir Path dataDir;

    @Test
    void replicasWithDataDirectoriesOfTheirOwnSignWithTheKeyInTheSharedKeysDirectory(@TempDir Path second, @TempDir Path keys) throws Exception {
        String url = NodeDatabase.h2Url(dataDir);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        JdbcConnectionPool database = JdbcConnectionPool.create(url, "sa", "");
        try {
            JdbcAuditLog.Settings shared = AuditReplicas.INTERLEAVING.withKeysDir(keys);
            List<JdbcAuditLog> replicas = List.of(JdbcAuditLog.open(database, dataDir, shared), JdbcAuditLog.open(database, second, shared));
            List<String> acknowledged;
            try {
                acknowledged = AuditReplicas.appendConcurrently(replicas, 2, 200, 40);
            } finally {
                AuditReplicas.closeAll(replicas);
            }
            AuditReplicas.assertOneLog(database, keys, acknowledged, 800);
            // a replica that would sign with a key of its own is refused before it writes anything
            assertThatThrownBy(() -> JdbcAuditLog.open(database, second, AuditReplicas.INTERLEAVING)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("kizuna.audit.keys-dir");
        } finally {
            database.dispose();
        }
    }

    @Test
    @Timeout(180)
    void twoReplicasAppendingAtOnceStoreOneLog() throws Exception {
        String url = NodeDatabase.h2Url(dataDir);
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        JdbcConnectionPool database = JdbcConnectionPool.create(url, "sa", "");
        try {
            AuditReplicas.assertTwoReplicasStoreOneLog(database, dataDir, 700);
        } finally {
            database.dispose();
        }
    }
}
