package org.kizuna.picture.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.kizuna.picture.bench.abuse.AbuseTraffic;
import org.kizuna.picture.bench.abuse.Clock;
import org.kizuna.picture.bench.abuse.LegitimateClients;
import org.kizuna.picture.bench.abuse.NodeGauges;
import org.kizuna.picture.bench.abuse.Outcomes;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The abuse benchmark behind {@code ./kizuna bench abuse}, run against a node already started in this JVM
 * (the verb starts it): legitimate clients beside the node ({@link LegitimateClients}), a warm-up, a
 * quiet phase for the baseline, then the abuse ({@link AbuseTraffic}). Every {@code sampleSeconds} it
 * takes the heap after a full GC (the node's together with this harness's own, which is small and
 * bounded), the open connections and the refused inputs ({@link NodeGauges}) and prints a progress line;
 * at the end it answers one JSON object: heap, connections, refusals by reason, legitimate delivery
 * latency and health, quiet against abuse, and the goals of issue 10 checked.
 */
public final class AbuseBench {

    /** Times in seconds, how many legitimate senders, and how much abuse. */
    public record Settings(String nation, int warmupSeconds, int quietSeconds, int abuseSeconds, int sampleSeconds, int legitSenders,
            Load load) {
    }

    /** How much of each kind of abuse: connections held, and rates per second over the whole harness. */
    public record Load(int idleCot, int halfOpenTls, int idleHttp, double floodRate, double malformedRate, double farTimeRate,
            double churnRate, double bodyRate, int bodyMb, double loginRate) {
    }

    private static final int MAX_SAMPLES = 2_000;

    private final Settings settings;
    private final Clock clock = new Clock();
    private final Outcomes outcomes = new Outcomes();
    private final List<Map<String, Object>> samples = new ArrayList<>();
    private final Map<Clock.Phase, Map<String, Long>> rejectedAtStart = new LinkedHashMap<>();
    private final Map<Clock.Phase, Map<String, Integer>> maxConnections = new LinkedHashMap<>();
    private long startNanos;
    private volatile long phaseStartNanos;
    private String abuseFrom = "";

    public AbuseBench(Settings settings) {
        this.settings = settings;
    }

    /** Runs the phases against the node and answers the report; progress lines go to {@code err}. */
    public String run(ConfigurableApplicationContext node, PrintWriter err) throws Exception {
        NodeGauges gauges = new NodeGauges(node);
        startNanos = System.nanoTime();
        phaseStartNanos = startNanos;
        try (LegitimateClients legit = new LegitimateClients(gauges, clock, outcomes, settings.legitSenders()).start()) {
            Thread sampler = Thread.ofPlatform().daemon(true).name("abuse-sampler").start(() -> sampleEvery(gauges, legit, err));
            Thread.sleep(settings.warmupSeconds() * 1000L);
            enter(Clock.Phase.QUIET, gauges);
            Thread.sleep(settings.quietSeconds() * 1000L);
            sample(gauges, legit, err); // the baseline's last figure, just before the abuse starts
            enter(Clock.Phase.ABUSE, gauges);
            try (AbuseTraffic abuse = new AbuseTraffic(gauges, settings.load(), outcomes).start()) {
                abuseFrom = abuse.from();
                Thread.sleep(settings.abuseSeconds() * 1000L);
                sample(gauges, legit, err); // the abuse's last figure, still under abuse
                enter(Clock.Phase.DONE, gauges);
                sampler.interrupt();
            }
            String report = report(gauges, legit);
            summary(legit, err);
            return report;
        }
    }

    private synchronized void enter(Clock.Phase phase, NodeGauges gauges) {
        rejectedAtStart.put(phase, rejectedNow(gauges));
        phaseStartNanos = System.nanoTime();
        clock.enter(phase);
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
                Thread.sleep(settings.sampleSeconds() * 1000L);
                if (clock.phase() == Clock.Phase.DONE) return;
                sample(gauges, legit, err);
            }
        } catch (InterruptedException stop) {
            // the run is over
        }
    }

    private synchronized void sample(NodeGauges gauges, LegitimateClients legit, PrintWriter err) {
        Clock.Phase phase = clock.phase();
        legit.harnessGc(System.nanoTime(), 0);
        System.gc();
        legit.harnessGc(0, System.nanoTime());
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
                (Long) s.get("second"), s.get("phase"), mb(heap), connections, (Long) s.get("cotRejected"), legit.lastHealth());
        err.flush();
    }

    private String report(NodeGauges gauges, LegitimateClients legit) {
        Load load = settings.load();
        int warmupSeconds = settings.warmupSeconds(), quietSeconds = settings.quietSeconds(), abuseSeconds = settings.abuseSeconds(),
                sampleSeconds = settings.sampleSeconds(), legitSenders = settings.legitSenders();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("bench", "abuse");
        r.put("node", ordered("nation", settings.nation(), "mode", "demo, simulator on", "sameJvm", true, "httpPort", gauges.httpPort(),
                "cotTcpPort", gauges.cotPlainPort(), "cotTlsPort", gauges.cotTlsPort()));
        r.put("seconds", ordered("warmup", warmupSeconds, "quiet", quietSeconds, "abuse", abuseSeconds, "sampleEvery", sampleSeconds));
        r.put("load", load);
        r.put("abuseFrom", abuseFrom);
        r.put("heap", heap());
        Map<String, Object> conns = new LinkedHashMap<>();
        conns.put("maxQuiet", maxConnections.getOrDefault(Clock.Phase.QUIET, Map.of()));
        conns.put("maxAbuse", maxConnections.getOrDefault(Clock.Phase.ABUSE, Map.of()));
        r.put("openConnections", conns);
        Map<String, Object> rejected = new LinkedHashMap<>();
        rejected.put("nodeQuiet", delta(rejectedAtStart.get(Clock.Phase.QUIET), rejectedAtStart.get(Clock.Phase.ABUSE)));
        rejected.put("nodeAbuse", delta(rejectedAtStart.get(Clock.Phase.ABUSE), rejectedAtStart.get(Clock.Phase.DONE)));
        rejected.put("harnessSaw", outcomes.snapshot());
        r.put("rejected", rejected);
        Map<String, Object> lat = new LinkedHashMap<>();
        lat.put("senders", legitSenders + " x " + LegitimateClients.SENDER + " over mutual TLS, 1 Hz each, SECRET//REL TO USA, JPN");
        lat.put("receivers", ordered("cot", LegitimateClients.COT_RECEIVER + " over mutual TLS, TAK protocol 1",
                "browser", LegitimateClients.BROWSER + " signed in by form, SSE /api/v1/picture/stream"));
        lat.put("pictureEventsReceivedBySenders", legit.cotEventsToSenders.get());
        lat.put("browserFramesReceived", legit.browserFrames.get());
        lat.put("quiet", latency(legit, Clock.Phase.QUIET));
        lat.put("abuse", latency(legit, Clock.Phase.ABUSE));
        r.put("legitimate", lat);
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("quiet", health(legit, Clock.Phase.QUIET));
        health.put("abuse", health(legit, Clock.Phase.ABUSE));
        r.put("health", health);
        r.put("goal", goal(legit));
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(r);
    }

    /** One line per goal on stderr, for whoever watches the run. */
    private void summary(LegitimateClients legit, PrintWriter err) {
        List<Double> heap = abuseSamples();
        err.printf(Locale.ROOT,
                "abuse: heap trend over the abuse %s%%, median of first and last quarter %s -> %s MB (%s%%), floor %s -> %s MB (%s%%), max %s MB; quiet last %s MB%n",
                trendPercent(heap), median(heap, true), median(heap, false), percent(median(heap, true), median(heap, false)),
                floor(heap, true), floor(heap, false), percent(floor(heap, true), floor(heap, false)),
                max(heap), last(Clock.Phase.QUIET));
        for (int r = 0; r < LegitimateClients.RECEIVERS.size(); r++) {
            LegitimateClients.Delivery q = legit.deliveries[Clock.Phase.QUIET.ordinal()][r], a = legit.deliveries[Clock.Phase.ABUSE.ordinal()][r];
            err.printf(Locale.ROOT, "abuse: legitimate %-7s p50 %.1f -> %.1f ms, p99 %.1f -> %.1f ms, delivered %d/%d -> %d/%d%n",
                    LegitimateClients.RECEIVERS.get(r),
                    q.latency.percentileMs(0.5), a.latency.percentileMs(0.5), q.latency.percentileMs(0.99), a.latency.percentileMs(0.99),
                    q.delivered.get(), legit.sent[Clock.Phase.QUIET.ordinal()].get(), a.delivered.get(), legit.sent[Clock.Phase.ABUSE.ordinal()].get());
        }
        LegitimateClients.Health hq = legit.health[Clock.Phase.QUIET.ordinal()], ha = legit.health[Clock.Phase.ABUSE.ordinal()];
        err.printf(Locale.ROOT, "abuse: health UP %d/%d quiet, %d/%d under abuse%n", hq.up.get(), hq.checks.get(), ha.up.get(), ha.checks.get());
        err.flush();
    }

    private Map<String, Object> heap() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("note", "heap used after System.gc() in this JVM: the node's together with the harness's own (small and bounded). "
                + "Requests in flight (a 16 MB body being read) raise single samples and a lucky collection lowers one, so the goal "
                + "looks at the whole series: the least-squares trend over the abuse (as a percentage of its fitted start) and the "
                + "medians of the first and last quarter must each stay within 10%; the floors (lowest sample of each quarter) are shown too");
        Double quiet = last(Clock.Phase.QUIET), first = first(Clock.Phase.ABUSE), lastAbuse = last(Clock.Phase.ABUSE);
        List<Double> abuse = abuseSamples();
        h.put("quietLastMb", quiet);
        h.put("abuseFirstMb", first);
        h.put("abuseLastMb", lastAbuse);
        h.put("abuseMaxMb", max(abuse));
        h.put("abuseFirstQuarterFloorMb", floor(abuse, true));
        h.put("abuseLastQuarterFloorMb", floor(abuse, false));
        h.put("floorGrowthDuringAbusePercent", percent(floor(abuse, true), floor(abuse, false)));
        h.put("abuseFirstQuarterMedianMb", median(abuse, true));
        h.put("abuseLastQuarterMedianMb", median(abuse, false));
        h.put("medianGrowthDuringAbusePercent", percent(median(abuse, true), median(abuse, false)));
        h.put("trendDuringAbusePercent", trendPercent(abuse));
        h.put("growthDuringAbusePercent", percent(first, lastAbuse));
        h.put("growthOverQuietPercent", percent(quiet, lastAbuse));
        h.put("samples", samples);
        return h;
    }

    /** Heap figures of the abuse phase from one sample interval in (its connections and buffers in place by then). */
    private List<Double> abuseSamples() {
        return samples.stream().filter(s -> "abuse".equals(s.get("phase")) && secondOfPhase(s) >= settings.sampleSeconds())
                .map(s -> (Double) s.get("heapAfterGcMb")).toList();
    }

    /** The lowest figure of the first (or last) quarter of the samples, at least one sample. */
    private static @Nullable Double floor(List<Double> xs, boolean first) {
        if (xs.isEmpty()) return null;
        int q = Math.max(1, xs.size() / 4);
        return (first ? xs.subList(0, q) : xs.subList(xs.size() - q, xs.size())).stream().min(Double::compare).orElse(null);
    }

    /** The highest sample, or null when there is none. */
    private static @Nullable Double max(List<Double> xs) {
        return xs.stream().max(Double::compare).orElse(null);
    }

    /** The median of the first (or last) quarter of the samples, at least one sample. */
    private static @Nullable Double median(List<Double> xs, boolean first) {
        if (xs.isEmpty()) return null;
        int q = Math.max(1, xs.size() / 4);
        List<Double> part = new ArrayList<>(first ? xs.subList(0, q) : xs.subList(xs.size() - q, xs.size()));
        part.sort(Double::compare);
        return part.size() % 2 == 1 ? part.get(part.size() / 2) : (part.get(part.size() / 2 - 1) + part.get(part.size() / 2)) / 2;
    }

    /** The least-squares line through the samples (evenly spaced): its rise from first to last sample, as a percentage of its start. */
    private static @Nullable Double trendPercent(List<Double> ys) {
        int n = ys.size();
        if (n < 3) return null;
        double sum = 0;
        for (double y : ys) sum += y;
        double mx = (n - 1) / 2.0, my = sum / n, sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - mx) * (ys.get(i) - my);
            sxx += (i - mx) * (i - mx);
        }
        double slope = sxy / sxx, start = my - slope * mx;
        return percent(start, start + slope * (n - 1));
    }

    /** The first sample at least one sample interval into the phase (the abuse's connections and buffers are in place by then). */
    private @Nullable Double first(Clock.Phase p) {
        return samples.stream().filter(s -> p.name().toLowerCase(Locale.ROOT).equals(s.get("phase")) && secondOfPhase(s) >= settings.sampleSeconds())
                .map(s -> (Double) s.get("heapAfterGcMb")).findFirst().orElse(null);
    }

    private static long secondOfPhase(Map<String, Object> sample) {
        return (Long) Objects.requireNonNull(sample.get("secondOfPhase"), "every sample has its second of the phase");
    }

    private @Nullable Double last(Clock.Phase p) {
        return samples.stream().filter(s -> p.name().toLowerCase(Locale.ROOT).equals(s.get("phase"))).map(s -> (Double) s.get("heapAfterGcMb"))
                .reduce((a, b) -> b).orElse(null);
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

    private static Map<String, Object> latency(LegitimateClients legit, Clock.Phase p) {
        Map<String, Object> m = new LinkedHashMap<>();
        long sent = legit.sent[p.ordinal()].get();
        m.put("sent", sent);
        for (int r = 0; r < LegitimateClients.RECEIVERS.size(); r++) {
            LegitimateClients.Delivery d = legit.deliveries[p.ordinal()][r];
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("delivered", d.delivered.get());
            x.put("untimedOverHarnessGc", d.untimedHarnessGc.get());
            x.put("deliveredFraction", sent == 0 ? null : round(d.delivered.get() / (double) sent));
            x.put("p50Ms", finite(d.latency.percentileMs(0.50)));
            x.put("p99Ms", finite(d.latency.percentileMs(0.99)));
            x.put("maxMs", finite(d.latency.maxMs()));
            m.put(LegitimateClients.RECEIVERS.get(r), x);
        }
        return m;
    }

    private static Map<String, Object> health(LegitimateClients legit, Clock.Phase p) {
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
        List<Double> heap = abuseSamples();
        Double trend = trendPercent(heap), medians = percent(median(heap, true), median(heap, false));
        g.put("heapFlatWithin10Percent", trend != null && medians != null && Math.abs(trend) <= 10 && Math.abs(medians) <= 10);
        boolean p99 = true;
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (int r = 0; r < LegitimateClients.RECEIVERS.size(); r++) {
            double quiet = legit.deliveries[Clock.Phase.QUIET.ordinal()][r].latency.percentileMs(0.99);
            double abuse = legit.deliveries[Clock.Phase.ABUSE.ordinal()][r].latency.percentileMs(0.99);
            double ratio = abuse / quiet;
            ratios.put(LegitimateClients.RECEIVERS.get(r), Double.isFinite(ratio) ? round(ratio) : null);
            p99 &= ratio <= 2;
        }
        g.put("p99AbuseOverQuiet", ratios);
        g.put("p99Within2xOfQuiet", p99);
        boolean healthy = true;
        for (Clock.Phase p : List.of(Clock.Phase.QUIET, Clock.Phase.ABUSE)) {
            LegitimateClients.Health h = legit.health[p.ordinal()];
            healthy &= h.checks.get() > 0 && h.up.get() == h.checks.get();
        }
        g.put("healthyThroughout", healthy);
        g.put("legitimateClientsNeverDropped", outcomes.under("legit.").isEmpty());
        return g;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
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

}
