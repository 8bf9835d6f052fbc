package org.kizuna.picture.bench.abuse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.kizuna.node.NodePki;
import org.kizuna.picture.CotEvent;

/**
 * The legitimate side of {@code ./kizuna bench abuse}: CoT clients over mutual TLS with certificates the
 * node's own CA issued for demo users, each sending its own position once a second ({@code usa.officer},
 * labelled {@code SECRET//REL TO USA, JPN}, the send's sequence number in the callsign) and receiving
 * the picture; a receiving TAK client ({@code jpn.officer}, TAK protocol 1 after negotiation); a browser
 * signed in through the login form as {@code usa.officer} that reads the SSE stream; and a health
 * probe. Latency is from a send to its first arrival at each receiver, kept per phase (quiet, abuse) in
 * fixed-size histograms; the send times sit in a ring per sender, so memory does not grow with time.
 */
public final class LegitimateClients implements AutoCloseable {

    public static final String SENDER = "usa.officer", COT_RECEIVER = "jpn.officer", BROWSER = "usa.officer";
    public static final List<String> RECEIVERS = List.of("cot", "browser");
    private static final int RING = 256;
    private static final Pattern CALLSIGN = Pattern.compile("\"callsign\":\"LEGIT-(\\d+)-(\\d+)\"");

    /**
     * Delivery figures of one receiver in one phase. A delivery whose way overlapped one of the harness's
     * own full GCs (the heap samples) is counted but not timed: that pause is the harness's, not the node's.
     */
    public static final class Delivery {
        public final LatencyHistogram latency = new LatencyHistogram();
        public final AtomicLong delivered = new AtomicLong(), untimedHarnessGc = new AtomicLong();
    }

    /** Health probes of one phase. */
    public static final class Health {
        public final AtomicLong checks = new AtomicLong(), up = new AtomicLong(), notUp = new AtomicLong(), failed = new AtomicLong(), maxMs = new AtomicLong();
    }

    private final NodeGauges node;
    private final Clock clock;
    private final Outcomes outcomes;
    private final int senders;
    private final AtomicLongArray sentSeq, sentNanos;
    private final AtomicIntegerArray sentPhase;
    /** [phase][receiver] */
    public final Delivery[][] deliveries;
    public final AtomicLong[] sent;
    public final Health[] health;
    public final AtomicLong cotEventsToSenders = new AtomicLong(), browserFrames = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    /** The CoT connections opened (closed ones are let go when another opens) and the browser's current stream. */
    private final List<CotPeer> peers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile @Nullable InputStream stream;
    private volatile boolean running = true;
    /** The TAK receiver's current connection, to which it sends its own position now and then, as TAK clients do. */
    private final java.util.concurrent.atomic.AtomicReference<CotPeer> receiverPeer = new java.util.concurrent.atomic.AtomicReference<>();
    private volatile String lastHealth = "none yet";
    private final AtomicLongArray pauses = new AtomicLongArray(16); // the last 8 harness GCs: start, end
    private int pauseCount;
    private @Nullable HttpClient browserClient;

    public LegitimateClients(NodeGauges node, Clock clock, Outcomes outcomes, int senders) {
        this.node = node;
        this.clock = clock;
        this.outcomes = outcomes;
        this.senders = senders;
        this.sentSeq = new AtomicLongArray(senders * RING);
        this.sentNanos = new AtomicLongArray(senders * RING);
        this.sentPhase = new AtomicIntegerArray(senders * RING);
        int phases = Clock.Phase.values().length;
        deliveries = new Delivery[phases][RECEIVERS.size()];
        sent = new AtomicLong[phases];
        health = new Health[phases];
        for (int p = 0; p < phases; p++) {
            for (int r = 0; r < RECEIVERS.size(); r++) deliveries[p][r] = new Delivery();
            sent[p] = new AtomicLong();
            health[p] = new Health();
        }
        for (int i = 0; i < senders * RING; i++) sentSeq.set(i, -1);
    }

    /** Connects every legitimate client; throws (having closed what it opened) if one cannot connect, since the figures would mean nothing. */
    public LegitimateClients start() throws Exception {
        try {
            connectAll();
            return this;
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private void connectAll() throws Exception {
        NodePki pki = node.pki();
        SSLContext senderTls = pki.clientContext(pki.issueClient(SENDER, "USA", "SECRET"));
        SSLContext receiverTls = pki.clientContext(pki.issueClient(COT_RECEIVER, "JPN", "SECRET"));
        String base = "http://127.0.0.1:" + node.httpPort();
        // receivers first, so that they see the first sends
        CotPeer receiver = connectTls(receiverTls, true, e -> received(0, e.uid(), e.callsign()));
        receiver.negotiateTak(10_000);
        receiverPeer.set(receiver);
        watch("cot-receiver", () -> {
            CotPeer p = connectTls(receiverTls, true, e -> received(0, e.uid(), e.callsign()));
            p.negotiateTak(10_000);
            receiverPeer.set(p);
            return p;
        }, receiver);
        spawn("receiver-position", this::receiverPosition);
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        browserClient = browser;
        String login = AbuseTraffic.formLogin(browser, base, BROWSER, AbuseTraffic.DEMO_PASSWORD);
        if (!login.equals("SIGNED-IN")) throw new IllegalStateException("the browser client could not sign in as " + BROWSER + ": " + login);
        spawn("browser", () -> browse(browser, base));
        for (int s = 0; s < senders; s++) {
            int i = s;
            CotPeer peer = connectTls(senderTls, false, e -> cotEventsToSenders.incrementAndGet());
            spawn("sender-" + s, () -> send(i, peer, senderTls));
        }
        spawn("health", () -> probeHealth(base));
    }

    private CotPeer connectTls(SSLContext tls, boolean negotiate, java.util.function.Consumer<CotEvent> onEvent) throws IOException {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket();
        s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), node.cotTlsPort()), 5000);
        s.setSoTimeout(10_000);
        s.startHandshake();
        s.setSoTimeout(0);
        CotPeer p = CotPeer.on(s, negotiate, onEvent);
        peers.removeIf(x -> !x.isOpen());
        peers.add(p);
        return p;
    }

    @FunctionalInterface
    private interface Connect {
        CotPeer connect() throws Exception;
    }

    /** Reconnects a receiver the node dropped (counted: a legitimate client should never be dropped). */
    private void watch(String name, Connect again, CotPeer first) {
        spawn("watch-" + name, () -> {
            CotPeer p = first;
            while (running) {
                LockSupport.parkNanos(200_000_000L);
                if (p.isOpen() || !running) continue;
                outcomes.add("legit." + name + ".droppedByNode");
                try {
                    p = again.connect();
                } catch (Exception e) {
                    outcomes.add("legit." + name + ".reconnectFailed");
                }
            }
        });
    }

    /**
     * The TAK receiver reports its own position every 30 s, as a TAK client does; a client that sends
     * nothing at all is closed by the node's idle timeout, legitimate or not.
     */
    private void receiverPosition() {
        long next = System.nanoTime();
        while (running) {
            LockSupport.parkNanos(200_000_000L);
            if (System.nanoTime() < next) continue;
            next = System.nanoTime() + 30_000_000_000L;
            CotPeer p = receiverPeer.get();
            if (p == null || !p.isOpen()) continue;
            long now = System.currentTimeMillis();
            try {
                p.send(new CotEvent("JPN-WATCH", "a-f-G-U-C", "m-g", now, now, now + 60_000, 35.2, 139.2, 10, 5, 5,
                        "SECRET", null, "REL TO USA, JPN", 0, 0, "JPN-WATCH", null), true);
            } catch (IOException e) {
                outcomes.add("legit.cot-receiver.positionNotSent");
            }
        }
    }

    // ------------------------------------------------------------------ senders

    private void send(int sender, CotPeer first, SSLContext tls) {
        CotPeer peer = first;
        long period = 1_000_000_000L, next = System.nanoTime() + period * sender / Math.max(1, senders);
        for (long seq = 0; running; seq++) {
            long wait = next - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            next += period;
            if (!running) return;
            if (!peer.isOpen()) {
                outcomes.add("legit.cot-sender.droppedByNode");
                try {
                    peer = connectTls(tls, false, e -> cotEventsToSenders.incrementAndGet());
                } catch (IOException e) {
                    outcomes.add("legit.cot-sender.reconnectFailed");
                    continue;
                }
            }
            long now = System.currentTimeMillis();
            double a = seq * 0.01 + sender;
            CotEvent e = new CotEvent("LEGIT-" + sender, "a-f-G-U-C", "m-g", now, now, now + 10_000,
                    35.0 + 0.01 * Math.sin(a), 139.0 + 0.01 * Math.cos(a), 10, 5, 5, "SECRET", null, "REL TO USA, JPN",
                    1.5, (seq * 3) % 360, "LEGIT-" + sender + "-" + seq, null);
            int slot = sender * RING + (int) (seq % RING);
            Clock.Phase phase = clock.phase();
            sentPhase.set(slot, phase.ordinal());
            sentNanos.set(slot, System.nanoTime());
            sentSeq.set(slot, seq);
            sent[phase.ordinal()].incrementAndGet();
            try {
                peer.send(e, true);
            } catch (IOException x) {
                outcomes.add("legit.cot-sender.writeFailed");
            }
        }
    }

    /** A receiver saw a legitimate track version: the first arrival of each send is one delivery. */
    private final long[][] lastSeen = new long[RECEIVERS.size()][];

    private void received(int receiver, String uid, @Nullable String callsign) {
        if (callsign == null || !uid.startsWith("LEGIT-") || !callsign.startsWith("LEGIT-")) return;
        int dash = callsign.lastIndexOf('-');
        try {
            arrived(receiver, Integer.parseInt(callsign, 6, dash, 10), Long.parseLong(callsign, dash + 1, callsign.length(), 10));
        } catch (NumberFormatException ignored) {
            // not one of ours
        }
    }

    private void arrived(int receiver, int sender, long seq) {
        long now = System.nanoTime();
        if (sender < 0 || sender >= senders) return;
        long[] last;
        synchronized (lastSeen) {
            if (lastSeen[receiver] == null) {
                lastSeen[receiver] = new long[senders];
                java.util.Arrays.fill(lastSeen[receiver], -1);
            }
            last = lastSeen[receiver];
        }
        synchronized (last) {
            if (seq <= last[sender]) return;
            last[sender] = seq;
        }
        int slot = sender * RING + (int) (seq % RING);
        if (sentSeq.get(slot) != seq) return; // older than the ring: too late to time
        Delivery d = deliveries[sentPhase.get(slot)][receiver];
        long sentAt = sentNanos.get(slot);
        d.delivered.incrementAndGet();
        if (overlapsHarnessGc(sentAt, now)) d.untimedHarnessGc.incrementAndGet();
        else d.latency.record(now - sentAt);
    }

    /** The harness is about to stop the world for a heap sample ({@code end} = 0) or has just done so. */
    public synchronized void harnessGc(long startNanos, long endNanos) {
        if (endNanos == 0) {
            int i = pauseCount++ % 8;
            pauses.set(2 * i + 1, Long.MAX_VALUE); // open until it ends
            pauses.set(2 * i, startNanos);
        } else {
            pauses.set(2 * ((pauseCount - 1) % 8) + 1, endNanos);
        }
    }

    private boolean overlapsHarnessGc(long from, long to) {
        for (int i = 0; i < 8; i++) {
            long start = pauses.get(2 * i), end = pauses.get(2 * i + 1);
            if (end != 0 && from <= end && to >= start) return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ browser

    /** Reads the SSE stream as the console's map does; reconnects (signing in again if needed) when it ends. */
    private void browse(HttpClient client, String base) {
        while (running) {
            try {
                HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/picture/stream"))
                        .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() == 401) {
                    r.body().close();
                    outcomes.add("legit.browser.signedOut");
                    String login = AbuseTraffic.formLogin(client, base, BROWSER, AbuseTraffic.DEMO_PASSWORD);
                    if (!login.equals("SIGNED-IN")) outcomes.add("legit.browser.signInFailed:" + login);
                    LockSupport.parkNanos(1_000_000_000L);
                    continue;
                }
                if (r.statusCode() != 200) {
                    r.body().close();
                    outcomes.add("legit.browser.stream" + r.statusCode());
                    LockSupport.parkNanos(1_000_000_000L);
                    continue;
                }
                stream = r.body();
                try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while (running && (line = in.readLine()) != null) {
                        if (!line.startsWith("data:") || !line.contains("\"tracks\":[") || line.startsWith("data:{\"replay\":true")) continue;
                        browserFrames.incrementAndGet();
                        if (!line.contains("LEGIT-")) continue;
                        Matcher m = CALLSIGN.matcher(line);
                        while (m.find()) arrived(1, Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
                    }
                }
                if (running) outcomes.add("legit.browser.streamEnded");
            } catch (IOException e) {
                if (running) {
                    outcomes.add("legit.browser.streamFailed");
                    LockSupport.parkNanos(1_000_000_000L);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    // ------------------------------------------------------------------ health

    private void probeHealth(String base) {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build()) {
            while (running) {
                Health h = health[clock.phase().ordinal()];
                long t0 = System.nanoTime();
                String state;
                try {
                    HttpResponse<String> r = client.send(
                            HttpRequest.newBuilder(URI.create(base + "/actuator/health")).timeout(Duration.ofSeconds(10)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    state = r.statusCode() == 200 && r.body().contains("\"status\":\"UP\"") ? "UP" : "status " + r.statusCode();
                } catch (IOException e) {
                    state = "failed: " + e.getClass().getSimpleName();
                } catch (InterruptedException e) {
                    return;
                }
                h.checks.incrementAndGet();
                h.maxMs.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                (state.equals("UP") ? h.up : state.startsWith("failed") ? h.failed : h.notUp).incrementAndGet();
                lastHealth = state;
                LockSupport.parkNanos(2_000_000_000L);
            }
        }
    }

    /** The last health answer. */
    public String lastHealth() {
        return lastHealth;
    }

    private void spawn(String name, Runnable r) {
        threads.add(Workers.start("legit-" + name, outcomes, "harness.legit-" + name, r));
    }

    @Override
    public void close() {
        running = false;
        if (browserClient != null) browserClient.shutdownNow(); // close() would wait for the endless stream
        for (CotPeer p : peers) p.close();
        InputStream s = stream;
        if (s != null) Workers.release(s);
        for (Thread t : threads) {
            try {
                t.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
