package org.kizuna.picture.internal.ingest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;
import org.kizuna.node.NodePki;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CoT listeners of a node: plain TCP (8087, on loopback unless configured otherwise, for local use)
 * and TLS 1.3 with a client certificate required (8089). Each connection runs on virtual threads (one
 * reading, one writing) and carries CoT XML or, after negotiation, TAK protocol 1, both ways.
 * <p>
 * Bounded: each listener has its own connection cap, and on each listener each remote address a cap of
 * its own (idle plain sockets never lock out TLS clients, even from the same address); a connection that sends nothing for the idle timeout is closed,
 * a TLS handshake must complete within the handshake timeout. What is refused is counted by reason
 * ({@link #rejectedByReason()}). {@link #close()} closes every socket at once and does not wait for any
 * client, so a node stops promptly whatever its clients do.
 */
public final class CotServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CotServer.class);

    /** The listeners, as named in {@link #openConnections()}. */
    public static final String PLAIN = "tcp", TLS = "tls";

    private final LivePicture picture;
    private final CotSettings settings;
    private final @Nullable NodePki pki;
    private final Set<CotConnection> connections = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, AtomicLong> rejected = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetAddress, Integer> plainPerAddress = new ConcurrentHashMap<>(), tlsPerAddress = new ConcurrentHashMap<>();
    private final AtomicLong rejectedEvents = new AtomicLong(), ingested = new AtomicLong();
    private final Object capLock = new Object();
    private int plainCount, tlsCount;
    private @Nullable ServerSocket plain;
    private @Nullable ServerSocket tls;
    private @Nullable SSLSocketFactory tlsFactory;
    private volatile boolean open = true;

    public CotServer(LivePicture picture, CotSettings settings, @Nullable NodePki pki) {
        this.picture = picture;
        this.settings = settings;
        this.pki = pki;
    }

    public CotServer start() throws IOException {
        if (settings.tcpPort() >= 0) {
            ServerSocket s = listen(settings.tcpBindAddress(), settings.tcpPort(), false);
            plain = s;
            log.info("CoT TCP (XML and TAK protocol) listening on {}, port {}", s.getLocalSocketAddress(), s.getLocalPort());
        }
        if (settings.tlsPort() >= 0) {
            if (pki == null) throw new IllegalStateException("the TLS listener needs the node's PKI");
            tlsFactory = pki.serverContext().getSocketFactory();
            // TLS is layered over an accepted TCP socket, so that closing that socket always ends the
            // connection at once, even with a TLS write blocked on a client that does not read.
            ServerSocket s = listen(settings.tlsBindAddress(), settings.tlsPort(), true);
            tls = s;
            log.info("CoT TLS (mutual, TLS 1.3) listening on {}, port {}", s.getLocalSocketAddress(), s.getLocalPort());
        }
        return this;
    }

    /** A TCP listener on the address (every interface when null) and port, accepting on a virtual thread of its own. */
    private ServerSocket listen(@Nullable InetAddress address, int port, boolean secure) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(address, port), 1024);
        Thread.ofVirtual().name(secure ? "cot-accept-tls" : "cot-accept-tcp").start(() -> accept(s, secure));
        return s;
    }

    public int tcpPort() {
        return plain == null ? -1 : plain.getLocalPort();
    }

    public int tlsPort() {
        return tls == null ? -1 : tls.getLocalPort();
    }

    /** The address the plain listener is bound to, or null when it is off. */
    public @Nullable InetAddress tcpAddress() {
        return plain == null ? null : plain.getInetAddress();
    }

    public int connectionCount() {
        return connections.size();
    }

    /**
     * What an operator sees of one open connection: its name in the logs, listener ({@link #PLAIN} or {@link #TLS}),
     * user (empty before it is identified), remote address, since when, the events it sent (pings and negotiation
     * aside), the events refused by reason, and the latest refusal with its reason and time.
     */
    public record ConnectionView(String name, String listener, String user, String remote, java.time.Instant connectedAt, long events,
            Map<String, Long> refused, @Nullable String lastRefusal, java.time.@Nullable Instant lastRefusalAt) {
    }

    /** The open connections, oldest first. */
    public java.util.List<ConnectionView> connections() {
        return connections.stream().map(CotConnection::view).sorted(java.util.Comparator.comparing(ConnectionView::connectedAt)).toList();
    }

    /** Open connections per listener ({@link #PLAIN}, {@link #TLS}); a TLS connection counts from accept, before its handshake. */
    public Map<String, Integer> openConnections() {
        synchronized (capLock) {
            return Map.of(PLAIN, plainCount, TLS, tlsCount);
        }
    }

    /**
     * What was refused so far, by reason: events ({@code malformed}, {@code oversized}, {@code rate},
     * {@code label}, {@code not-position}, {@code overloaded}, {@code refused}), connections
     * ({@code connection-cap}, {@code address-cap}, {@code handshake}, {@code certificate}, {@code plain-reader})
     * and connections cut ({@code idle}, {@code slow-reader}, {@code user-disabled}, {@code certificate-revoked}).
     */
    public Map<String, Long> rejectedByReason() {
        Map<String, Long> out = new TreeMap<>();
        rejected.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Events refused so far (malformed, hostile, over the rate limit, unlabelled...). */
    public long rejectedEvents() {
        return rejectedEvents.get();
    }

    /** Events taken into the picture so far. */
    public long ingestedEvents() {
        return ingested.get();
    }

    /** The longest output queue of any connection now (frames and control messages; bounded per connection). */
    public int longestOutputQueue() {
        int max = 0;
        for (CotConnection c : connections) max = Math.max(max, c.queued());
        return max;
    }

    /**
     * Whether the connection from this client address (the client's own address and port) is subscribed to its
     * reader's picture, so that every frame the picture sends from now on reaches it. Tests wait for it.
     */
    boolean receivesPicture(SocketAddress client) {
        for (CotConnection c : connections) {
            if (c.subscribed() && client.equals(c.remote())) return true;
        }
        return false;
    }

    /** Queues a notice on every live connection of this user (client certificate or the plain port's configured reader); returns how many. */
    public int notifyUser(String username, org.kizuna.picture.CotEvent notice) {
        int n = 0;
        for (CotConnection c : connections) {
            if (c.isUser(username)) {
                c.notice(notice);
                n++;
            }
        }
        return n;
    }

    /** Cuts every live connection of this user (client certificate or the plain port's configured reader); returns how many. */
    public int disconnectUser(String username, String reason) {
        int n = 0;
        for (CotConnection c : connections) {
            if (c.isUser(username)) {
                log.warn("CoT client {} cut: {}", c.name(), reason);
                count(reason);
                c.close();
                n++;
            }
        }
        return n;
    }

    /** Cuts every live TLS connection whose client certificate matches; returns how many. */
    public int disconnectCertificates(Predicate<X509Certificate> which, String reason) {
        int n = 0;
        for (CotConnection c : connections) {
            X509Certificate cert = c.certificate();
            if (cert != null && which.test(cert)) {
                log.warn("CoT client {} cut: {}", c.name(), reason);
                count(reason);
                c.close();
                n++;
            }
        }
        return n;
    }

    private void accept(ServerSocket server, boolean secure) {
        while (open) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (open) log.warn("CoT accept failed: {}", e.toString());
                continue;
            }
            InetAddress from = socket.getInetAddress();
            String refusal = admit(secure, from);
            if (refusal != null) {
                count(refusal);
                quietly(socket);
                continue;
            }
            CotConnection c = new CotConnection(socket, secure ? tlsFactory : null, picture, settings, this);
            connections.add(c);
            if (!open) c.close(); // closed while accepting
            Thread.ofVirtual().name("cot-in-" + socket.getRemoteSocketAddress()).start(c::run);
        }
    }

    /** Takes a slot of the listener and of the address, or says why not. */
    private @Nullable String admit(boolean secure, InetAddress from) {
        synchronized (capLock) {
            int listener = secure ? tlsCount : plainCount;
            if (listener >= settings.maxConnections()) return "connection-cap";
            var perAddress = secure ? tlsPerAddress : plainPerAddress;
            if (perAddress.getOrDefault(from, 0) >= settings.maxConnectionsPerAddress()) return "address-cap";
            if (secure) tlsCount++;
            else plainCount++;
            perAddress.merge(from, 1, Integer::sum);
            return null;
        }
    }

    void closed(CotConnection c, boolean secure, InetAddress from) {
        if (!connections.remove(c)) return;
        synchronized (capLock) {
            if (secure) tlsCount--;
            else plainCount--;
            (secure ? tlsPerAddress : plainPerAddress).computeIfPresent(from, (k, v) -> v <= 1 ? null : v - 1);
        }
    }

    /** Counts a refused event (also in {@link #rejectedEvents()}). */
    void rejected(String reason) {
        rejectedEvents.incrementAndGet();
        count(reason);
    }

    /** Counts a refused or cut connection. */
    void count(String reason) {
        rejected.computeIfAbsent(reason, k -> new AtomicLong()).incrementAndGet();
    }

    void ingested() {
        ingested.incrementAndGet();
    }

    private final AtomicLong logSecond = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger logLines = new java.util.concurrent.atomic.AtomicInteger();

    /** Whether a line about a refused or cut connection may be logged: at most 20 a second, so a flood cannot flood the log (the counters count everything). */
    boolean mayLog() {
        long second = System.currentTimeMillis() / 1000;
        if (logSecond.getAndSet(second) != second) logLines.set(0);
        return logLines.incrementAndGet() <= 20;
    }

    private static void quietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // gone anyway
        }
    }

    /** Stops accepting and closes every connection's socket; returns at once. */
    @Override
    public void close() {
        open = false;
        try {
            if (plain != null) plain.close();
            if (tls != null) tls.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (CotConnection c : connections) c.close();
    }
}
