package org.kizuna.picture.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.kizuna.console.ConsolePage;
import org.kizuna.federation.PeerObservations;
import org.kizuna.federation.PeerTracks;
import org.kizuna.federation.TrackExchange;
import org.kizuna.identity.UserDirectory;
import org.kizuna.label.LabelKernel;
import org.kizuna.node.NodePki;
import org.kizuna.node.NodeSettings;
import org.kizuna.node.Revocations;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.history.TrackJournal;
import org.kizuna.picture.internal.ingest.CotIdentities;
import org.kizuna.picture.internal.ingest.CotIdentity;
import org.kizuna.picture.internal.ingest.CotServer;
import org.kizuna.picture.internal.ingest.CotSettings;
import org.kizuna.picture.internal.sensors.JdbcSensors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the picture of a node: the sensor registry, the {@link LivePicture} service, the node's CoT PKI and
 * the CoT listeners (ports {@code kizuna.cot.tcp-port} and {@code kizuna.cot.tls-port}), and the map page.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties({CotProperties.class, PictureSettings.class})
class PictureConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PictureConfiguration.class);
    /** The environment property holding the bound CoT TLS port once the listener started. */
    static final String LOCAL_COT_TLS_PORT = "local.cot.tls.port";

    @Bean
    JdbcSensors sensors(JdbcClient jdbc, NodeSettings node) {
        JdbcSensors sensors = new JdbcSensors(jdbc);
        if (node.isDemo()) {
            for (Sensor s : JdbcSensors.demo()) {
                if (sensors.find(s.id()).isEmpty()) sensors.register(s, "demo");
            }
        }
        return sensors;
    }

    /** The picture: self-reported tracks, the per-audience tracking of sensor reports, and its subscribers. */
    @Bean(destroyMethod = "close")
    LivePicture picture(LabelKernel kernel, JdbcSensors sensors, NodeSettings node, Clock clock, PictureSettings settings,
            ObjectProvider<TrackExchange> exchange, ObjectProvider<org.kizuna.picture.internal.cluster.PictureCluster> cluster) {
        LivePicture picture = new LivePicture(kernel, sensors, node.nation(), clock, settings.limits());
        TrackExchange x = exchange.getIfAvailable();
        if (x != null) picture.exchange(x);
        // on Apache Kafka (kizuna.picture.bus.kind=kafka): a replica or a fusion worker, before any client is heard
        var onKafka = cluster.getIfAvailable();
        if (onKafka != null) onKafka.attach(picture);
        return picture;
    }

    /** The peers' tracks and observations into the picture (the picture across nodes, docs/federation.md). */
    @Bean
    TrackExchange.Receiver peerTracksIntoPicture(LivePicture picture) {
        return new TrackExchange.Receiver() {
            @Override
            public void received(PeerTracks batch) {
                picture.peerTracks(batch);
            }

            @Override
            public void received(PeerObservations batch) {
                picture.peerObservations(batch);
            }
        };
    }

    /**
     * Journals every self-reported version once (read back filtered by label) and each audience's own
     * fused view under that audience, so history answers from the reader's own audience's tracks.
     */
    @Bean(destroyMethod = "close")
    TrackJournal trackJournal(LivePicture picture, JdbcTemplate jdbc, LabelKernel kernel, PictureSettings settings) {
        TrackJournal journal = new TrackJournal(jdbc, kernel, settings.historyRetention());
        picture.record(journal);
        return journal;
    }

    /**
     * The CoT listeners. The plain port binds to loopback unless configured otherwise, is off in production
     * mode unless enabled explicitly, and its connections are anonymous unclassified readers unless the
     * operator names a user of the node as their reader. A client certificate must belong to a known,
     * enabled user in production mode; in demo mode the certificate of an unknown user reads unclassified
     * items only (the clearance it carries is never trusted). Revoked certificates are refused, and their
     * live connections cut within a second of the revocation.
     */
    @Bean(destroyMethod = "close")
    CotServer cotServer(LivePicture picture, NodePki pki, Revocations revocations, UserDirectory users, CotProperties cot,
            NodeSettings node, org.springframework.core.env.ConfigurableEnvironment environment) {
        boolean production = node.isProduction();
        String nation = node.nation();
        boolean plainOn = cot.plainEnabled() != null ? cot.plainEnabled() : !production;
        String reader = cot.plainReader() == null || cot.plainReader().isBlank() ? null : cot.plainReader().strip();
        Function<String, Optional<CotIdentities.KnownUser>> known = name -> users.find(name)
                .map(u -> new CotIdentities.KnownUser(u.nation(), u.clearance(), u.accesses(), !users.isDisabled(name),
                        users.defaultLabel(name).orElse(null)));
        Supplier<CotIdentity> plainIdentity = reader == null
                ? () -> CotIdentities.anonymous(nation)
                : () -> CotIdentities.plainReader(reader, known.apply(reader)
                        .orElseThrow(() -> new IllegalStateException("the plain port's reader '" + reader + "' is not a user of this node")));
        // (the reader is looked up per connection: demo users are created after this bean, and users change)
        CotSettings settings = new CotSettings(plainOn ? cot.tcpPort() : -1, cot.tlsPort(), cot.tcpBindAddress(), cot.tlsBindAddress(),
                plainIdentity,
                CotIdentities.fromCertificates(known, production ? CotIdentities.UnknownCertificate.REFUSE : CotIdentities.UnknownCertificate.READ_UNCLASSIFIED,
                        revocations::isRevoked),
                cot.maxEventsPerSecond(), cot.queuedFrames(), cot.maxConnections(), cot.maxConnectionsPerAddress(), cot.idleTimeout(), cot.handshakeTimeout(),
                cot.tlsProtocols(), cot.serverVersion());
        CotServer server = new CotServer(picture, settings, pki);
        try {
            server.start();
        } catch (IOException e) {
            // A node without its CoT ports still serves the console and the REST API; say so loudly.
            log.error("CoT listeners could not start (ports {} / {}): {}", settings.tcpPort(), settings.tlsPort(), e.getMessage());
        }
        if (server.tlsPort() > 0) {
            // where TAK clients are told to connect (the tak module's connection packages)
            environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("kizuna-cot-tls",
                    java.util.Map.of(LOCAL_COT_TLS_PORT, server.tlsPort())));
        }
        if (!plainOn) log.info("CoT plain port off (production mode; kizuna.cot.plain-enabled=true serves it)");
        revocations.watch(Duration.ofMillis(500), r -> server.disconnectCertificates(r::isRevoked, "certificate-revoked"));
        return server;
    }

    /** Notices to a user's CoT connections (mission changes for TAK clients), sent as the caller decided them. */
    @Bean
    org.kizuna.picture.CotNotices cotNotices(CotServer server) {
        return server::notifyUser;
    }

    @Bean(destroyMethod = "close")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "kizuna.simulator.enabled", havingValue = "true")
    org.kizuna.picture.internal.ingest.Simulator simulator(LivePicture picture, JdbcSensors sensors, org.kizuna.label.LabelKernel kernel) {
        // a node feeds the sensors whose reports it may hold: a partner's node of a federated demo leaves out the USA's NOFORN radars
        return new org.kizuna.picture.internal.ingest.Simulator(picture, sensors, 20261123L, 8,
                s -> kernel.mayHold(org.kizuna.label.Label.parse(s.defaultLabel()))).start();
    }

    @Bean
    ConsolePage picturePage() {
        return new ConsolePage("/picture/", "Picture", 20);
    }

}
