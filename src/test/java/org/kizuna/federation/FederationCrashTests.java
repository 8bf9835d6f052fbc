package org.kizuna.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.kizuna.federation.bench.Peering;
import org.kizuna.node.NodeDatabase;
import org.kizuna.testing.Api;
import org.kizuna.testing.NodeProcess;
import org.kizuna.testing.TempDirs;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kill -9} of a node while items flow both ways: the JPN node runs in a process of its own, is killed outright
 * while both nodes write reports, and is restarted on the same data directory. Afterwards every report either node
 * acknowledged (201) is on the other node exactly once, and nothing withheld by the guard is stored on the other side.
 */
class FederationCrashTests {

    @Test
    void killingANodeDuringSyncLosesNothingAcknowledgedDuplicatesNothingAndLeaksNothing() throws Exception {
        Path root = Files.createTempDirectory("kizuna-federation-crash");
        Peering.Node u = new Peering.Node("USA", root.resolve("usa"), Peering.freePort());
        Peering.Node j = new Peering.Node("JPN", root.resolve("jpn"), Peering.freePort());
        Map<String, String> env = Map.of("SPRING_APPLICATION_JSON", springJson(Peering.properties(j, List.of(Peering.Peer.of(u)))));
        String[] args = {"--nation", "JPN"};
        NodeProcess jpn = NodeProcess.start(j.dataDir(), env, args);
        try (FederatedNode usa = FederatedNode.start(u, List.of(Peering.Peer.of(j)))) {
            List<String> fromUsa = Collections.synchronizedList(new ArrayList<>());
            List<String> fromJpn = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean writing = new AtomicBoolean(true);
            Api jpnApi = Api.on(jpn.port()).as("jpn.officer", "demo");
            CompletableFuture<Void> usaWriter = CompletableFuture.runAsync(() -> {
                for (int i = 0; writing.get() || i < 30; i++) fromUsa.add(report(usa.api("usa.officer"), "USA", i));
            });
            CompletableFuture<Void> jpnWriter = CompletableFuture.runAsync(() -> {
                for (int i = 0; writing.get(); i++) {
                    try {
                        fromJpn.add(report(jpnApi, "JPN", i));
                    } catch (RuntimeException | AssertionError e) {
                        return; // the node was killed: this one was not acknowledged
                    }
                }
            });
            // items flow both ways when the JPN node is killed
            await().atMost(Duration.ofSeconds(30)).until(() -> usa.replicas().size() >= 5 && fromUsa.size() >= 10);
            jpn.kill();
            jpnWriter.get();
            int acknowledgedByJpn = fromJpn.size();
            assertThat(acknowledgedByJpn).isPositive();
            jpn = NodeProcess.start(j.dataDir(), env, args);
            writing.set(false);
            usaWriter.get();
            Api again = Api.on(jpn.port()).as("jpn.officer", "demo");
            try {
                // a listener that failed while the machine was busy is handed its event again after 30 s: allow two rounds
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                        .until(() -> usa.replicas().keySet().containsAll(fromJpn)
                                && fromUsa.stream().allMatch(id -> again.get("/api/v1/intel/reports/" + id).status() == 200));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                String said = jpn.output();
                throw new AssertionError("the nodes did not converge after the restart; the restarted JPN node said (its last lines):\n"
                        + said.substring(Math.max(0, said.length() - 20_000)), e);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> usa.jdbc().sql("select count(*) from federation_outbox").query(Long.class).single() == 0
                    && usa.jdbc().sql("select count(*) from intel_report where replica = true").query(Long.class).single() == usa.replicas().size());

            // USA: each acknowledged JPN report once, nothing of JPN's withheld portions
            long usaReplicaRows = usa.jdbc().sql("select count(*) from intel_report where replica = true").query(Long.class).single();
            assertThat(usaReplicaRows).isEqualTo(usa.replicas().size());
            assertThat(usa.jdbc().sql("select count(*) from intel_portion where text like '%NOFORN-PART-JPN%'").query(Long.class).single()).isZero();
            assertThat(usa.jdbc().sql("select count(*) from federation_replica where data like '%NOFORN-PART-JPN%'").query(Long.class).single()).isZero();

            // JPN, read from its database once its node stopped: each USA report once, at the owner's version, nothing withheld
            jpn.terminate();
            jpn.process().waitFor();
            Map<String, Long> versions = new HashMap<>();
            for (String id : fromUsa) versions.put(id, usa.jdbc().sql("select version from intel_report where id = ?").param(id).query(Long.class).single());
            try (Connection c = DriverManager.getConnection(NodeDatabase.h2Url(j.dataDir()), NodeDatabase.h2User(), "")) {
                Map<String, Long> replicas = query(c, "select item_id, version from federation_replica where kind = 'report'");
                assertThat(replicas).containsAllEntriesOf(versions);
                Map<String, Long> rows = query(c, "select id, count(*) from intel_report where replica = true group by id");
                assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(replicas.keySet());
                assertThat(rows.values()).allMatch(n -> n == 1);
                assertThat(query(c, "select 'leaks', count(*) from intel_portion where text like '%NOFORN-PART-USA%'")).containsEntry("leaks", 0L);
                assertThat(query(c, "select 'leaks', count(*) from federation_replica where data like '%NOFORN-PART-USA%'")).containsEntry("leaks", 0L);
                Map<String, Long> own = query(c, "select id, version from intel_report where replica = false and id in (" + String.join(",",
                        Collections.nCopies(acknowledgedByJpn, "?")) + ")", fromJpn.toArray());
                assertThat(own).as("every report the killed node acknowledged is still there").hasSize(acknowledgedByJpn);
            }
        } finally {
            jpn.close();
            TempDirs.delete(root);
        }
    }

    private static String report(Api api, String nation, int i) {
        String mark = nation.equals("USA") ? "(S//REL TO USA, JPN)" : "(//JPN S//REL TO USA, JPN)";
        String noforn = nation.equals("USA") ? "(S//NF)" : "(//JPN S)";
        Api.Response r = api.post("/api/v1/intel/reports", "{\"title\":{\"marking\":\"(U)\",\"text\":\"" + nation + " crash report " + i
                + "\"},\"portions\":[{\"marking\":\"" + mark + "\",\"text\":\"shared by " + nation + " #" + i + "\"},{\"marking\":\"" + noforn
                + "\",\"text\":\"NOFORN-PART-" + nation + "\"}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asString();
    }

    private static Map<String, Long> query(Connection c, String sql, Object... params) throws Exception {
        Map<String, Long> m = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) m.put(rs.getString(1), rs.getLong(2));
            }
        }
        return m;
    }

    /** Flat properties as the nested JSON Spring Boot reads from {@code SPRING_APPLICATION_JSON}. */
    private static String springJson(Map<String, Object> flat) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : flat.entrySet()) {
            // kizuna.federation.peers[0].nation: a list element is an object in a list
            String key = e.getKey();
            int b = key.indexOf('[');
            if (b < 0) {
                put(root, key, e.getValue());
            } else {
                @SuppressWarnings("unchecked") List<Map<String, Object>> list = (List<Map<String, Object>>) node(root, key.substring(0, b), true);
                int index = Integer.parseInt(key.substring(b + 1, key.indexOf(']')));
                while (list.size() <= index) list.add(new LinkedHashMap<>());
                put(list.get(index), key.substring(key.indexOf(']') + 2), e.getValue());
            }
        }
        return JsonMapper.builder().build().writeValueAsString(root);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String dotted, Object value) {
        int d = dotted.lastIndexOf('.');
        Map<String, Object> parent = d < 0 ? root : (Map<String, Object>) node(root, dotted.substring(0, d), false);
        parent.put(dotted.substring(d + 1), value);
    }

    @SuppressWarnings("unchecked")
    private static Object node(Map<String, Object> root, String dotted, boolean list) {
        String[] parts = dotted.split("\\.");
        Map<String, Object> m = root;
        for (int i = 0; i < parts.length - 1; i++) m = (Map<String, Object>) m.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        return m.computeIfAbsent(parts[parts.length - 1], k -> list ? new ArrayList<Map<String, Object>>() : new LinkedHashMap<String, Object>());
    }
}
