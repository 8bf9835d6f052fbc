package org.kizuna.intel.internal;

import jakarta.validation.Validator;
import java.time.Clock;

import org.kizuna.console.ConsolePage;
import org.kizuna.identity.Writes;

import org.kizuna.label.ReadPath;
import org.kizuna.label.ReleaseGuard;
import org.kizuna.node.NodeSettings;
import org.kizuna.registry.Registry;
import org.kizuna.search.SearchSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The intel module's wiring: its store, read side and service, its console page, and its records for the search. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntelSettings.class)
class IntelConfiguration {

    @Bean
    JdbcReports intelReports(JdbcClient jdbc) {
        return new JdbcReports(jdbc);
    }

    @Bean
    ReportReads intelReads(JdbcReports store, ReadPath readPath, Clock clock) {
        return new ReportReads(store, readPath, clock);
    }

    @Bean
    IntelService intel(JdbcReports store, ReportReads reads, ReleaseGuard guard, Writes writes, Registry registry, ApplicationEventPublisher events,
            TransactionTemplate tx, IntelSettings settings, NodeSettings node, Validator validator, Clock clock) {
        return new IntelService(store, reads, guard, writes, registry, events, tx, settings, node, validator, clock,
                BindingKeys.loadOrCreate(node.dataDir()));
    }

    @Bean
    ConsolePage intelPage() {
        return new ConsolePage("/intel/", "Intelligence", 40);
    }

    /** Every report, as the search builds its index from. */
    @Bean
    SearchSource intelSearchSource(JdbcReports store) {
        return SearchSource.of("report", () -> store.all().map(e -> IntelService.searchable(e.getKey(), e.getValue())));
    }

}
