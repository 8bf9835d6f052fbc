package org.kizuna.audit.internal;

import javax.sql.DataSource;

import org.kizuna.node.NodeSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the node's audit log to its database and data directory ({@link NodeSettings#dataDir()}). The log is
 * closed (last records written and signed) when the context closes, after the web server has stopped taking
 * requests. Readers reach its entries through {@link NodeAuditLog}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JdbcAuditLog.Settings.class)
class AuditConfiguration {

    @Bean(destroyMethod = "close")
    @DependsOnDatabaseInitialization
    JdbcAuditLog jdbcAuditLog(DataSource dataSource, NodeSettings node, JdbcAuditLog.Settings settings) {
        return JdbcAuditLog.open(dataSource, node.dataDir(), settings);
    }
}
