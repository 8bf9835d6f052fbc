package org.kizuna.picture.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.kizuna.label.LabelKernel;
import org.kizuna.node.NodePki;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.internal.cot.CotStreamDecoder;
import org.kizuna.picture.internal.cot.CotXmlWriter;
import org.kizuna.picture.internal.cot.TakCodec;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.ingest.CotIdentities;
import org.kizuna.picture.internal.ingest.CotServer;
import org.kizuna.picture.internal.ingest.CotSettings;
import org.kizuna.picture.internal.sensors.SensorCatalog;

/**
 * {@code ./kizuna bench fanout --idle-clients N --ping-seconds S}: what connected TAK clients that only keep their
 * connection alive cost the node. The node part (the {@link LivePicture} and its mutual-TLS CoT listener, wired by
 * hand as in {@link FanoutBench}, with no tracks) runs in this process; the {@code N} clients run in a child JVM
 * (this class's {@link #main}), each with a certificate of the node's CA naming one of five readers, each sending a
 * {@code t-x-c-t} ping every {@code S} seconds (spread evenly over the period) and counting the {@code t-x-c-t-r}
 * answers. The node's CPU is this process's CPU time over the measured window, so the clients' work (handshakes,
 * TLS, decoding) is not in it; the child's CPU over the same window is reported beside it. A baseline window with no
 * client connected (after a warm-up, at most 10 s) comes first, so the clients' share can be told from the idle
 * node's own ticking.
 */
public final class IdleClientsBench {

    /** The lines the child writes on its standard output for the parent (logging may write other lines). */
    static final String CONNECTED = "IDLE-BENCH CONNECTED ", RESULT = "IDLE-BENCH RESULT ";
    private static final String[] READERS = {"USA/SECRET", "JPN/SECRET", "AUS/SECRET", "USA/CONFIDENTIAL", "GBR/SECRET"};

    /** How many clients, how often each pings, whether they speak TAK protocol 1 (else XML), warm-up and measured seconds. */
    public record Settings(int clients, int pingSeconds, boolean tak, int warmupSeconds, int durationSeconds) {
    }

    private final Settings settings;

    public IdleClientsBench(Settings settings) {
        this.settings = settings;
    }

    /** Runs the baseline, connects the clients, runs the warm-up and the measured window; answers the figures as one JSON object. */
    public String run() throws Exception {
        if (org.slf4j.LoggerFactory.getLogger("org.kizuna") instanceof ch.qos.logback.classic.Logger l) l.setLevel(ch.qos.logback.classic.Level.WARN);
        LabelKernel kernel = LabelKernel.standard().forNode("USA", "TOP SECRET");
        Path pkiDir = Files.createTempDirectory("kizuna-bench-idle-pki");
        NodePki pki = NodePki.loadOrCreate(pkiDir, "USA");
        java.util.function.Function<String, Optional<CotIdentities.KnownUser>> users = name -> {
            if (!name.startsWith("bench-")) return Optional.empty();
            String[] nr = READERS[Integer.parseInt(name.substring(6))].split("/", -1);
            return Optional.of(new CotIdentities.KnownUser(nr[0], nr[1], Set.of()));
        };
        int cap = Math.max(100, settings.clients() + 10);
        CotSettings s = new CotSettings(-1, 0, CotIdentities.of("bench-feed", "USA", "SECRET", Set.of()), CotIdentities.fromCertificates(users), 1_000, 64,
                cap);
        try (LivePicture picture = new LivePicture(kernel, new SensorCatalog(), "USA"); CotServer server = new CotServer(picture, s, pki).start()) {
            // the baseline: the node with no client, after the same warm-up (start-up's compilation is not in it)
            LockSupport.parkNanos(Duration.ofSeconds(settings.warmupSeconds()).toNanos());
            int baselineSeconds = Math.max(1, Math.min(settings.durationSeconds(), 10));
            long cpu0 = cpuNanos(), t0 = System.nanoTime();
            LockSupport.parkNanos(Duration.ofSeconds(baselineSeconds).toNanos());
            double baseline = (cpuNanos() - cpu0) / (double) (System.nanoTime() - t0);

            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                    System.getProperty("java.class.path"), IdleClientsBench.class.getName(), pkiDir.toString(), Integer.toString(server.tlsPort()),
                    Integer.toString(settings.clients()), Integer.toString(settings.pingSeconds()), Boolean.toString(settings.tak())));
            Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                String connectedLine = line(out, CONNECTED);
                int connected = Integer.parseInt(connectedLine.substring(CONNECTED.length()).strip());
                LockSupport.parkNanos(Duration.ofSeconds(settings.warmupSeconds()).toNanos());
                int open = server.openConnections().getOrDefault(CotServer.TLS, 0);
                long cpuBefore = cpuNanos(), childBefore = childCpu(child), start = System.nanoTime();
                LockSupport.parkNanos(Duration.ofSeconds(settings.durationSeconds()).toNanos());
                long nanos = System.nanoTime() - start;
                long cpuUsed = cpuNanos() - cpuBefore, childUsed = childCpu(child) - childBefore;
                int openAfter = server.openConnections().getOrDefault(CotServer.TLS, 0);
                try (PrintStream in = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8)) {
                    in.println("STOP");
                }
                String result = line(out, RESULT).substring(RESULT.length()).strip();
                child.waitFor(30, TimeUnit.SECONDS);
                double seconds = nanos / 1e9, cores = cpuUsed / (double) nanos;
                return String.format(Locale.ROOT,
                        "{\"bench\":\"fanout-idle\",\"idleClients\":%d,\"pingSeconds\":%d,\"protocol\":\"%s\",\"tls\":true,\"connected\":%d,"
                                + "\"openConnections\":%d,\"openConnectionsAfter\":%d,\"seconds\":%.1f,\"pingsPerSecond\":%.1f,"
                                + "\"nodeCpuCores\":%.4f,\"nodeCpuPercentOfCore\":%.2f,\"baselineCpuCores\":%.4f,\"clientsShareCpuCores\":%.4f,"
                                + "\"clientProcessCpuCores\":%.4f,\"clients\":%s,\"availableProcessors\":%d}",
                        settings.clients(), settings.pingSeconds(), settings.tak() ? "tak" : "xml", connected, open, openAfter, seconds,
                        settings.clients() / (double) settings.pingSeconds(), cores, cores * 100, baseline, cores - baseline,
                        childUsed < 0 ? -1.0 : childUsed / (double) nanos, result, Runtime.getRuntime().availableProcessors());
            } finally {
                if (child.isAlive()) child.destroyForcibly();
                deleteQuietly(pkiDir);
            }
        }
    }

    /** The first line of the child that starts with {@code prefix}; the child's other lines (its logging) are skipped. */
    private static String line(BufferedReader out, String prefix) throws IOException {
        for (String l = out.readLine(); l != null; l = out.readLine()) {
            if (l.startsWith(prefix)) return l;
        }
        throw new IOException("the clients' process ended before it said '" + prefix.strip() + "'");
    }

    private static long childCpu(Process child) {
        return child.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    private static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }

    // ------------------------------------------------------------------ the clients' process

    /**
     * The clients: {@code PKI_DIR PORT CLIENTS PING_SECONDS TAK}. Connects every client (certificates issued here by
     * the node's CA in {@code PKI_DIR}), says {@value #CONNECTED}N, pings until a line {@code STOP} arrives on standard
     * input, waits (up to 15 s) for the answers to the pings sent, says {@value #RESULT} with its counts and ends.
     */
    public static void main(String[] args) throws Exception {
        if (org.slf4j.LoggerFactory.getLogger("org.kizuna") instanceof ch.qos.logback.classic.Logger l) l.setLevel(ch.qos.logback.classic.Level.WARN);
        Path pkiDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]), clients = Integer.parseInt(args[2]), pingSeconds = Integer.parseInt(args[3]);
        boolean tak = Boolean.parseBoolean(args[4]);
        NodePki pki = NodePki.loadOrCreate(pkiDir, "USA");
        SSLContext[] contexts = new SSLContext[READERS.length];
        for (int r = 0; r < READERS.length; r++) {
            String[] nr = READERS[r].split("/", -1);
            contexts[r] = pki.clientContext(pki.issueClient("bench-" + r, nr[0], nr[1]));
        }
        AtomicLong pings = new AtomicLong(), pongs = new AtomicLong();
        List<Client> all = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < clients; i++) {
            try {
                Client c = new Client(i, (SSLSocket) contexts[i % READERS.length].getSocketFactory().createSocket("localhost", port), tak, pongs);
                all.add(c);
            } catch (IOException e) {
                failed++;
            }
        }
        System.out.println(CONNECTED + all.size());
        System.out.flush();
        long period = Duration.ofSeconds(pingSeconds).toNanos(), start = System.nanoTime();
        List<Thread> pingers = new ArrayList<>();
        for (Client c : all) {
            // spread evenly over the period, as a thousand devices that connected at different times would be
            long offset = period * c.index / Math.max(1, all.size());
            pingers.add(Thread.ofVirtual().start(() -> {
                for (long k = 0; !c.stopped; k++) {
                    long wait = start + offset + k * period - System.nanoTime();
                    if (wait > 0) LockSupport.parkNanos(wait);
                    if (c.stopped) break;
                    // over TAK protocol 1, only once the node has switched the connection (no XML after the request)
                    if ((!c.tak || c.takOut) && c.ping()) pings.incrementAndGet();
                }
            }));
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String l = in.readLine(); l != null && !l.strip().equals("STOP"); l = in.readLine()) {
            // wait for the parent
        }
        for (Client c : all) c.stopped = true;
        for (Thread t : pingers) {
            LockSupport.unpark(t);
            t.join(2000);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (pongs.get() < pings.get() && System.nanoTime() < deadline) LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        long open = all.stream().filter(c -> !c.closed).count();
        System.out.println(RESULT + String.format(Locale.ROOT, "{\"connected\":%d,\"failedConnections\":%d,\"openAtEnd\":%d,\"pingsSent\":%d,"
                + "\"pongsReceived\":%d,\"unanswered\":%d}", all.size(), failed, open, pings.get(), pongs.get(), Math.max(0, pings.get() - pongs.get())));
        System.out.flush();
        for (Client c : all) c.close();
        System.exit(0);
    }

    /** One idle client: a mutual-TLS CoT connection that pings and counts the answers. */
    private static final class Client {
        final int index;
        final SSLSocket socket;
        final boolean tak;
        final AtomicLong pongs;
        final ReentrantLock writing = new ReentrantLock();
        final OutputStream out;
        final String uid;
        volatile boolean takOut, stopped, closed;

        Client(int index, SSLSocket socket, boolean tak, AtomicLong pongs) throws IOException {
            this.index = index;
            this.socket = socket;
            this.tak = tak;
            this.pongs = pongs;
            this.uid = "BENCH-IDLE-" + index;
            socket.startHandshake();
            this.out = socket.getOutputStream();
            Thread.ofVirtual().start(this::read);
        }

        /** Sends one ping; false when the connection is gone. */
        boolean ping() {
            long now = System.currentTimeMillis();
            CotEvent e = new CotEvent(uid + "-ping", "t-x-c-t", "h-g-i-g-o", now, now, now + 20_000, 0, 0, 0, CotEvent.UNKNOWN, CotEvent.UNKNOWN,
                    null, null, null, Double.NaN, Double.NaN, null, null);
            return write(takOut ? TakCodec.frame(e) : new CotXmlWriter().write(e));
        }

        private boolean write(byte[] bytes) {
            writing.lock();
            try {
                out.write(bytes);
                out.flush();
                return true;
            } catch (IOException gone) {
                closed = true;
                return false;
            } finally {
                writing.unlock();
            }
        }

        private void read() {
            CotStreamDecoder decoder = new CotStreamDecoder();
            try {
                InputStream in = socket.getInputStream();
                boolean[] asked = {false};
                while (decoder.fill(in) >= 0) {
                    CotReads.each(decoder, e -> {
                        if (e.type().equals("t-x-takp-v") && tak && !asked[0]) {
                            asked[0] = true;
                            write(new CotXmlWriter().write(CotXmlWriter.versionRequest(System.currentTimeMillis(), 1)));
                        } else if (e.type().equals("t-x-takp-r")) {
                            decoder.switchTo(CotStreamDecoder.Mode.TAK);
                            takOut = true;
                        } else if (e.type().equals("t-x-c-t-r")) {
                            pongs.incrementAndGet();
                        }
                    });
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // closed
            }
            closed = true;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // ending anyway
            }
        }
    }
}
