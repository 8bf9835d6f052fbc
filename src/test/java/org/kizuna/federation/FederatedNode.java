package org.kizuna.federation;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kizuna.KizunaApplication;
import org.kizuna.federation.bench.Peering;
import org.kizuna.node.NodeDatabase;
import org.kizuna.testing.Api;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A whole demo node in this JVM, with its own data directory, embedded H2 file database, keys and ports (plain HTTP,
 * HTTPS and CoT on ports of the system's choosing), federated with the peers given.
 */
public final class FederatedNode implements AutoCloseable {

    final String nation;
    final Path dir;
    final int federationPort;
    private ConfigurableApplicationContext context;

    private FederatedNode(String nation, Path dir, int federationPort, ConfigurableApplicationContext context) {
        this.nation = nation;
        this.dir = dir;
        this.federationPort = federationPort;
        this.context = context;
    }

    static FederatedNode start(Peering.Node self, List<Peering.Peer> peers) {
        return start(self, peers, Map.of());
    }

    /** A test node's configuration: demo mode, its own H2 file database, every port chosen by the system, the peers as configured. */
    public static Map<String, Object> properties(Peering.Node self, List<Peering.Peer> peers) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kizuna.nation", self.nation());
        p.put("kizuna.data-dir", self.dataDir().toString());
        p.put("kizuna.mode", "demo");
        p.put("kizuna.simulator.enabled", false);
        p.put("server.port", 0);
        p.put("kizuna.https-port", 0);
        p.put("kizuna.cot.tcp-port", 0);
        p.put("kizuna.cot.tls-port", 0);
        p.put("spring.datasource.url", NodeDatabase.h2Url(self.dataDir()));
        p.put("spring.datasource.username", NodeDatabase.h2User());
        p.put("kizuna.federation.reconnect", "1s");
        // long enough that a loaded machine (CI on two cores) applying a batch does not pass for a dead link; a cut closes the sockets at once anyway
        p.put("kizuna.federation.idle", "15s");
        p.putAll(Peering.properties(self, peers));
        return p;
    }

    /** As {@link #start(Peering.Node, List)}, with more of the node's configuration. */
    static FederatedNode start(Peering.Node self, List<Peering.Peer> peers, Map<String, Object> more) {
        Map<String, Object> p = properties(self, peers);
        p.putAll(more);
        SpringApplication app = new SpringApplication(KizunaApplication.class);
        ConfigurableApplicationContext ctx = app.run(p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        return new FederatedNode(self.nation(), self.dataDir(), self.federationPort(), ctx);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Publishes an event in a transaction of this node, as a module does with a write (a test standing in for a module). */
    void publishInTransaction(Object event) {
        new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(s -> context.publishEvent(event));
    }

    JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    Api api(String user) {
        return Api.on(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"))).as(user, "demo");
    }

    /** The replicas of intelligence reports this node holds: item id to version. */
    Map<String, Long> replicas() {
        return replicas("report");
    }

    /** The replicas of one kind this node holds (plans, bookings and commitments travel as well): item id to version. */
    Map<String, Long> replicas(String kind) {
        Map<String, Long> m = new LinkedHashMap<>();
        jdbc().sql("select item_id, version from federation_replica where kind = ? order by item_id").param(kind)
                .query((rs, n) -> m.put(rs.getString(1), rs.getLong(2))).list();
        return m;
    }

    /** Whether this node's outboxes are empty: everything it queued for its peers was applied and acknowledged. */
    boolean drained() {
        return jdbc().sql("select count(*) from federation_outbox").query(Long.class).single() == 0;
    }

    /**
     * Waits until the nodes have exchanged what they queued at start (their demo reports, plans and bookings, and what
     * re-planning around a partner's bookings changed): a test that times one item measures a quiet link.
     */
    static void settle(FederatedNode... nodes) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90)).pollInterval(java.time.Duration.ofMillis(250))
                .until(() -> java.util.Arrays.stream(nodes).allMatch(FederatedNode::drained));
    }

    @Override
    public void close() {
        if (context.isActive()) context.close();
    }
}
