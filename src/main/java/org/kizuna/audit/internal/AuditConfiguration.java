package org.kizuna.audit.internal;

import java.nio.file.Path;

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
@org.springframework.boot.context.properties.EnableConfigurationProperties(JdbcAuditLog.Settings.class)
class AuditConfiguration {

    @Bean(destroyMethod = "close")
    @DependsOnDatabaseInitialization
    JdbcAuditLog auditLog(DataSource dataSource, ObjectProvider<ReadPath> readPath,
                          @Value("${kizuna.data-dir:./data/USA}") String dataDir,
                          JdbcAuditLog.Settings settings) {
        return JdbcAuditLog.open(dataSource, readPath::getObject, Path.of(dataDir), settings);
    }
}
