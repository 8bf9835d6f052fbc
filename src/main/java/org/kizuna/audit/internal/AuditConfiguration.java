package org.kizuna.audit.internal;

import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the node's audit log to its database and data directory. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean(destroyMethod = "close")
    @DependsOnDatabaseInitialization
    JdbcAuditLog auditLog(DataSource dataSource,
                          @Value("${kizuna.data-dir}") String dataDir,
                          @Value("${kizuna.audit.batch-size:2048}") int batchSize,
                          @Value("${kizuna.audit.max-delay:100ms}") Duration maxDelay,
                          @Value("${kizuna.audit.tree-head-interval:1s}") Duration treeHeadInterval,
                          @Value("${kizuna.audit.queue-capacity:65536}") int queueCapacity) {
        return JdbcAuditLog.open(dataSource, Path.of(dataDir),
                new JdbcAuditLog.Settings(batchSize, maxDelay, treeHeadInterval, queueCapacity));
    }
}
