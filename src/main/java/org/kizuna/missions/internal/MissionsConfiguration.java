package org.kizuna.missions.internal;

import java.time.Clock;
import java.util.UUID;

import org.kizuna.console.ConsolePage;
import org.kizuna.label.Label;
import org.kizuna.label.Reader;
import org.kizuna.missions.Assignment;
import org.kizuna.node.NodeSettings;
import org.kizuna.registry.Organization;
import org.kizuna.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The missions module's wiring: its reference data (read and checked once at start), its console page, and in demo
 * mode the demo matrix of {@code missions/missions.yaml}, loaded at a node's first start after the registry.
 */
@Configuration
class MissionsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MissionsConfiguration.class);

    @Bean
    MissionsReference missionsReference() {
        return MissionsReference.load();
    }

    @Bean
    ConsolePage missionsPage() {
        return new ConsolePage("/missions/", "Roles and missions", 55);
    }

    @Bean
    @Order(30)
    ApplicationRunner missionsDemoData(JdbcAssignments store, MissionsReference reference, Registry registry, NodeSettings node, Clock clock) {
        return (ApplicationArguments args) -> {
            if (!node.isDemo() || store.count() > 0) return;
            // the node reads its own registry at its highest level: every organization the demo names must exist on the assignment's first day
            Reader all = Reader.highestOf(node.nation());
            for (MissionsReference.DemoAssignment d : reference.assignments()) {
                Organization o = registry.organization(d.organization(), d.validFrom(), all)
                        .orElseThrow(() -> new IllegalStateException(MissionsReference.RESOURCE + ": no organization '" + d.organization()
                                + "' on " + d.validFrom()))
                        .organization();
                store.insert(new Assignment("MA-" + UUID.randomUUID().toString().substring(0, 8), d.area(), d.region(), o.id(), o.nation(), d.role(),
                        d.task(), d.division(), new Organization.Validity(d.validFrom(), d.validTo()),
                        new Organization.Provenance(d.sources(), d.verification(), d.note()), "reference-data", Label.parse(d.label()), null),
                        clock.instant());
            }
            log.info("missions: {} demo assignments loaded from {}", reference.assignments().size(), MissionsReference.RESOURCE);
        };
    }
}
