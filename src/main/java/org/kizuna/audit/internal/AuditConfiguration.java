package org.kizuna.audit.internal;

import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.kizuna.label.ReadPath;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the node's audit log to its database and data directory. The log is closed (last records
 * written and signed) when the context closes, after the web server has stopped taking requests.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean(destroyMethod = "close")
    @DependsOnDatabaseInitialization
    JdbcAuditLog auditLog(DataSource dataSource, ObjectProvider<ReadPath> readPath,
                          @Value("${kizuna.data-dir:./data/USA}") String dataDir,
                          @Value("${kizuna.audit.batch-size:2048}") int batchSize,
                          @Value("${kizuna.audit.max-delay:100ms}") Duration maxDelay,
                          @Value("${kizuna.audit.tree-head-interval:1s}") Duration treeHeadInterval,
                          @Value("${kizuna.audit.queue-capacity:65536}") int queueCapacity,
                          @Value("${kizuna.audit.refuse-after:5s}") Duration refuseAfter) {
        return JdbcAuditLog.open(dataSource, readPath::getObject, Path.of(dataDir),
                new JdbcAuditLog.Settings(batchSize, maxDelay, treeHeadInterval, queueCapacity, refuseAfter));
    }
}
