package org.kizuna.picture.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.kizuna.node.NodeDirectory;
import org.slf4j.LoggerFactory;

/**
 * One Kafka broker in this JVM, in KRaft mode (its own controller), that listens on loopback only: the picture's bus of a
 * node tried out on one machine ({@code ./kizuna cluster}, {@code ./kizuna bench cluster}). Its data stays in its
 * directory across restarts. It has no TLS and no authentication, so it never listens beyond this machine; a deployment
 * runs brokers of its own with TLS and SASL ({@code kizuna.picture.bus.client.*}).
 */
public final class LocalBroker implements AutoCloseable {

    private static final String CONTROLLER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final int port;

    private LocalBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a broker on {@code 127.0.0.1:port} ({@code 0}: a free port), its controller on a free port beside it, with its
     * log under {@code dir} (made private where it does not exist; formatted the first time).
     *
     * @throws IOException when the directory cannot be made or a port is taken
     */
    public static LocalBroker start(Path dir, int port) throws IOException {
        Path log = NodeDirectory.createPrivate(dir.toAbsolutePath()).resolve("log");
        quiet();
        int brokerPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", CONTROLLER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        p.put("log.dirs", log.toString());
        p.put("metadata.log.dir", log.toString());
        // one broker: every internal topic has one replica; few partitions of the group coordinator's topic start sooner
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // the node makes its topics with the settings they need (Topics); a misspelt name is an error, not a new topic
        p.put("auto.create.topics.enable", "false");
        if (!Files.exists(log.resolve("meta.properties"))) format(log);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw new IOException("the broker did not start on 127.0.0.1:" + brokerPort + ": " + e.getMessage(), e);
        }
        return new LocalBroker(server, brokerPort);
    }

    /** Where the picture's clients reach it ({@code kizuna.picture.bus.bootstrap-servers}). */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Stops the broker and waits until it has. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** Formats a new broker's log directory: a cluster of one, of its own. */
    private static void format(Path log) throws IOException {
        try {
            new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8))
                    .setNodeId(1).setClusterId(Uuid.randomUuid().toString()).setDirectories(List.of(log.toString()))
                    .setMetadataLogDirectory(log.toString()).setControllerListenerName(CONTROLLER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION).run();
        } catch (Exception e) {
            throw new IOException("the broker's log directory " + log + " could not be formatted: " + e.getMessage(), e);
        }
    }

    /** The broker logs warnings only, as a node does (application.yaml), wherever it runs. */
    private static void quiet() {
        for (String name : new String[]{"kafka", "org.apache.kafka", "state.change.logger"}) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger l) l.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
