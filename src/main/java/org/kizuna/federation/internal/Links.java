package org.kizuna.federation.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.jspecify.annotations.Nullable;
import org.kizuna.federation.PeerObservations;
import org.kizuna.federation.PeerTracks;
import org.kizuna.federation.TrackExchange;
import org.kizuna.node.BackgroundThreads;
import org.kizuna.node.NodePki;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The links to the peers: the federation port (mutual TLS) where peers deliver their items, and one sender per
 * approved peer that delivers this node's outbox to it, resuming after the last sequence the peer says it applied.
 * Everything that goes wrong is logged and kept as the peer's last error, in words an operator can act on.
 */
class Links {

    private static final Logger log = LoggerFactory.getLogger(Links.class);
    private static final int CONNECT_TIMEOUT_MS = 5000;

    /** The health of the links with one peer. */
    static final class Health {
        volatile boolean outbound, inbound;
        volatile @Nullable String lastError;
        volatile @Nullable Instant lastErrorAt, connectedSince, loggedAt;
        volatile long sent;
    }

    private final FederationSettings settings;
    private final FederationTls tls;
    private final PeerBook peers;
    private final JdbcFederation store;
    private final Inbound inbound;
    private final String nation;
    private final Clock clock;
    private final Map<String, Health> health = new ConcurrentHashMap<>();
    private final Map<String, Sender> senders = new ConcurrentHashMap<>();
    private final Map<String, Socket> inboundSockets = new ConcurrentHashMap<>();
    private final Map<String, Object> applyLocks = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile int boundPort = -1;
    /** The newest batch of live tracks offered for each peer, and a number that grows with each offer. */
    private final Map<String, Offered> offeredTracks = new ConcurrentHashMap<>();
    private final AtomicLong trackOffers = new AtomicLong();
    private volatile Supplier<List<TrackExchange.Receiver>> trackReceivers = List::of;
    private volatile @Nullable List<TrackExchange.Receiver> receivers;

    private record Offered(PeerTracks batch, long number) {
    }

    /**
     * Observations queued for each peer, oldest first: at most {@link #OBSERVATION_BATCHES} batches (about a second of
     * them); past that the oldest is dropped (they are reports, not state: one dropped is a report the peer never
     * gets, as a missed detection, and one that old would reach the peer too late to be fused in its time anyway).
     */
    private final Map<String, java.util.ArrayDeque<PeerObservations>> offeredObservations = new ConcurrentHashMap<>();
    static final int OBSERVATION_BATCHES = 4;
    /** Observations dropped for each peer because its link was slow or down. */
    private final Map<String, AtomicLong> observationsDropped = new ConcurrentHashMap<>();
    private @Nullable SSLServerSocket server;
    private @Nullable Thread acceptor;

    Links(FederationSettings settings, FederationTls tls, PeerBook peers, JdbcFederation store, Inbound inbound, String nation, Clock clock) {
        this.settings = settings;
        this.tls = tls;
        this.peers = peers;
        this.store = store;
        this.inbound = inbound;
        this.nation = nation;
        this.clock = clock;
    }

    Health health(String peer) {
        return health.computeIfAbsent(peer, k -> new Health());
    }

    /** The port the federation listener is bound to, or -1. */
    int port() {
        return boundPort;
    }

    /** Who receives the batches of live tracks peers send (the picture). */
    void trackReceivers(Supplier<List<TrackExchange.Receiver>> receivers) {
        trackReceivers = receivers;
    }

    /** The newest tracks for a peer: replaces any batch for it not sent yet, and is sent at once when the link is up. */
    void offerTracks(PeerTracks batch) {
        offeredTracks.put(batch.to(), new Offered(batch, trackOffers.incrementAndGet()));
        Sender s = senders.get(batch.to());
        if (s != null) s.wake();
    }

    /** A batch of observations for a peer, sent after those queued before it; the oldest go when too many wait. */
    void offerObservations(PeerObservations batch) {
        java.util.ArrayDeque<PeerObservations> q = offeredObservations.computeIfAbsent(batch.to(), k -> new java.util.ArrayDeque<>());
        synchronized (q) {
            q.addLast(batch);
            while (q.size() > OBSERVATION_BATCHES) {
                observationsDropped.computeIfAbsent(batch.to(), k -> new AtomicLong()).addAndGet(q.removeFirst().observations().size());
            }
        }
        Sender s = senders.get(batch.to());
        if (s != null) s.wake();
    }

    /** Observations dropped for the peer since start because its link was slow or down. */
    long observationsDropped(String peer) {
        AtomicLong n = observationsDropped.get(peer);
        return n == null ? 0 : n.get();
    }

    private @Nullable PeerObservations nextObservations(String peer) {
        java.util.ArrayDeque<PeerObservations> q = offeredObservations.get(peer);
        if (q == null) return null;
        synchronized (q) {
            return q.pollFirst();
        }
    }

    /**
     * A batch of observations from {@code peer}: taken only when the peer (as its certificate names it) made them from
     * its own sensors and sent them to this node, as tracks are.
     */
    private void receiveObservations(String peer, JsonNode m) throws IOException {
        PeerObservations batch = Frames.peerObservations(m);
        if (!batch.from().equals(peer) || !batch.to().equals(nation)) {
            error(peer, peer + " sent observations of " + batch.from() + " for " + batch.to()
                    + "; a node takes only observations of its peer's own sensors, sent to it");
            return;
        }
        for (TrackExchange.Receiver r : receivers()) {
            try {
                r.received(batch);
            } catch (RuntimeException e) {
                log.warn("federation: the observations {} sent could not be taken: {}", peer, e.getMessage());
            }
        }
    }

    private List<TrackExchange.Receiver> receivers() {
        List<TrackExchange.Receiver> rs = receivers;
        if (rs == null) {
            rs = List.copyOf(trackReceivers.get());
            receivers = rs;
        }
        return rs;
    }

    /**
     * A batch of live tracks from {@code peer}: taken only when the peer (as its certificate names it) built them and
     * sealed them for this node; a node passes on no track it was sent, so nothing else may arrive.
     */
    private void receiveTracks(String peer, JsonNode m) throws IOException {
        PeerTracks batch = Frames.peerTracks(m);
        if (!batch.from().equals(peer) || !batch.to().equals(nation)) {
            error(peer, peer + " sent tracks of " + batch.from() + " for " + batch.to() + "; a node takes only tracks its peer built, sent to it");
            return;
        }
        deliver(batch);
    }

    private void deliver(PeerTracks batch) {
        for (TrackExchange.Receiver r : receivers()) {
            try {
                r.received(batch);
            } catch (RuntimeException e) {
                log.warn("federation: the tracks {} sent could not be taken: {}", batch.from(), e.getMessage());
            }
        }
    }

    void wakeAll() {
        senders.values().forEach(Sender::wake);
    }

    /** Keeps words about the link with a peer (a refused request, an item too large to send) as its last error. */
    void report(String peer, String words) {
        error(peer, words);
    }

    /** Keeps the error as the peer's last; logs it unless it repeats the last one within a minute (a peer down for days logs once a minute). */
    private void error(String peer, String words) {
        Health h = health(peer);
        Instant now = clock.instant();
        Instant logged = h.loggedAt;
        boolean repeat = words.equals(h.lastError) && logged != null && Duration.between(logged, now).abs().toSeconds() < 60;
        h.lastError = words;
        h.lastErrorAt = now;
        if (!repeat) {
            h.loggedAt = now;
            log.warn("federation link with {}: {}", peer, words);
        }
    }

    // ------------------------------------------------------------------ lifecycle

    synchronized void start() {
        if (running || !settings.enabled()) return;
        running = true;
        try {
            SSLServerSocket s = (SSLServerSocket) tls.serverContext(peers::approvedCas).getServerSocketFactory().createServerSocket();
            s.setReuseAddress(true);
            s.setNeedClientAuth(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port()), 64);
            server = s;
            boundPort = s.getLocalPort();
        } catch (IOException e) {
            running = false;
            throw new IllegalStateException("cannot listen for federation on " + settings.bindAddress() + ":" + settings.port() + ": " + e.getMessage()
                    + " (another program on that port? set kizuna.federation.port)", e);
        }
        log.info("Federation listening on {}:{} (mutual TLS); this node's CA fingerprint {}", settings.bindAddress(), boundPort,
                FederationTls.fingerprint(tls.caCertificate()));
        acceptor = Thread.ofPlatform().daemon().name("federation-accept").start(this::accept);
        peers.onChange(this::sync);
        sync();
    }

    /** Starts a sender for each approved peer, and cuts every link of a peer that is no longer approved. */
    private synchronized void sync() {
        if (!running) return;
        List<PeerBook.Known> approved = peers.approved();
        for (PeerBook.Known k : approved) {
            Sender current = senders.get(k.nation());
            if (current != null && current.peer.peer().equals(k.peer())) continue;
            if (current != null) current.stop();
            Sender s = new Sender(k);
            senders.put(k.nation(), s);
            s.thread = Thread.ofVirtual().name("federation-send-" + k.nation()).start(s::run);
        }
        java.util.Set<String> cut = new java.util.TreeSet<>();
        for (String n : new ArrayList<>(senders.keySet())) {
            if (approved.stream().noneMatch(k -> k.nation().equals(n))) {
                Sender s = senders.remove(n);
                if (s != null) s.stop();
                health(n).outbound = false;
                cut.add(n);
            }
        }
        for (String n : new ArrayList<>(inboundSockets.keySet())) {
            if (approved.stream().noneMatch(k -> k.nation().equals(n))) {
                closeQuietly(inboundSockets.remove(n));
                health(n).inbound = false;
                cut.add(n);
            }
        }
        // a peer no longer approved leaves the picture at once: an empty batch of its tracks, as if it had sent one
        for (String n : cut) deliver(new PeerTracks(n, nation, clock.millis(), List.of()));
    }

    synchronized void stop() {
        if (!running) return;
        running = false;
        closeQuietly(server);
        List<Thread> threads = new ArrayList<>();
        for (Sender s : senders.values()) {
            s.stop();
            if (s.thread != null) threads.add(s.thread);
        }
        senders.clear();
        inboundSockets.values().forEach(Links::closeQuietly);
        if (acceptor != null) threads.add(acceptor);
        for (Thread t : threads) BackgroundThreads.stop(t, Duration.ofSeconds(2));
    }

    boolean isRunning() {
        return running;
    }

    // ------------------------------------------------------------------ receiving

    private void accept() {
        SSLServerSocket s = server;
        while (running && s != null) {
            try {
                Socket c = s.accept();
                Thread.ofVirtual().name("federation-receive").start(() -> receive((SSLSocket) c));
            } catch (IOException e) {
                if (running) log.warn("federation: accepting a connection failed: {}", e.getMessage());
            }
        }
    }

    private void receive(SSLSocket s) {
        String from = s.getInetAddress().getHostAddress();
        String peer = null;
        try (s) {
            s.setSoTimeout((int) settings.idle().toMillis());
            s.setTcpNoDelay(true);
            try {
                s.startHandshake();
            } catch (IOException e) {
                log.warn("federation: refused a connection from {}: {}", from, handshakeWords(e));
                return;
            }
            X509Certificate[] chain = (X509Certificate[]) s.getSession().getPeerCertificates();
            String named = NodePki.attribute(chain[0], BCStyle.OU);
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 65536));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 65536));
            JsonNode hello = Frames.read(in, settings.maxFrameBytes());
            String claimed = hello.path("nation").asString("");
            PeerBook.Known known = named == null ? null : peers.approved(named).orElse(null);
            if (!"hello".equals(hello.path("t").asString("")) || named == null || known == null || !claimed.equals(named)
                    || FederationTls.issuer(chain, List.of(known.ca()), true) == null) {
                String why = known == null
                        ? "node " + named + " is not an approved peer of " + nation
                        : "its certificate names " + named + " but it says it is " + claimed;
                Frames.write(out, Map.of("t", "refuse", "reason", why));
                out.flush();
                log.warn("federation: refused a link from {}: {}", from, why);
                return;
            }
            peer = named;
            serve(named, s, in, out, chain[0]);
        } catch (IOException | RuntimeException e) {
            if (peer != null && running && !(e instanceof EOFException) && !(e instanceof SocketException && s.isClosed())) {
                error(peer, "the link from " + peer + " broke: " + words(e));
            }
        } finally {
            if (peer != null && inboundSockets.remove(peer, s)) health(peer).inbound = false;
        }
    }

    private void serve(String peer, SSLSocket s, DataInputStream in, DataOutputStream out, X509Certificate signer) throws IOException {
        Socket previous = inboundSockets.put(peer, s);
        closeQuietly(previous);
        Health h = health(peer);
        h.inbound = true;
        Object lock = applyLocks.computeIfAbsent(peer, k -> new Object());
        synchronized (lock) {
            Frames.write(out, Map.of("t", "welcome", "received", inbound.received(peer), "nation", nation));
            out.flush();
        }
        while (running && !s.isClosed()) {
            List<Inbound.Item> items = new ArrayList<>();
            boolean answer = false;
            do {
                JsonNode m = Frames.read(in, settings.maxFrameBytes());
                switch (m.path("t").asString("")) {
                    case "item" -> items.add(new Inbound.Item(m.path("seq").asLong(0), Frames.envelope(m)));
                    case "batch" -> {
                        boolean verified = m.path("from").asString("").equals(peer) && m.path("to").asString("").equals(nation)
                                && Frames.batchVerifies(m, signer.getPublicKey());
                        if (!verified)
                            error(peer, "a batch from " + peer + " does not verify with its certificate (or was not sealed by " + peer + " for "
                                    + nation + "); its items are refused");
                        items.addAll(Frames.batchItems(m, verified));
                    }
                    case "ping" -> answer = true;
                    case "tracks" -> receiveTracks(peer, m);
                    case "observations" -> receiveObservations(peer, m);
                    default -> throw new IOException("an unknown message type '" + m.path("t").asString("") + "'");
                }
            } while (items.size() < settings.batch() && in.available() > 0);
            long received;
            synchronized (lock) {
                if (!s.equals(inboundSockets.get(peer))) return; // a newer connection from the same peer took over
                if (!items.isEmpty()) {
                    Inbound.Applied a = inbound.apply(peer, signer, items);
                    for (String r : a.refused()) error(peer, r);
                    received = a.received();
                } else {
                    received = inbound.received(peer);
                }
            }
            if (!items.isEmpty() || answer) {
                Frames.write(out, Map.of("t", "ack", "seq", received));
                out.flush();
            }
        }
    }

    // ------------------------------------------------------------------ sending

    /** This node's link to one peer: connects, resumes after what the peer applied, sends the outbox in order. */
    private final class Sender {

        final PeerBook.Known peer;
        final Semaphore signal = new Semaphore(0);
        final CountDownLatch stopped = new CountDownLatch(1);
        volatile boolean active = true;
        volatile @Nullable Socket socket;
        volatile long acked, sent;
        volatile @Nullable Thread thread;

        Sender(PeerBook.Known peer) {
            this.peer = peer;
        }

        void wake() {
            if (signal.availablePermits() == 0) signal.release();
        }

        void stop() {
            active = false;
            stopped.countDown();
            closeQuietly(socket);
            wake();
        }

        void run() {
            long backoff = 250;
            while (active && running) {
                try {
                    session();
                    backoff = 250;
                } catch (IOException | RuntimeException e) {
                    if (active && running) error(peer.nation(), words(e));
                } finally {
                    health(peer.nation()).outbound = false;
                    closeQuietly(socket);
                }
                if (!active || !running) return;
                try {
                    if (stopped.await(backoff, TimeUnit.MILLISECONDS)) return;
                } catch (InterruptedException e) {
                    return;
                }
                backoff = Math.min(backoff * 2, settings.reconnect().toMillis());
            }
        }

        private void session() throws IOException {
            String[] hp = hostPort(peer.peer().address());
            SSLSocket s = (SSLSocket) tls.clientContext(peer.ca()).getSocketFactory().createSocket();
            socket = s;
            if (!active) return;
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])), CONNECT_TIMEOUT_MS);
            s.setSoTimeout((int) settings.idle().toMillis());
            s.startHandshake();
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 65536));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 65536));
            Frames.write(out, Map.of("t", "hello", "nation", nation, "protocol", 1));
            out.flush();
            JsonNode reply = Frames.read(in, settings.maxFrameBytes());
            if ("refuse".equals(reply.path("t").asString(""))) {
                throw new IOException(peer.nation() + " refused the link: " + reply.path("reason").asString(""));
            }
            if (!"welcome".equals(reply.path("t").asString(""))) throw new IOException(peer.nation() + " answered the greeting with something else");
            long resume = reply.path("received").asLong(0);
            store.acknowledge(peer.nation(), resume);
            acked = resume;
            sent = resume;
            Health h = health(peer.nation());
            h.outbound = true;
            h.connectedSince = clock.instant();
            h.sent = sent;
            log.info("federation link to {} at {} is up; resuming after item {}", peer.nation(), peer.peer().address(), resume);
            IOException[] readerFailure = new IOException[1];
            Thread reader = Thread.ofVirtual().name("federation-ack-" + peer.nation()).start(() -> {
                try {
                    while (active && !s.isClosed()) {
                        JsonNode m = Frames.read(in, settings.maxFrameBytes());
                        if ("ack".equals(m.path("t").asString(""))) {
                            long seq = m.path("seq").asLong(0);
                            if (seq > acked) {
                                store.acknowledge(peer.nation(), seq);
                                acked = seq;
                            }
                            wake();
                        }
                    }
                } catch (IOException e) {
                    readerFailure[0] = e;
                } catch (RuntimeException e) {
                    readerFailure[0] = new IOException(e.getMessage(), e);
                } finally {
                    closeQuietly(s);
                    wake();
                }
            });
            try {
                long pingEvery = Math.max(100, settings.idle().toMillis() / 3);
                // when this side last wrote what the peer answers (a batch, a ping): tracks and observations are not answered, so
                // a link that carries only those still pings, or the peer's silence would pass for a dead link after idle
                long asked = System.nanoTime();
                long tracksSent = 0; // the offer last sent on this connection: a new connection sends the newest at once
                while (active && running && !s.isClosed()) {
                    Offered offered = offeredTracks.get(peer.nation());
                    if (offered != null && offered.number() > tracksSent) {
                        tracksSent = offered.number();
                        byte[] frame = Frames.bytes(Frames.tracks(offered.batch()));
                        if (frame.length > settings.maxFrameBytes()) {
                            error(peer.nation(), "the tracks for " + peer.nation() + " (" + offered.batch().tracks().size()
                                    + ") exceed the link's frame limit of " + settings.maxFrameBytes() + " bytes; they were not sent");
                        } else {
                            Frames.write(out, frame);
                            out.flush();
                        }
                    }
                    for (PeerObservations o = nextObservations(peer.nation()); o != null; o = nextObservations(peer.nation())) {
                        byte[] frame = Frames.bytes(Frames.observations(o));
                        if (frame.length > settings.maxFrameBytes()) {
                            error(peer.nation(), "the observations for " + peer.nation() + " (" + o.observations().size()
                                    + ") exceed the link's frame limit of " + settings.maxFrameBytes() + " bytes; they were not sent");
                            continue;
                        }
                        Frames.write(out, frame);
                        out.flush();
                    }
                    long inflight = sent - acked;
                    if (inflight >= settings.window()) {
                        signal.tryAcquire(pingEvery, TimeUnit.MILLISECONDS);
                        continue;
                    }
                    List<JdbcFederation.Queued> rows = store.after(peer.nation(), sent, (int) Math.min(settings.batch(), settings.window() - inflight));
                    if (rows.isEmpty()) {
                        long due = asked + TimeUnit.MILLISECONDS.toNanos(pingEvery) - System.nanoTime();
                        if (due > 0 && signal.tryAcquire(due, TimeUnit.NANOSECONDS)) continue; // woken: something to send
                        if (!s.isClosed()) {
                            Frames.write(out, Map.of("t", "ping"));
                            out.flush();
                            asked = System.nanoTime();
                        }
                        continue;
                    }
                    writeBatch(out, rows);
                    asked = System.nanoTime();
                    sent = rows.getLast().seq();
                    out.flush();
                    h.sent = sent;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                closeQuietly(s);
                try {
                    reader.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (readerFailure[0] != null && active && running) throw readerFailure[0];
        }

        /**
         * Writes the rows as signed batches (one signature for many envelopes), halved until each batch's message fits the
         * frame limit (a single envelope fits: the outbox queues none larger).
         */
        private void writeBatch(DataOutputStream out, List<JdbcFederation.Queued> rows) throws IOException {
            byte[] frame = Frames.bytes(Frames.batch(nation, peer.nation(), rows, tls.signingKey()));
            if (frame.length <= settings.maxFrameBytes() || rows.size() == 1) {
                Frames.write(out, frame);
                return;
            }
            int half = rows.size() / 2;
            writeBatch(out, rows.subList(0, half));
            writeBatch(out, rows.subList(half, rows.size()));
        }

        private String words(Exception e) {
            return Links.this.words(e, peer);
        }
    }

    // ------------------------------------------------------------------ words for operators

    private String words(Exception e, PeerBook.Known peer) {
        String address = peer.peer().address();
        String who = peer.nation() + " at " + address;
        if (e instanceof ConnectException) {
            return "cannot reach " + who + ": connection refused. Is " + peer.nation()
                    + "'s node running with its federation port on (kizuna.federation.port), and is the address right?";
        }
        if (e instanceof UnknownHostException) return "cannot reach " + who + ": the host name does not resolve";
        if (e instanceof NoRouteToHostException) return "cannot reach " + who + ": no route to the host (network or firewall)";
        if (e instanceof SocketTimeoutException) {
            return who + " did not answer within " + settings.idle().toSeconds() + " s (connect: " + CONNECT_TIMEOUT_MS / 1000
                    + " s); the link is re-established automatically";
        }
        if (e instanceof SSLException) {
            return "the TLS handshake with " + who + " failed (" + e.getMessage() + "). Either " + peer.nation()
                    + "'s administrator has not yet approved this node (fingerprint " + FederationTls.fingerprint(tls.caCertificate())
                    + "), or the CA certificate recorded here for " + peer.nation() + " (fingerprint " + peer.peer().fingerprint()
                    + ") is not the one its node uses";
        }
        return words(e);
    }

    private static String words(Exception e) {
        if (e instanceof EOFException) return "the other node closed the link";
        if (e instanceof SocketTimeoutException) return "nothing heard for too long; the link is re-established automatically";
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static String handshakeWords(IOException e) {
        Throwable t = e;
        for (Throwable c = t.getCause(); c != null && !c.equals(t); c = t.getCause()) t = c;
        return (e instanceof SSLHandshakeException ? "TLS handshake refused: " : "") + t.getMessage();
    }

    static String[] hostPort(String address) {
        int i = address.lastIndexOf(':');
        if (i <= 0) throw new IllegalArgumentException("a peer's address is host:port; got " + address);
        String host = address.substring(0, i);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        return new String[]{host, address.substring(i + 1)};
    }

    private static void closeQuietly(java.io.@Nullable Closeable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
