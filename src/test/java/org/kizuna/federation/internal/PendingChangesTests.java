package org.kizuna.federation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kizuna.KizunaApplication;
import org.kizuna.federation.Shareable;
import org.kizuna.federation.ShareableChanged;
import org.kizuna.federation.bench.Peering;
import org.kizuna.testing.TempDirs;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Federation's table of pending changes ({@code federation_pending}): a change is written in the owner's transaction
 * and rolled back with it; the worker takes at most a group of changes per transaction; changes pending when a node
 * stops are queued at its restart and reach the peer each exactly once.
 */
class PendingChangesTests {

    private static final String KIND = "pending-test";
    private static final int COUNT = 2500;

    @Test
    void aChangeIsPendingWithItsOwnersTransactionAndReachesThePeerOnceAcrossARestart() throws Exception {
        Path root = Files.createTempDirectory("kizuna-federation-pending");
        Peering.Node u = new Peering.Node("USA", root.resolve("usa"), Peering.freePort());
        Peering.Node j = new Peering.Node("JPN", root.resolve("jpn"), Peering.freePort());
        ConfigurableApplicationContext usa = start(u, j);
        ConfigurableApplicationContext restarted = null, jpn = null;
        try {
            JdbcClient db = usa.getBean(JdbcClient.class);
            TransactionTemplate tx = new TransactionTemplate(usa.getBean(PlatformTransactionManager.class));
            Outbound outbound = usa.getBean(Outbound.class);
            // the demo's own changes at start are queued first
            await().atMost(Duration.ofSeconds(60)).until(() -> db.sql("select count(*) from federation_pending").query(Long.class).single() == 0);

            // rolled back with the owner's transaction: written in it, gone with it, never queued
            tx.executeWithoutResult(s -> {
                usa.publishEvent(new ShareableChanged(item(-1)));
                assertThat(pendingOfKind(db)).as("written in the owner's transaction").isEqualTo(1);
                s.setRollbackOnly();
            });
            assertThat(pendingOfKind(db)).as("rolled back with it").isZero();

            // a backlog while the way out is held: the worker takes at most a group per transaction
            outbound.hold(true);
            for (int from = 0; from < COUNT; from += 500) {
                int first = from;
                tx.executeWithoutResult(s -> {
                    for (int i = first; i < first + 500; i++) usa.publishEvent(new ShareableChanged(item(i)));
                });
            }
            assertThat(pendingOfKind(db)).isEqualTo(COUNT);
            // the link's health tells an administrator how many changes wait for the guard, and no one else
            long allPending = db.sql("select count(*) from federation_pending").query(Long.class).single();
            org.kizuna.federation.Federation federation = usa.getBean(org.kizuna.federation.Federation.class);
            assertThat(federation.peer("JPN", user(org.kizuna.identity.Role.ADMINISTRATOR)).orElseThrow().pending()).isEqualTo(allPending);
            assertThat(federation.peer("JPN", user(org.kizuna.identity.Role.PLANNER)).orElseThrow().pending()).isNull();
            // the node's own changes of other kinds (a re-plan at start) may come late and be taken in the same group
            long others = db.sql("select count(*) from federation_pending").query(Long.class).single() - COUNT;
            int taken = outbound.drain();
            assertThat(taken).isEqualTo(Outbound.GROUP);
            assertThat(queuedOfKind(db)).isBetween(Outbound.GROUP - others, (long) Outbound.GROUP);
            assertThat(pendingOfKind(db)).isEqualTo(COUNT - queuedOfKind(db));

            // the node stops with changes pending; at its restart they are queued, each once
            usa.close();
            restarted = start(u, j);
            JdbcClient again = restarted.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> pendingOfKind(again) == 0);
            assertThat(queuedOfKind(again)).isEqualTo(COUNT);
            assertThat(again.sql("select count(distinct item_id) from federation_outbox where kind = ?").param(KIND).query(Long.class).single())
                    .isEqualTo(COUNT);
            assertThat(again.sql("select count(*) from federation_outbox where item_id = 'p--1'").query(Long.class).single()).isZero();

            // the peer comes up: every change arrives once, and nothing withheld by the guard
            jpn = start(j, u);
            JdbcClient jpnDb = jpn.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(90)).until(() -> replicasOfKind(jpnDb) == COUNT
                    && again.sql("select count(*) from federation_outbox where kind = ?").param(KIND).query(Long.class).single() == 0);
            assertThat(jpnDb.sql("select count(*) from federation_replica where data like '%NOFORN-PENDING%'").query(Long.class).single()).isZero();
            assertThat(jpnDb.sql("select count(*) from federation_replica where item_id = 'p--1'").query(Long.class).single()).isZero();
            assertThat(again.sql("select count(*) from federation_shared where peer = 'JPN' and kind = ?").param(KIND).query(Long.class).single())
                    .isEqualTo(COUNT);
        } finally {
            if (jpn != null) jpn.close();
            if (restarted != null) restarted.close();
            usa.close();
            TempDirs.delete(root);
        }
    }

    private static org.kizuna.identity.KizunaUser user(org.kizuna.identity.Role role) {
        return new org.kizuna.identity.KizunaUser("usa.someone", "USA", "SECRET", java.util.Set.of(),
                java.util.Set.of(org.kizuna.identity.Role.VIEWER, role), java.time.ZoneId.of("UTC"));
    }

    private static long pendingOfKind(JdbcClient db) {
        return db.sql("select count(*) from federation_pending where event like ?").param("%\"" + KIND + "\"%").query(Long.class).single();
    }

    private static long queuedOfKind(JdbcClient db) {
        return db.sql("select count(*) from federation_outbox where kind = ?").param(KIND).query(Long.class).single();
    }

    private static long replicasOfKind(JdbcClient db) {
        return db.sql("select count(*) from federation_replica where kind = ?").param(KIND).query(Long.class).single();
    }

    private static Shareable item(int i) {
        return new Shareable(KIND, "p-" + i, "USA", "USA", 1, Map.of("n", Integer.toString(i)),
                List.of(new Shareable.Part("1", "(S//REL TO USA, JPN)", "pending " + i, "{\"n\":" + i + "}"),
                        new Shareable.Part("2", "(S//NF)", "NOFORN-PENDING " + i, "{\"n\":" + i + "}")));
    }

    private static ConfigurableApplicationContext start(Peering.Node self, Peering.Node peer) {
        Map<String, Object> p = org.kizuna.federation.FederatedNode.properties(self, List.of(Peering.Peer.of(peer)));
        return new SpringApplication(KizunaApplication.class)
                .run(p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
