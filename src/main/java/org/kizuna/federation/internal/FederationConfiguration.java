package org.kizuna.federation.internal;

import jakarta.validation.Validator;
import java.time.Clock;

import org.kizuna.console.ConsolePage;
import org.kizuna.identity.Writes;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.ReleaseGuard;
import org.kizuna.node.NodePki;
import org.kizuna.node.NodeSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The federation module's wiring: its store, the peers, the way out and the way in, the links, and its console page. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FederationSettings.class)
class FederationConfiguration {

    @Bean
    JdbcFederation federationStore(JdbcClient jdbc) {
        return new JdbcFederation(jdbc);
    }

    @Bean
    PeerBook federationPeers(JdbcFederation store) {
        return new PeerBook(store);
    }

    @Bean
    FederationTls federationTls(NodePki pki, NodeSettings node) {
        return new FederationTls(pki, node.dataDir());
    }

    @Bean
    Outbound federationOutbound(JdbcFederation store, PeerBook peers, ReleaseGuard guard, LabelKernel kernel, FederationTls tls,
            PlatformTransactionManager transactions, NodeSettings node, Clock clock) {
        TransactionTemplate requiresNew = new TransactionTemplate(transactions);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new Outbound(store, peers, guard, kernel, tls, requiresNew, node.nation(), clock);
    }

    @Bean
    Inbound federationInbound(JdbcFederation store, LabelKernel kernel, ApplicationEventPublisher events, PlatformTransactionManager transactions,
            NodeSettings node, Clock clock) {
        TransactionTemplate requiresNew = new TransactionTemplate(transactions);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new Inbound(store, kernel, events, requiresNew, node.nation(), clock);
    }

    @Bean
    Links federationLinks(FederationSettings settings, FederationTls tls, PeerBook peers, JdbcFederation store, Inbound inbound, Outbound outbound,
            NodeSettings node, Clock clock) {
        Links links = new Links(settings, tls, peers, store, inbound, node.nation(), clock);
        outbound.onQueued(links::wakeAll);
        return links;
    }

    @Bean
    FederationService federation(JdbcFederation store, PeerBook peers, Links links, Writes writes, Validator validator, FederationTls tls,
            FederationSettings settings, NodeSettings node, Clock clock) {
        return new FederationService(store, peers, links, writes, validator, tls, settings, node.nation(), clock);
    }

    /** Reads the configured peers and opens the links once the node is up; closes them first when it stops. */
    @Bean
    SmartLifecycle federationLifecycle(FederationService federation, Links links) {
        return new SmartLifecycle() {
            private volatile boolean started;

            @Override
            public void start() {
                federation.configure();
                links.start();
                started = true;
            }

            @Override
            public void stop() {
                links.stop();
                started = false;
            }

            @Override
            public boolean isRunning() {
                return started;
            }

            @Override
            public int getPhase() {
                // after the web server has started, and stopped before it
                return Integer.MAX_VALUE - 100;
            }
        };
    }

    @Bean
    ConsolePage federationPage() {
        return new ConsolePage("/federation/", "Federation", 80);
    }
}
