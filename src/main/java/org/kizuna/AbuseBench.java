package org.kizuna;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.kizuna.node.NodeDatabase;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./kizuna bench abuse}: a whole node (demo mode, simulator on, a fresh data directory, loopback
 * ports) started in this JVM, legitimate clients beside it ({@link LegitimateClients}), a quiet phase
 * for the baseline and then an abuse phase ({@link AbuseTraffic}). Every {@code --sample-seconds} it
 * takes the heap after a full GC (the node's together with this harness's own, which is small and
 * bounded), the open connections and the refused inputs ({@link NodeGauges}), and prints a progress
 * line on stderr; at the end one JSON object on stdout: heap, connections, refusals by reason,
 * legitimate delivery latency and health, quiet against abuse, and the goals checked.
 */
@Command(name = "abuse", mixinStandardHelpOptions = true,
        description = "Runs a node in this JVM under hostile and careless load beside legitimate clients; prints one JSON object.")
final class AbuseBench implements Callable<Integer> {

    enum Phase { WARMUP, QUIET, ABUSE, DONE }

    /** The phase the run is in, read by every client to file its figures. */
    static final class Clock {
        private volatile Phase phase = Phase.WARMUP;

        Phase phase() {
            return phase;
        }
    }

    private static final int MAX_SAMPLES = 2_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--minutes", description = "Minutes of abuse (default: 10).")
    @Nullable Integer minutes;

    @Option(names = "--seconds", description = "Seconds of abuse, instead of --minutes.")
    @Nullable Integer seconds;

    @Option(names = "--quiet-seconds", defaultValue = "60", description = "Seconds of the quiet baseline before the abuse (default: ${DEFAULT-VALUE}).")
    int quietSeconds;

    @Option(names = "--warmup-seconds", defaultValue = "10", description = "Seconds after the clients connect before the baseline starts (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--sample-seconds", defaultValue = "10", description = "Seconds between heap and connection samples (default: ${DEFAULT-VALUE}).")
    int sampleSeconds;

    @Option(names = "--legit-senders", defaultValue = "4", description = "Legitimate TLS CoT clients sending their position at 1 Hz (default: ${DEFAULT-VALUE}).")
    int legitSenders;

    @Option(names = "--idle-cot", defaultValue = "1200", description = "Idle plain CoT connections: a quarter read and never send, the rest do neither (default: ${DEFAULT-VALUE}).")
    int idleCot;

    @Option(names = "--half-open-tls", defaultValue = "200", description = "TLS CoT connections that never finish the handshake (default: ${DEFAULT-VALUE}).")
    int halfOpenTls;

    @Option(names = "--idle-http", defaultValue = "200", description = "HTTP connections that send nothing or a header every 10 s (default: ${DEFAULT-VALUE}).")
    int idleHttp;

    @Option(names = "--flood-rate", defaultValue = "1000", description = "Valid CoT events per second, XML and TAK protocol (default: ${DEFAULT-VALUE}).")
    double floodRate;

    @Option(names = "--malformed-rate", defaultValue = "500", description = "Malformed CoT frames per second, XML and TAK protocol (default: ${DEFAULT-VALUE}).")
    double malformedRate;

    @Option(names = "--far-time-rate", defaultValue = "20", description = "Events ten years ahead or behind per second, each a new uid (default: ${DEFAULT-VALUE}).")
    double farTimeRate;

    @Option(names = "--churn-rate", defaultValue = "50", description = "Events per second each with a label never seen before (default: ${DEFAULT-VALUE}).")
    double churnRate;

    @Option(names = "--body-rate", defaultValue = "1", description = "Deeply nested or oversized HTTP bodies per second (default: ${DEFAULT-VALUE}).")
    double bodyRate;

    @Option(names = "--body-mb", defaultValue = "16", description = "Size of an oversized body in MB (default: ${DEFAULT-VALUE}).")
    int bodyMb;

    @Option(names = "--login-rate", defaultValue = "4", description = "Wrong-password logins per second, HTTP Basic and form (default: ${DEFAULT-VALUE}).")
    double loginRate;

    @Option(names = "--data", description = "Data directory of the node (default: a temporary one, deleted afterwards).")
    @Nullable Path data;

    private final Clock clock = new Clock();
    private final Outcomes outcomes = new Outcomes();
    private final List<Map<String, Object>> samples = new ArrayList<>();
    private final Map<Phase, Map<String, Long>> rejectedAtStart = new LinkedHashMap<>();
    private final Map<Phase, Map<String, Integer>> maxConnections = new LinkedHashMap<>();
    private long startNanos;
    private volatile long phaseStartNanos;

    @Override
    public Integer call() throws Exception {
        if (minutes != null && seconds != null) throw new ParameterException(spec.commandLine(), "give --minutes or --seconds, not both");
        int abuseSeconds = seconds != null ? seconds : (minutes != null ? minutes : 10) * 60;
        if (abuseSeconds < 1 || quietSeconds < 1 || warmupSeconds < 0 || sampleSeconds < 1 || legitSenders < 1) {
            throw new ParameterException(spec.commandLine(), "the abuse, quiet and sample times and --legit-senders must be at least 1; --warmup-seconds not negative");
        }
        if (idleCot < 0 || halfOpenTls < 0 || idleHttp < 0 || floodRate < 0 || malformedRate < 0 || farTimeRate < 0 || churnRate < 0
                || bodyRate < 0 || loginRate < 0 || bodyMb < 1 || bodyMb > 1024) {
            throw new ParameterException(spec.commandLine(), "connection counts and rates must not be negative; --body-mb must be 1 to 1024");
        }
        AbuseTraffic.Load load = new AbuseTraffic.Load(idleCot, halfOpenTls, idleHttp, floodRate, malformedRate, farTimeRate, churnRate,
                bodyRate, bodyMb, loginRate);
        PrintWriter err = spec.commandLine().getErr();
        boolean temporary = data == null;
        Path dir = temporary ? Files.createTempDirectory("kizuna-abuse") : data.toAbsolutePath().normalize();
        err.println("abuse: starting a node (USA, demo, simulator on) in this JVM with its data in " + dir);
        err.flush();
        ConfigurableApplicationContext node = startNode(dir);
        try {
            NodeGauges gauges = new NodeGauges(node);
            startNanos = System.nanoTime();
            try (LegitimateClients legit = new LegitimateClients(gauges, clock, outcomes, legitSenders).start()) {
                Thread sampler = Thread.ofPlatform().daemon(true).name("abuse-sampler").start(() -> sampleEvery(gauges, legit, err));
                Thread.sleep(warmupSeconds * 1000L);
                enter(Phase.QUIET, gauges);
                Thread.sleep(quietSeconds * 1000L);
                sample(gauges, legit, err); // the baseline's last figure, just before the abuse starts
                enter(Phase.ABUSE, gauges);
                try (AbuseTraffic abuse = new AbuseTraffic(gauges, load, outcomes).start()) {
                    Thread.sleep(abuseSeconds * 1000L);
                    sample(gauges, legit, err); // the abuse's last figure, still under abuse
                    enter(Phase.DONE, gauges);
                    sampler.interrupt();
                }
                spec.commandLine().getOut().println(report(gauges, legit, load, abuseSeconds));
                spec.commandLine().getOut().flush();
            }
        } finally {
            node.close();
            if (temporary) deleteTree(dir);
        }
        return 0;
    }

    private ConfigurableApplicationContext startNode(Path dir) {
        SpringApplication app = new SpringApplication(KizunaApplication.class);
        app.setBannerMode(Banner.Mode.OFF);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kizuna.nation", "USA");
        p.put("kizuna.data-dir", dir.toString());
        p.put("kizuna.mode", "demo");
        p.put("kizuna.simulator.enabled", true);
        p.put("server.port", 0);
        p.put("server.address", "127.0.0.1");
        p.put("kizuna.cot.tcp-port", 0);
        p.put("kizuna.cot.tls-port", 0);
        p.put("spring.datasource.url", NodeDatabase.h2Url(dir));
        p.put("spring.datasource.username", NodeDatabase.h2User());
        p.put("server.tomcat.basedir", dir.resolve("tomcat").toString());
        // thousands of refused connections and events would drown the figures in log lines
        p.put("logging.level.root", "ERROR");
        p.put("logging.level.org.kizuna", "ERROR");
        return app.run(p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private synchronized void enter(Phase phase, NodeGauges gauges) {
        rejectedAtStart.put(phase, rejectedNow(gauges));
        phaseStartNanos = System.nanoTime();
        clock.phase = phase;
    }

    private static Map<String, Long> rejectedNow(NodeGauges g) {
        Map<String, Long> m = new LinkedHashMap<>();
        g.cotRejectedByReason().forEach((k, v) -> m.put("cot:" + k, v));
        g.pictureRefusedByReason().forEach((k, v) -> m.put("picture:" + k, v));
        m.put("cotIngested", g.cotIngested());
        return m;
    }

    private void sampleEvery(NodeGauges gauges, LegitimateClients legit, PrintWriter err) {
        try {
            while (true) {
                Thread.sleep(sampleSeconds * 1000L);
                if (clock.phase() == Phase.DONE) return;
                sample(gauges, legit, err);
            }
        } catch (InterruptedException stop) {
            // the run is over
        }
    }

    private synchronized void sample(NodeGauges gauges, LegitimateClients legit, PrintWriter err) {
        Phase phase = clock.phase();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Map<String, Integer> connections = gauges.openConnections();
        maxConnections.merge(phase, connections, (a, b) -> {
            Map<String, Integer> m = new LinkedHashMap<>(a);
            b.forEach((k, v) -> m.merge(k, v, Math::max));
            return m;
        });
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("second", Math.round((System.nanoTime() - startNanos) / 1e9));
        s.put("phase", phase.name().toLowerCase(Locale.ROOT));
        s.put("secondOfPhase", Math.round((System.nanoTime() - phaseStartNanos) / 1e9));
        s.put("heapAfterGcMb", mb(heap));
        s.put("connections", connections);
        s.put("cotRejected", gauges.cotRejectedByReason().values().stream().mapToLong(Long::longValue).sum());
        s.put("health", legit.lastHealth());
        if (samples.size() < MAX_SAMPLES) samples.add(s);
        err.printf(Locale.ROOT, "abuse: %4d s %-6s heap after GC %7.1f MB, connections %s, CoT rejected %d, health %s%n",
                s.get("second"), s.get("phase"), mb(heap), connections, s.get("cotRejected"), legit.lastHealth());
        err.flush();
    }

    private String report(NodeGauges gauges, LegitimateClients legit, AbuseTraffic.Load load, int abuseSeconds) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("bench", "abuse");
        r.put("node", Map.of("nation", "USA", "mode", "demo, simulator on", "sameJvm", true, "httpPort", gauges.httpPort(),
                "cotTcpPort", gauges.cotPlainPort(), "cotTlsPort", gauges.cotTlsPort()));
        r.put("seconds", Map.of("warmup", warmupSeconds, "quiet", quietSeconds, "abuse", abuseSeconds, "sampleEvery", sampleSeconds));
        r.put("load", load);
        r.put("heap", heap());
        Map<String, Object> conns = new LinkedHashMap<>();
        conns.put("maxQuiet", maxConnections.getOrDefault(Phase.QUIET, Map.of()));
        conns.put("maxAbuse", maxConnections.getOrDefault(Phase.ABUSE, Map.of()));
        r.put("openConnections", conns);
        Map<String, Object> rejected = new LinkedHashMap<>();
        rejected.put("nodeQuiet", delta(rejectedAtStart.get(Phase.QUIET), rejectedAtStart.get(Phase.ABUSE)));
        rejected.put("nodeAbuse", delta(rejectedAtStart.get(Phase.ABUSE), rejectedAtStart.get(Phase.DONE)));
        rejected.put("harnessSaw", outcomes.snapshot());
        r.put("rejected", rejected);
        Map<String, Object> lat = new LinkedHashMap<>();
        lat.put("senders", legitSenders + " x " + LegitimateClients.SENDER + " over mutual TLS, 1 Hz each, SECRET//REL TO USA, JPN");
        lat.put("receivers", Map.of("cot", LegitimateClients.COT_RECEIVER + " over mutual TLS, TAK protocol 1",
                "browser", LegitimateClients.BROWSER + " signed in by form, SSE /api/v1/picture/stream"));
        lat.put("quiet", latency(legit, Phase.QUIET));
        lat.put("abuse", latency(legit, Phase.ABUSE));
        r.put("legitimate", lat);
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("quiet", health(legit, Phase.QUIET));
        health.put("abuse", health(legit, Phase.ABUSE));
        r.put("health", health);
        r.put("goal", goal(legit));
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(r);
    }

    private Map<String, Object> heap() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("note", "heap used after System.gc() in this JVM: the node's together with the harness's own (small and bounded)");
        Double quiet = last(Phase.QUIET), first = first(Phase.ABUSE), lastAbuse = last(Phase.ABUSE);
        h.put("quietLastMb", quiet);
        h.put("abuseFirstMb", first);
        h.put("abuseLastMb", lastAbuse);
        h.put("abuseMaxMb", samples.stream().filter(s -> s.get("phase").equals("abuse")).mapToDouble(s -> (Double) s.get("heapAfterGcMb")).max().orElse(Double.NaN));
        h.put("growthDuringAbusePercent", percent(first, lastAbuse));
        h.put("growthOverQuietPercent", percent(quiet, lastAbuse));
        h.put("samples", samples);
        return h;
    }

    /** The first sample at least one sample interval into the phase (the abuse's connections and buffers are in place by then). */
    private @Nullable Double first(Phase p) {
        return samples.stream().filter(s -> s.get("phase").equals(p.name().toLowerCase(Locale.ROOT)) && (Long) s.get("secondOfPhase") >= sampleSeconds).map(s -> (Double) s.get("heapAfterGcMb")).findFirst().orElse(null);
    }

    private @Nullable Double last(Phase p) {
        return samples.stream().filter(s -> s.get("phase").equals(p.name().toLowerCase(Locale.ROOT))).map(s -> (Double) s.get("heapAfterGcMb")).reduce((a, b) -> b).orElse(null);
    }

    private static @Nullable Double percent(@Nullable Double from, @Nullable Double to) {
        return from == null || to == null || from == 0 ? null : round(100 * (to - from) / from);
    }

    private static Map<String, Long> delta(@Nullable Map<String, Long> from, @Nullable Map<String, Long> to) {
        Map<String, Long> m = new LinkedHashMap<>();
        if (to == null) return m;
        to.forEach((k, v) -> m.put(k, v - (from == null ? 0 : from.getOrDefault(k, 0L))));
        return m;
    }

    private static Map<String, Object> latency(LegitimateClients legit, Phase p) {
        Map<String, Object> m = new LinkedHashMap<>();
        long sent = legit.sent[p.ordinal()].get();
        m.put("sent", sent);
        for (int r = 0; r < LegitimateClients.RECEIVERS.length; r++) {
            LegitimateClients.Delivery d = legit.deliveries[p.ordinal()][r];
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("delivered", d.delivered.get());
            x.put("deliveredFraction", sent == 0 ? null : round(d.delivered.get() / (double) sent));
            x.put("p50Ms", finite(d.latency.percentileMs(0.50)));
            x.put("p99Ms", finite(d.latency.percentileMs(0.99)));
            x.put("maxMs", finite(d.latency.maxMs()));
            m.put(LegitimateClients.RECEIVERS[r], x);
        }
        return m;
    }

    private static Map<String, Object> health(LegitimateClients legit, Phase p) {
        LegitimateClients.Health h = legit.health[p.ordinal()];
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("checks", h.checks.get());
        m.put("up", h.up.get());
        m.put("notUp", h.notUp.get());
        m.put("failed", h.failed.get());
        m.put("slowestMs", h.maxMs.get());
        return m;
    }

    private Map<String, Object> goal(LegitimateClients legit) {
        Map<String, Object> g = new LinkedHashMap<>();
        Double growth = percent(first(Phase.ABUSE), last(Phase.ABUSE));
        g.put("heapFlatWithin10Percent", growth != null && Math.abs(growth) <= 10);
        boolean p99 = true;
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (int r = 0; r < LegitimateClients.RECEIVERS.length; r++) {
            double quiet = legit.deliveries[Phase.QUIET.ordinal()][r].latency.percentileMs(0.99);
            double abuse = legit.deliveries[Phase.ABUSE.ordinal()][r].latency.percentileMs(0.99);
            double ratio = abuse / quiet;
            ratios.put(LegitimateClients.RECEIVERS[r], Double.isFinite(ratio) ? round(ratio) : null);
            p99 &= ratio <= 2;
        }
        g.put("p99AbuseOverQuiet", ratios);
        g.put("p99Within2xOfQuiet", p99);
        boolean healthy = true;
        for (Phase p : List.of(Phase.QUIET, Phase.ABUSE)) {
            LegitimateClients.Health h = legit.health[p.ordinal()];
            healthy &= h.checks.get() > 0 && h.up.get() == h.checks.get();
        }
        g.put("healthyThroughout", healthy);
        g.put("legitimateClientsNeverDropped", outcomes.under("legit.").isEmpty());
        return g;
    }

    private static double mb(long bytes) {
        return Math.round(bytes / 1048576.0 * 10) / 10.0;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    private static @Nullable Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    /** Deletes the node's temporary directory; a journal still flushing while the node stops may write once more, so it tries again. */
    private static void deleteTree(Path dir) throws InterruptedException {
        for (int attempt = 0; attempt < 5 && Files.exists(dir); attempt++) {
            if (attempt > 0) Thread.sleep(500);
            deleteOnce(dir);
        }
    }

    private static void deleteOnce(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
