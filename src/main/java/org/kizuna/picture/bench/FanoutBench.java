package org.kizuna.picture.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.kizuna.label.LabelKernel;
import org.kizuna.node.NodePki;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.internal.cot.CotStreamDecoder;
import org.kizuna.picture.internal.cot.CotXmlWriter;
import org.kizuna.picture.internal.distribution.Frame;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.distribution.Subscriber;
import org.kizuna.picture.internal.ingest.CotIdentities;
import org.kizuna.picture.internal.ingest.CotServer;
import org.kizuna.picture.internal.ingest.CotSettings;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import org.kizuna.picture.internal.web.StreamPayload;

/**
 * The fan-out benchmark behind {@code ./kizuna bench fanout}: the picture's fan-out over loopback. An
 * in-process node part (the {@link LivePicture} and CoT listeners, wired by hand, no Spring) takes
 * {@code tracks} self-reported tracks at {@code rate} Hz from feeder connections, with a mix of labels,
 * and fans them out to {@code cotClients} CoT connections (real sockets, each decoding what it receives)
 * and {@code browserClients} browser subscribers (the SSE JSON payload encoded per frame, in process),
 * spread over readers of different nations and clearances, each filtered by its own reader. Latency is
 * from the feeder's send to the client's decode of the same track version. Answers one JSON object.
 */
public final class FanoutBench {

    /**
     * How many tracks at what rate, how many clients of each kind and feeders, whether the CoT clients
     * speak TAK protocol 1 (else CoT XML) and connect over mutual TLS, and the warm-up and measured seconds.
     */
    public record Settings(int tracks, double rate, int cotClients, int browserClients, int feeders, boolean tak, boolean tls,
            int warmupSeconds, int durationSeconds, boolean details) {

        /** Without the detail elements an ATAK client sends. */
        public Settings(int tracks, double rate, int cotClients, int browserClients, int feeders, boolean tak, boolean tls, int warmupSeconds,
                int durationSeconds) {
            this(tracks, rate, cotClients, browserClients, feeders, tak, tls, warmupSeconds, durationSeconds, false);
        }
    }

    /** The detail elements an ATAK client sends with its position (team, contact and chat endpoint, version, battery, GPS, remarks). */
    static final String ATAK_DETAIL = "<__group name=\"Cyan\" role=\"Team Member\"/><contact endpoint=\"*:-1:stcp\"/>"
            + "<takv device=\"SAMSUNG SM-G781U\" platform=\"ATAK-CIV\" os=\"33\" version=\"4.10.0.7\"/><status battery=\"88\"/>"
            + "<precisionlocation geopointsrc=\"GPS\" altsrc=\"GPS\"/><remarks>on patrol north of the harbour</remarks>";

    private static final String[] READERS = {"USA/SECRET", "JPN/SECRET", "AUS/SECRET", "USA/CONFIDENTIAL", "GBR/SECRET"};
    private static final String[][] LABELS = {
            {"SECRET", null, "REL TO USA, JPN"},
            {"SECRET", null, "REL TO USA, AUS, JPN"},
            {"SECRET", "NOFORN", null},
            {"CONFIDENTIAL", null, "REL TO USA, AUS, GBR, JPN"},
    };
    private static final int BUCKET_US = 100, BUCKETS = 50_000; // 0 .. 5 s in 0.1 ms steps

    private final Settings settings;
    private final long[] sentMs;
    private final long[] sentNanos;
    private final AtomicLongArray histogram = new AtomicLongArray(BUCKETS + 1);
    private final AtomicLong cotDeliveries = new AtomicLong(), browserDeliveries = new AtomicLong(), browserBytes = new AtomicLong();
    /** CoT deliveries that arrived with the team colour and the remarks the feeder sent (with {@code --details}). */
    private final AtomicLong cotWithDetails = new AtomicLong();
    private volatile boolean measuring, running = true;

    public FanoutBench(Settings settings) {
        this.settings = settings;
        sentMs = new long[settings.tracks() * 4];
        sentNanos = new long[settings.tracks() * 4];
    }

    /** Runs the warm-up and the measured seconds; answers the figures as one JSON object. */
    public String run() throws Exception {
        int tracks = settings.tracks(), cotClients = settings.cotClients(), browserClients = settings.browserClients();
        double rate = settings.rate();
        boolean tak = settings.tak(), tls = settings.tls();
        // the connection log lines of hundreds of clients would drown the figures
        if (org.slf4j.LoggerFactory.getLogger("org.kizuna") instanceof ch.qos.logback.classic.Logger l) l.setLevel(ch.qos.logback.classic.Level.WARN);
        LabelKernel kernel = LabelKernel.standard().forNode("USA", "TOP SECRET");
        try (LivePicture picture = new LivePicture(kernel, new SensorCatalog(), "USA")) {
            // Plain: one listener per reader (its connections' reader). TLS: one mutual-TLS listener, and
            // the clients' certificates (issued by a throw-away CA) say who they are, as on a node.
            List<CotServer> servers = new ArrayList<>();
            NodePki pki = null;
            javax.net.ssl.SSLContext[] clientTls = new javax.net.ssl.SSLContext[READERS.length];
            if (tls) {
                java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kizuna-bench-pki");
                pki = NodePki.loadOrCreate(dir, "USA");
                for (int r = 0; r < READERS.length; r++) {
                    String[] nr = READERS[r].split("/", -1);
                    clientTls[r] = pki.clientContext(pki.issueClient("bench-" + r, nr[0], nr[1]));
                }
                // the clients are users the bench's node knows (an unknown certificate would read UNCLASSIFIED only)
                java.util.function.Function<String, java.util.Optional<CotIdentities.KnownUser>> users = name -> {
                    if (!name.startsWith("bench-")) return java.util.Optional.empty();
                    String[] nr = READERS[Integer.parseInt(name.substring(6))].split("/", -1);
                    return java.util.Optional.of(new CotIdentities.KnownUser(nr[0], nr[1], Set.of()));
                };
                CotSettings s = new CotSettings(0, 0, CotIdentities.of("bench-feed", "USA", "SECRET", Set.of()),
                        CotIdentities.fromCertificates(users), 1_000_000, 64, 10_000);
                CotServer server = new CotServer(picture, s, pki).start();
                for (int r = 0; r < READERS.length; r++) servers.add(server);
            } else {
                for (String r : READERS) {
                    String[] nr = r.split("/", -1);
                    CotSettings s = new CotSettings(0, -1, CotIdentities.of("bench-" + nr[0].toLowerCase(Locale.ROOT), nr[0], nr[1], Set.of()),
                            cert -> {
                                throw new IllegalStateException("no TLS in this run");
                            }, 1_000_000, 64, 10_000);
                    servers.add(new CotServer(picture, s, null).start());
                }
            }
            List<Socket> sockets = new ArrayList<>();
            List<AutoCloseable> subscriptions = new ArrayList<>();
            int[] perReader = new int[READERS.length];
            for (int i = 0; i < cotClients; i++) {
                int r = i % READERS.length;
                perReader[r]++;
                Socket sock;
                if (tls) {
                    javax.net.ssl.SSLSocket ssl = (javax.net.ssl.SSLSocket) clientTls[r].getSocketFactory().createSocket("localhost", servers.get(r).tlsPort());
                    ssl.startHandshake();
                    sock = ssl;
                } else {
                    sock = new Socket("localhost", servers.get(r).tcpPort());
                }
                sock.setTcpNoDelay(true);
                sockets.add(sock);
                Thread.ofVirtual().start(() -> receive(sock, tak));
            }
            for (int i = 0; i < browserClients; i++) {
                int r = i % READERS.length;
                subscriptions.add(picture.subscribe(org.kizuna.label.Reader.parse(READERS[r]), browser()));
            }
            Thread.sleep(1000);
            List<Thread> feederThreads = new ArrayList<>();
            for (int f = 0; f < settings.feeders(); f++) {
                Socket sock = new Socket("localhost", servers.get(0).tcpPort());
                sock.setTcpNoDelay(true);
                sockets.add(sock);
                int first = f;
                feederThreads.add(Thread.ofPlatform().daemon(true).start(() -> feed(sock, first)));
            }
            Thread.sleep(settings.warmupSeconds() * 1000L);
            long cpuBefore = cpuNanos();
            long cot0 = cotDeliveries.get(), br0 = browserDeliveries.get();
            measuring = true;
            long t0 = System.nanoTime();
            Thread.sleep(settings.durationSeconds() * 1000L);
            measuring = false;
            double seconds = (System.nanoTime() - t0) / 1e9;
            long cot = cotDeliveries.get() - cot0, br = browserDeliveries.get() - br0;
            long cpuUsed = cpuNanos() - cpuBefore;
            running = false;
            for (Thread t : feederThreads) t.join(2000);
            for (Socket s : sockets) s.close();
            for (AutoCloseable c : subscriptions) c.close();
            long rejected = 0;
            for (CotServer s : new java.util.LinkedHashSet<>(servers)) {
                rejected += s.rejectedEvents();
                s.close();
            }
            // deliveries each reader should get: tracks whose label it may read
            double expected = 0;
            for (int r = 0; r < READERS.length; r++) {
                int visible = 0;
                for (int t = 0; t < tracks; t++) {
                    String[] l = LABELS[t % LABELS.length];
                    if (kernel.mayRead(org.kizuna.label.Label.fromCot(l[0], l[1], l[2]), org.kizuna.label.Reader.parse(READERS[r]))) visible++;
                }
                int clients = perReader[r] + (browserClients / READERS.length + (r < browserClients % READERS.length ? 1 : 0));
                expected += visible * rate * clients;
            }
            return json(seconds, cot, br, expected, rejected, cpuUsed);
        }
    }

    private Subscriber browser() {
        // like the SSE endpoint: the picture thread only queues; the stream's own thread encodes and sends
        java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
        return (Frame f) -> writer.execute(() -> {
            if (f.replay()) return;
            // what the SSE endpoint does per frame: one JSON payload shared by the browsers of an audience
            String payload = StreamPayload.of(f);
            browserBytes.addAndGet(payload.length());
            long now = System.nanoTime();
            for (int i = 0; i < f.count(); i++) {
                record(f.tracks()[i].uid, f.tracks()[i].timeMs, now);
            }
            browserDeliveries.addAndGet(f.count());
        });
    }

    private void feed(Socket sock, int feeder) {
        try {
            OutputStream out = sock.getOutputStream();
            CotXmlWriter writer = new CotXmlWriter();
            int tracks = settings.tracks(), feeders = settings.feeders();
            long periodNanos = (long) (1e9 / settings.rate());
            int slices = 100;
            long start = System.nanoTime();
            long round = 0;
            while (running) {
                for (int s = 0; s < slices && running; s++) {
                    long due = start + round * periodNanos + s * periodNanos / slices;
                    long wait = due - System.nanoTime();
                    if (wait > 0) LockSupport.parkNanos(wait);
                    for (int t = feeder + s * feeders; t < tracks; t += feeders * slices) {
                        long nowMs = System.currentTimeMillis();
                        String[] l = LABELS[t % LABELS.length];
                        double a = (round + t) * 0.001;
                        CotEvent e = new CotEvent("BENCH-" + t, "a-h-A-M-F", "m-g", nowMs, nowMs, nowMs + 10_000,
                                25 + (t % 100) * 0.15 + Math.sin(a) * 0.01, 125 + Math.floorDiv(t, 100) * 0.7 + Math.cos(a) * 0.01, 9000, 50, 50,
                                l[0], l[1], l[2], 220, 45, null, null);
                        if (settings.details()) e = e.withDetail(ATAK_DETAIL);
                        int k = t * 4 + (int) (round & 3);
                        sentMs[k] = nowMs;
                        sentNanos[k] = System.nanoTime();
                        out.write(writer.write(e));
                    }
                    out.flush();
                }
                round++;
            }
        } catch (IOException e) {
            if (running) System.err.println("feeder " + feeder + ": " + e.getMessage());
        }
    }

    private void receive(Socket sock, boolean tak) {
        CotStreamDecoder decoder = new CotStreamDecoder();
        try {
            InputStream in = sock.getInputStream();
            OutputStream out = sock.getOutputStream();
            boolean[] asked = {false};
            while (decoder.fill(in) >= 0) {
                CotReads.each(decoder, e -> {
                    if (e.type().equals("t-x-takp-v") && tak && !asked[0]) {
                        asked[0] = true;
                        askForTak(out);
                    } else if (e.type().equals("t-x-takp-r")) {
                        decoder.switchTo(CotStreamDecoder.Mode.TAK);
                    } else if (e.uid().startsWith("BENCH-")) {
                        record(e.uid(), e.timeMs(), System.nanoTime());
                        cotDeliveries.incrementAndGet();
                        String d = e.detail();
                        if (d != null && d.contains("__group") && d.contains("on patrol north of the harbour")) cotWithDetails.incrementAndGet();
                    }
                });
            }
        } catch (IOException | UncheckedIOException closed) {
            // the bench is over
        }
    }

    private static void askForTak(OutputStream out) {
        try {
            out.write(new CotXmlWriter().write(CotXmlWriter.versionRequest(System.currentTimeMillis(), 1)));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void record(String uid, long timeMs, long nowNanos) {
        if (!measuring) return;
        int t = Integer.parseInt(uid, 6, uid.length(), 10);
        for (int k = t * 4; k < t * 4 + 4; k++) {
            if (sentMs[k] == timeMs) {
                long us = (nowNanos - sentNanos[k]) / 1000;
                histogram.incrementAndGet((int) Math.min(BUCKETS, Math.max(0, us / BUCKET_US)));
                return;
            }
        }
    }

    private double percentile(double p) {
        long total = 0;
        for (int i = 0; i <= BUCKETS; i++) total += histogram.get(i);
        if (total == 0) return Double.NaN;
        long rank = (long) Math.ceil(p * total), seen = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            seen += histogram.get(i);
            if (seen >= rank) return (i + 1) * BUCKET_US / 1000.0;
        }
        return Double.POSITIVE_INFINITY;
    }

    private static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private String json(double seconds, long cot, long browser, double expected, long rejected, long cpu) {
        long samples = 0;
        for (int i = 0; i <= BUCKETS; i++) samples += histogram.get(i);
        return String.format(Locale.ROOT,
                "{\"bench\":\"fanout\",\"tracks\":%d,\"rateHz\":%.2f,\"cotClients\":%d,\"browserClients\":%d,\"readers\":%d,\"protocol\":\"%s\",\"tls\":%s,\"details\":%s,\"cotDeliveriesWithDetails\":%d,"
                        + "\"seconds\":%.1f,\"deliveriesPerSecond\":%.0f,\"cotDeliveriesPerSecond\":%.0f,\"browserDeliveriesPerSecond\":%.0f,"
                        + "\"expectedDeliveriesPerSecond\":%.0f,\"deliveredFraction\":%.4f,\"latencySamples\":%d,"
                        + "\"latencyP50Ms\":%.1f,\"latencyP99Ms\":%.1f,\"latencyP999Ms\":%.1f,\"rejectedEvents\":%d,"
                        + "\"processCpuCores\":%.2f,\"availableProcessors\":%d}",
                settings.tracks(), settings.rate(), settings.cotClients(), settings.browserClients(), READERS.length,
                settings.tak() ? "tak" : "xml", settings.tls(), settings.details(), cotWithDetails.get(), seconds, (cot + browser) / seconds, cot / seconds,
                browser / seconds, expected, (cot + browser) / seconds / expected, samples, percentile(0.50), percentile(0.99),
                percentile(0.999), rejected, cpu / 1e9 / seconds, Runtime.getRuntime().availableProcessors());
    }
}
