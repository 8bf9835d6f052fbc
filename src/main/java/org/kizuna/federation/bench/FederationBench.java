package org.kizuna.federation.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;

import org.kizuna.federation.Shareable;
import org.kizuna.federation.ShareableChanged;
import org.kizuna.federation.ShareableReceived;
import org.kizuna.federation.internal.OutboundHold;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The federation benchmark ({@code ./kizuna bench federation}): two whole nodes (USA, JPN) on one machine, each with
 * its own H2 file database, federated over mutual TLS on loopback. Items are published as an owner module publishes
 * them ({@link ShareableChanged} in a transaction of their own, of kind {@code bench}), each with a part
 * {@code (S//REL TO USA, JPN)} and a part {@code (S//NF)} that must never leave.
 *
 * <ol>
 * <li>Owner: the USA node runs alone (its peer JPN is down) with its way out held ({@link OutboundHold}), and
 * {@code backlog} items are published, each in a transaction of its own; each change's row stays in federation's
 * table of pending changes. Figure: the owner's items per second (its transactions and those rows, not federation's
 * work).</li>
 * <li>Guard: the way out goes on; figure: items per second through federation's worker, the guard, sealing and
 * queueing into the outbox, until no change is pending.</li>
 * <li>Recovery: the JPN node starts; figure: the time until it applied the whole backlog (items per second across
 * the link), and how much of it JPN took to start.</li>
 * <li>Flow: with both nodes up, {@code items} more are published; figures: items per second end to end, latency
 * from the publishing transaction's commit to the commit of the replica on JPN (p50, p99, max).</li>
 * </ol>
 * Then it checks: every item received exactly once (no loss, no duplicate), the NOFORN part of none stored on JPN
 * (no leak), and the USA outbox empty.
 */
public final class FederationBench {

    /** Starts a node with these properties (beside the usual ones of a node) and these listeners, and answers its context. */
    @FunctionalInterface
    public interface Launcher {
        ConfigurableApplicationContext start(String nation, Path dataDir, Map<String, Object> properties, List<ApplicationListener<?>> listeners);
    }

    /** The run's size: the backlog published during the partition, the items published afterwards, the publishing threads. */
    public record Settings(int backlog, int items, int publishers) {

        public Settings {
            if (backlog < 1 || items < 1 || publishers < 1) throw new IllegalArgumentException("backlog, items and publishers are at least 1");
        }
    }

    /** The figures, and the same as one JSON object. */
    public record Result(double guardItemsPerSecond, double drainSeconds, double linkItemsPerSecond, double flowItemsPerSecond, double p50Millis,
            double p99Millis, double maxMillis, int expected, int received, int lost, int duplicated, long leaked, long outboxLeft, String json) {
    }

    private static final String LEAK = "NOFORN-BENCH-PART";

    private final Settings settings;
    private final Launcher launcher;

    public FederationBench(Settings settings, Launcher launcher) {
        this.settings = settings;
        this.launcher = launcher;
    }

    public Result run(Path workDir) throws Exception {
        int total = settings.backlog() + settings.items();
        Peering.Node u = new Peering.Node("USA", workDir.resolve("usa"), Peering.freePort());
        Peering.Node j = new Peering.Node("JPN", workDir.resolve("jpn"), Peering.freePort());
        AtomicLongArray published = new AtomicLongArray(total);
        AtomicLongArray arrived = new AtomicLongArray(total);
        AtomicInteger[] seen = new AtomicInteger[total];
        Arrays.setAll(seen, i -> new AtomicInteger());
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger receivedCount = new AtomicInteger();
        ApplicationListener<?> onReceived = ApplicationListener.forPayload((ShareableReceived e) -> {
            if (!e.kind().equals("bench")) return;
            Runnable count = () -> {
                long now = System.nanoTime();
                for (Shareable item : e.items()) {
                    int i = Integer.parseInt(item.id().substring(2));
                    arrived.compareAndSet(i, 0, now);
                    if (seen[i].incrementAndGet() > 1) duplicates.incrementAndGet();
                    receivedCount.incrementAndGet();
                }
            };
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        count.run();
                    }
                });
            } else {
                count.run();
            }
        });
        ConfigurableApplicationContext usa = null, jpn = null;
        try {
            usa = launcher.start("USA", u.dataDir(), Peering.properties(u, List.of(Peering.Peer.of(j))), List.of());
            JdbcClient usaDb = usa.getBean(JdbcClient.class);

            // 1. partition: JPN is down; the owner publishes the backlog while USA's way out is held (the changes stay
            // in federation's table of pending changes), so the owner's transactions are timed alone
            OutboundHold.hold(usa, true);
            long t0 = System.nanoTime();
            publish(usa, 0, settings.backlog(), published);
            double ownerSeconds = (System.nanoTime() - t0) / 1e9;

            // 2. the way out goes on: federation guards, seals and queues the pending backlog into the outbox, and deletes
            // the pending changes it queued
            ConfigurableApplicationContext owner = usa;
            long tg = System.nanoTime();
            OutboundHold.hold(usa, false);
            await(Duration.ofMinutes(30), () -> sequenced(usaDb) > settings.backlog() && allCompleted(owner));
            double guardSeconds = (System.nanoTime() - tg) / 1e9;

            // 3. the partition ends: JPN starts and drains the backlog
            long t1 = System.nanoTime();
            jpn = launcher.start("JPN", j.dataDir(), Peering.properties(j, List.of(Peering.Peer.of(u))), List.of(onReceived));
            long started = System.nanoTime();
            await(Duration.ofMinutes(30), () -> receivedCount.get() >= settings.backlog());
            long drained = System.nanoTime();
            double drainSeconds = (drained - t1) / 1e9, jpnStartSeconds = (started - t1) / 1e9;

            // 4. both up: items flow
            long t2 = System.nanoTime();
            publish(usa, settings.backlog(), total, published);
            await(Duration.ofMinutes(30), () -> receivedCount.get() >= total);
            long last = 0;
            for (int i = settings.backlog(); i < total; i++) last = Math.max(last, arrived.get(i));
            double flowSeconds = (last - t2) / 1e9;
            double[] latency = new double[settings.items()];
            for (int i = settings.backlog(); i < total; i++) latency[i - settings.backlog()] = (arrived.get(i) - published.get(i)) / 1e6;
            Arrays.sort(latency);

            // 5. exactly once, nothing leaked, nothing left behind (a late duplicate would show within the settling time)
            await(Duration.ofSeconds(60), () -> queued(usaDb) == 0);
            JdbcClient jpnDb = jpn.getBean(JdbcClient.class);
            long leaked = jpnDb.sql("select count(*) from federation_replica where data like ?").param("%" + LEAK + "%").query(Long.class).single();
            long replicas = jpnDb.sql("select count(*) from federation_replica where kind = 'bench'").query(Long.class).single();
            int lost = 0;
            for (AtomicInteger s : seen) if (s.get() == 0) lost++;
            if (replicas != total) lost = Math.max(lost, (int) (total - replicas));
            long left = queued(usaDb);
            double p50 = percentile(latency, 0.50), p99 = percentile(latency, 0.99), max = latency[latency.length - 1];
            double ownerRate = settings.backlog() / ownerSeconds, guardRate = settings.backlog() / guardSeconds;
            double linkRate = settings.backlog() / drainSeconds, flowRate = settings.items() / flowSeconds;
            double drainAfterStart = Math.max(0, (drained - started) / 1e9);
            String json = String.format(Locale.ROOT,
                    "{\"backlog\": %d, \"items\": %d, \"publishers\": %d, \"owner_items_per_s\": %.0f, \"owner_seconds\": %.2f,"
                            + " \"guard_items_per_s\": %.0f, \"guard_seconds\": %.2f, \"backlog_drain_s\": %.2f, \"jpn_start_s\": %.2f,"
                            + " \"drain_after_start_s\": %.2f,"
                            + " \"link_items_per_s\": %.0f, \"flow_items_per_s\": %.0f, \"latency_ms\": {\"p50\": %.1f, \"p99\": %.1f, \"max\": %.1f},"
                            + " \"expected\": %d, \"received\": %d, \"lost\": %d, \"duplicated\": %d, \"leaked\": %d, \"outbox_left\": %d,"
                            + " \"cores\": %d, \"load_average\": %.2f}",
                    settings.backlog(), settings.items(), settings.publishers(), ownerRate, ownerSeconds, guardRate, guardSeconds, drainSeconds,
                    jpnStartSeconds, drainAfterStart, linkRate, flowRate, p50, p99, max,
                    total,
                    receivedCount.get(), lost, duplicates.get(), leaked, left, Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            return new Result(guardRate, drainSeconds, linkRate, flowRate, p50, p99, max, total, receivedCount.get(), lost, duplicates.get(), leaked, left,
                    json);
        } finally {
            if (jpn != null) jpn.close();
            if (usa != null) usa.close();
        }
    }

    /** Publishes items {@code from} (inclusive) to {@code to} (exclusive), each in a transaction of its own, from the publishing threads. */
    private void publish(ConfigurableApplicationContext node, int from, int to, AtomicLongArray published) throws Exception {
        TransactionTemplate tx = new TransactionTemplate(node.getBean(PlatformTransactionManager.class));
        AtomicInteger next = new AtomicInteger(from);
        try (ExecutorService pool = Executors.newFixedThreadPool(settings.publishers())) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < settings.publishers(); t++) {
                running.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < to;) {
                        Shareable item = item(i);
                        tx.executeWithoutResult(s -> node.publishEvent(new ShareableChanged(item)));
                        published.set(i, System.nanoTime());
                    }
                }));
            }
            for (Future<?> f : running) f.get();
        }
    }

    static Shareable item(int i) {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("n", Integer.toString(i));
        return new Shareable("bench", "b-" + i, "USA", "USA", 1, header,
                List.of(new Shareable.Part("1", "(S//REL TO USA, JPN)", "bench item " + i + " for Japan", "{\"text\":\"bench item " + i + " for Japan\"}"),
                        new Shareable.Part("2", "(S//NF)", "NOFORN " + LEAK + " " + i, "{\"text\":\"" + LEAK + " " + i + "\"}")));
    }

    /** The next sequence of the outbox to JPN (one row; cheaper to poll than counting the outbox). */
    private static long sequenced(JdbcClient db) {
        return db.sql("select coalesce(max(next_seq), 1) from federation_cursor where peer = 'JPN'").query(Long.class).single();
    }

    private static long queued(JdbcClient db) {
        return db.sql("select count(*) from federation_outbox where peer = 'JPN'").query(Long.class).single();
    }

    /** Whether federation has no change pending left (every change guarded and queued) and the registry no incomplete publication. */
    private static boolean allCompleted(ConfigurableApplicationContext node) {
        JdbcClient db = node.getBean(JdbcClient.class);
        return db.sql("select count(*) from federation_pending").query(Long.class).single() == 0
                && db.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0;
    }

    private static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static void await(Duration limit, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) throw new IllegalStateException("the benchmark did not get there within " + limit);
            Thread.sleep(250);
        }
    }
}
