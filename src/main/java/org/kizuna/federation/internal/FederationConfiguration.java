package org.kizuna.federation.internal;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.console.ConsolePage;
import org.kizuna.federation.PeerAdmitted;
import org.kizuna.federation.PeerRequestAnswered;
import org.kizuna.federation.PeerRequestHandling;
import org.kizuna.federation.PeerRequestReceived;
import org.kizuna.federation.PeerRequestSent;
import org.kizuna.federation.ShareableReceived;
import org.kizuna.federation.TrackExchange;
import org.kizuna.identity.Writes;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.ReleaseGuard;
import org.kizuna.node.Messages;
import org.kizuna.node.NodePki;
import org.kizuna.node.NodeSettings;
import org.kizuna.node.Transactions;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.transaction.PlatformTransactionManager;

/** The federation module's wiring: its store, the peers, the way out and the way in, the links, and its console page. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FederationSettings.class)
class FederationConfiguration {

    @Bean
    JdbcFederation federationStore(JdbcClient jdbc, JdbcTemplate batches) {
        return new JdbcFederation(jdbc, batches);
    }

    @Bean
    PeerAgreements federationAgreements(JdbcClient jdbc) {
        return new PeerAgreements(jdbc);
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
            PlatformTransactionManager transactions, NodeSettings node, Clock clock, FederationSettings settings, ApplicationEventPublisher events) {
        Outbound outbound = new Outbound(store, peers, guard, kernel, tls, Transactions.requiresNew(transactions), node.nation(), clock,
                settings.maxFrameBytes());
        outbound.publishTo(events);
        return outbound;
    }

    @Bean
    Inbound federationInbound(JdbcFederation store, LabelKernel kernel, ApplicationEventPublisher events, PlatformTransactionManager transactions,
            NodeSettings node, Clock clock, List<PeerRequestHandling> handling) {
        return new Inbound(store, kernel, events, Transactions.requiresNew(transactions), node.nation(), clock, handling);
    }

    @Bean
    Links federationLinks(FederationSettings settings, FederationTls tls, PeerBook peers, JdbcFederation store, Inbound inbound, Outbound outbound,
            NodeSettings node, Clock clock, ObjectProvider<TrackExchange.Receiver> trackReceivers) {
        Links links = new Links(settings, tls, peers, store, inbound, node.nation(), clock);
        outbound.onQueued(links::wakeAll);
        outbound.onError(links::report);
        // asked on first arrival: the picture, which offers tracks through the links, is made after them
        links.trackReceivers(() -> trackReceivers.orderedStream().toList());
        return links;
    }

    /** The picture's live tracks to and from the peers, over the links (not through the outbox). */
    @Bean
    TrackExchange federationTracks(Links links, PeerBook peers, PeerAgreements agreements, NodeSettings node, FederationSettings settings) {
        return new LinkedTracks(links, peers, agreements, node.nation(), settings.enabled());
    }

    @Bean
    FederationService federation(JdbcFederation store, PeerBook peers, Links links, Writes writes, Validator validator, FederationTls tls,
            FederationSettings settings, NodeSettings node, Clock clock, Messages messages, PlatformTransactionManager transactions,
            ApplicationEventPublisher events, PeerAgreements agreements) {
        return new FederationService(store, peers, links, writes, validator, tls, settings, node.nation(), clock, messages,
                Transactions.requiresNew(transactions), events, agreements);
    }

    /** Reads the configured peers and opens the links once the node is up; closes them first when it stops. */
    @Bean
    SmartLifecycle federationLifecycle(FederationService federation, Links links, Outbound outbound, ObjectProvider<FailedEventPublications> failed) {
        return new SmartLifecycle() {
            private volatile boolean started;
            private volatile @Nullable Thread retry;

            @Override
            public void start() {
                federation.configure();
                // the changes pending (some left by the last run) are queued for the peers just read
                outbound.start();
                links.start();
                started = true;
                FailedEventPublications publications = failed.getIfAvailable();
                if (publications != null) retry = Thread.ofVirtual().name("federation-retry").start(() -> retry(publications));
            }

            /*
             * An arrival, a request or an answer whose listener failed (the database busy, say) is handed to it
             * again after 30 s, so nothing waits for the next restart; the listeners are idempotent (versions, request ids).
             * Only failed publications: one still being processed (a backlog waiting for the outbox's lock) is not handed
             * again, which would process it twice and, with a large backlog, read and hand again every pending event every
             * 15 s. A publication left incomplete by a node that stopped is handed again at its restart.
             */
            private void retry(FailedEventPublications publications) {
                while (started) {
                    try {
                        Thread.sleep(Duration.ofSeconds(15));
                        publications.resubmit(ResubmissionOptions.defaults().withMinAge(Duration.ofSeconds(30)).withBatchSize(1000)
                                .withFilter(p -> p.getEvent() instanceof ShareableReceived
                                        || p.getEvent() instanceof PeerRequestSent || p.getEvent() instanceof PeerRequestReceived
                                        || p.getEvent() instanceof PeerRequestAnswered || p.getEvent() instanceof PeerAdmitted));
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        LoggerFactory.getLogger(FederationConfiguration.class).warn("federation: handing incomplete changes again failed: {}", e.getMessage());
                    }
                }
            }

            @Override
            public void stop() {
                started = false;
                Thread t = retry;
                if (t != null) t.interrupt();
                outbound.stop(Duration.ofSeconds(5));
                links.stop();
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
