package org.kizuna.picture.internal.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotRejected;
import org.kizuna.picture.Source;
import org.kizuna.picture.internal.cot.CotStreamDecoder;
import org.kizuna.picture.internal.cot.CotXmlWriter;
import org.kizuna.picture.internal.cot.TakCodec;
import org.kizuna.picture.internal.cot.XmlText;
import org.kizuna.picture.internal.distribution.Frame;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.distribution.Subscriber;
import org.kizuna.picture.internal.distribution.TrackState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CoT client. The reading side decodes events (bounded buffer), applies the rate limit, answers TAK
 * protocol negotiation and feeds the picture; a bad event is logged with its reason and the connection
 * carries on. The writing side drains a small queue of frames of the connection's audience; when the
 * client is slow the oldest frame is dropped, so the picture's thread never waits for a socket; control
 * messages (negotiation replies) are few and bounded too: a client that keeps asking without reading is cut.
 * A TLS connection must complete its handshake within the handshake timeout; any connection that sends
 * nothing for the idle timeout is closed. Closing closes the TCP socket itself, which ends a blocked write.
 * <p>
 * A client's keep-alive ({@code t-x-c-t}) is answered with {@code t-x-c-t-r}, in the protocol the connection
 * speaks. An event the picture refuses is counted on the connection by reason ({@link #view}), logged with
 * its reason, and the client is told: TAK has no error event, so the node sends the user a direct chat message
 * (GeoChat, {@code b-t-f}) from "Kizuna" naming the reason, at most once a minute per reason and connection.
 */
final class CotConnection implements Subscriber {

    private static final Logger log = LoggerFactory.getLogger(CotConnection.class);
    private static final Object SWITCH_TO_TAK = new Object();
    /** How often a client is told of refusals of one reason at most. */
    static final long REPLY_EVERY_MS = 60_000;
    private static final java.util.concurrent.atomic.AtomicLong CHAT_IDS = new java.util.concurrent.atomic.AtomicLong();
    /** Control messages (version offer and negotiation replies) a client may have unread before it is cut. */
    static final int MAX_QUEUED_CONTROL = 16;
    /** Notices ({@link org.kizuna.picture.CotNotices}) a client may have unread; a further one drops the oldest. */
    static final int MAX_QUEUED_NOTICES = 16;

    /** A notice waiting in the output queue. */
    private record Notice(CotEvent event) {
    }

    private final Socket raw;
    private final @Nullable SSLSocketFactory tls;
    private final InetAddress remote;
    private final LivePicture picture;
    private final CotSettings settings;
    private final CotServer server;
    private final CotStreamDecoder decoder = new CotStreamDecoder();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private int queuedFrames, queuedControl, queuedNotices;
    private volatile boolean open = true;
    private volatile boolean takOut;
    private volatile boolean handshaken;
    private volatile boolean subscribed;
    private boolean takRequested;
    private volatile String name;
    private volatile @Nullable CotIdentity identity;
    private volatile @Nullable X509Certificate certificate;

    // rate limit (token bucket) and rate-limited logging of rejects
    private double tokens;
    private long lastRefill = System.nanoTime();
    private long rejects, lastRejectLog;

    // what an operator sees of the connection (GET /api/v1/picture/connections)
    private final java.time.Instant connectedAt = java.time.Instant.now();
    private final java.util.concurrent.atomic.AtomicLong eventsIn = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicLong> refusedHere = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile @Nullable String lastRefusal;
    private volatile java.time.@Nullable Instant lastRefusalAt;
    private final java.util.HashMap<String, Long> lastReply = new java.util.HashMap<>();

    CotConnection(Socket raw, @Nullable SSLSocketFactory tls, LivePicture picture, CotSettings settings, CotServer server) {
        this.raw = raw;
        this.tls = tls;
        this.remote = raw.getInetAddress();
        this.picture = picture;
        this.settings = settings;
        this.server = server;
        this.name = (tls != null ? "tls:" : "tcp:") + raw.getRemoteSocketAddress();
        this.tokens = settings.maxEventsPerSecond();
    }

    String name() {
        return name;
    }

    /** Whether this connection is the named user's (by certificate or as the plain port's configured reader). */
    boolean isUser(String username) {
        CotIdentity id = identity;
        return id != null && id.kind() != CotIdentity.Kind.ANONYMOUS && id.name().equals(username);
    }

    @Nullable
    X509Certificate certificate() {
        return certificate;
    }

    /** Whether this connection is subscribed to its reader's picture: every frame the picture sends from now on reaches it. */
    boolean subscribed() {
        return subscribed;
    }

    /** The client's address and port, as the client sees them as its own. */
    SocketAddress remote() {
        return raw.getRemoteSocketAddress();
    }

    /** Items waiting in the output queue (frames and control messages). */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    void run() {
        AutoCloseable subscription = null;
        try {
            raw.setTcpNoDelay(true);
            Socket socket = tls == null ? raw : handshake();
            if (socket == null) return;
            CotIdentity id = identify();
            if (id == null) return;
            identity = id;
            // asked again now that the connection can be found by user: a user disabled (or a reader
            // unconfigured) between the first answer and now is caught either here or by the cut
            if (identify() == null) return;
            name = name + " (" + id.name() + ", " + id.reader() + ")";
            log.info("CoT client connected: {}", name);
            // plain connections own only what they report themselves: an anonymous one, what it reported on
            // this connection; a configured reader, what it reported over the plain port
            String owner = id.kind() == CotIdentity.Kind.ANONYMOUS ? CotIdentities.ANONYMOUS + "@" + raw.getRemoteSocketAddress() : id.name();
            Source source = new Source(name, id.nation(), id.defaultLabel(), id.authenticated(), owner, id.reader());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            Thread.ofVirtual().name("cot-out-" + raw.getRemoteSocketAddress()).start(() -> write(out));
            control(CotXmlWriter.versionOffer(System.currentTimeMillis(), settings.serverVersion()));
            if (!open) return; // cut while identifying (user disabled, certificate revoked, node stopping)
            subscription = picture.subscribe(id.reader(), this);
            subscribed = true;
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, settings.idleTimeout().toMillis()));
            read(socket.getInputStream(), source);
        } catch (SocketTimeoutException e) {
            if (open) {
                if (server.mayLog()) log.info("CoT client {} closed: sent nothing for {}", name, settings.idleTimeout());
                server.count("idle");
            }
        } catch (IOException | RuntimeException e) {
            if (open) log.info("CoT client {} disconnected: {}", name, e.getMessage());
        } finally {
            if (subscription != null) {
                try {
                    subscription.close();
                } catch (Exception ignored) {
                    // the picture is shutting down
                }
            }
            close();
            server.closed(this, tls != null, remote);
        }
    }

    /** The TLS handshake within the handshake timeout, or null (counted) when it fails or takes too long. */
    private @Nullable SSLSocket handshake() throws IOException {
        SSLSocket s = (SSLSocket) Objects.requireNonNull(tls, "handshakes are for TLS connections").createSocket(raw, null, raw.getPort(), true);
        s.setUseClientMode(false);
        s.setNeedClientAuth(true);
        s.setEnabledProtocols(settings.tlsProtocols().toArray(String[]::new));
        if (settings.tlsProtocols().contains("TLSv1.2")) s.setEnabledCipherSuites(suites(s.getSupportedCipherSuites()));
        int timeout = (int) Math.max(1, settings.handshakeTimeout().toMillis());
        s.setSoTimeout(timeout);
        // a peer trickling bytes must not stretch the handshake either: a hard deadline
        Thread deadline = Thread.ofVirtual().name("cot-handshake-deadline").start(() -> {
            try {
                Thread.sleep(timeout);
            } catch (InterruptedException ignored) {
                return;
            }
            if (!handshaken && open) {
                server.count("handshake");
                if (server.mayLog()) log.info("CoT client {} closed: TLS handshake not complete within {} ms", name, timeout);
                close();
            }
        });
        try {
            s.startHandshake();
            X509Certificate cert = (X509Certificate) s.getSession().getPeerCertificates()[0];
            handshaken = true;
            deadline.interrupt();
            certificate = cert;
            return s;
        } catch (IOException e) {
            if (!handshaken && open) {
                handshaken = true; // counted here, not by the deadline
                server.count("handshake");
                if (server.mayLog())
                    log.info("CoT client {} refused: TLS handshake failed: {}", name,
                            e instanceof SSLException || e instanceof SocketTimeoutException ? e.getMessage() : e.toString());
            }
            return null;
        }
    }

    /** TLS 1.3's suites and the forward-secret AEAD suites of TLS 1.2 ({@link CotSettings#TLS12_SUITES}), those the provider has. */
    private static String[] suites(String[] supported) {
        java.util.Set<String> have = java.util.Set.of(supported);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256"),
                CotSettings.TLS12_SUITES.stream()).filter(have::contains).toArray(String[]::new);
    }

    /** Who is on the connection, or null (counted, logged) when it is refused. */
    private @Nullable CotIdentity identify() {
        X509Certificate cert = certificate;
        try {
            return cert == null ? settings.plainIdentity().get() : settings.certificateIdentity().apply(cert);
        } catch (IllegalArgumentException | IllegalStateException e) {
            server.count(cert == null ? "plain-reader" : "certificate");
            if (server.mayLog()) log.warn("CoT client {} refused: {}", name, e.getMessage());
            return null;
        }
    }

    private void read(InputStream in, Source source) throws IOException {
        while (open) {
            int n = decoder.fill(in);
            if (n < 0) return;
            while (true) {
                CotEvent e;
                try {
                    e = decoder.next();
                } catch (CotRejected r) {
                    reject(r.getMessage() != null && r.getMessage().contains("exceeds") ? "oversized" : "malformed", r.getMessage());
                    continue;
                }
                if (e == null) break;
                if (!takRequested && decoder.mode() == CotStreamDecoder.Mode.TAK) {
                    // a client that speaks protocol 1 from its first byte gets protocol 1 back
                    takRequested = true;
                    enqueue(SWITCH_TO_TAK, false);
                }
                if (!allow()) {
                    reject("rate", "rate limit of " + settings.maxEventsPerSecond() + " events/s exceeded");
                    continue;
                }
                if (e.isNegotiation()) {
                    negotiate(e);
                    continue;
                }
                if (e.isPing()) {
                    control(CotXmlWriter.pong(System.currentTimeMillis()));
                    continue;
                }
                eventsIn.incrementAndGet();
                try {
                    picture.ingest(e, source);
                    server.ingested();
                } catch (CotRejected r) {
                    String reason = ingestReason(r.getMessage());
                    reject(reason, r.getMessage());
                    tell(e, reason, String.valueOf(r.getMessage()));
                }
            }
        }
    }

    /** The counter of a refusal by the picture. */
    static String ingestReason(@Nullable String message) {
        if (message == null) return "refused";
        if (message.contains("label")) return "label";
        if (message.contains("not a position")) return "not-position";
        if (message.contains("overloaded")) return "overloaded";
        if (message.contains("time") || message.contains("stale")) return "time";
        return "refused";
    }

    private void negotiate(CotEvent e) {
        if (!e.type().equals("t-x-takp-q")) return;
        int version = e.control() == null ? 0 : e.control().requestedVersion();
        boolean ok = version == 1 && decoder.mode() == CotStreamDecoder.Mode.XML;
        control(CotXmlWriter.versionResponse(System.currentTimeMillis(), ok));
        if (ok) {
            // The client sends protocol 1 once it has our answer; what follows the request is protocol 1.
            decoder.switchTo(CotStreamDecoder.Mode.TAK);
            takRequested = true;
            enqueue(SWITCH_TO_TAK, false);
            log.info("CoT client {} switched to TAK protocol 1", name);
        }
    }

    private boolean allow() {
        long now = System.nanoTime();
        int rate = settings.maxEventsPerSecond();
        tokens = Math.min(2.0 * rate, tokens + (now - lastRefill) * 1e-9 * rate);
        lastRefill = now;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }

    private void reject(String reason, @Nullable String message) {
        server.rejected(reason);
        refusedHere.computeIfAbsent(reason, k -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
        lastRefusal = reason + ": " + message;
        lastRefusalAt = java.time.Instant.now();
        rejects++;
        long now = System.currentTimeMillis();
        if (now - lastRejectLog >= 1000) {
            log.warn("CoT event from {} rejected ({} so far): {}", name, rejects, message);
            lastRejectLog = now;
        }
    }

    /**
     * Tells the client that the picture refused its event: a direct chat message from the node to the event's
     * uid (a TAK client's own uid for its position report), at most once a minute per reason.
     */
    private void tell(CotEvent refused, String reason, String message) {
        long now = System.currentTimeMillis();
        Long last = lastReply.get(reason);
        if (last != null && now - last < REPLY_EVERY_MS) return;
        lastReply.put(reason, now);
        control(refusalChat(refused.uid(), settings.serverVersion(), message, now));
    }

    /** The GeoChat message that tells {@code to} why its event was refused. */
    static CotEvent refusalChat(String to, String serverName, String message, long now) {
        String from = "KIZUNA-" + serverName.replaceAll("[^A-Za-z0-9]", "");
        String text = "Kizuna refused your report: " + message;
        StringBuilder detail = new StringBuilder(256);
        detail.append("<__chat parent=\"RootContactGroup\" groupOwner=\"false\"");
        attr(detail, "chatroom", to);
        attr(detail, "id", to);
        attr(detail, "senderCallsign", "Kizuna");
        detail.append("><chatgrp");
        attr(detail, "uid0", from);
        attr(detail, "uid1", to);
        attr(detail, "id", to);
        detail.append("/></__chat><link relation=\"p-p\" type=\"a-f-G-U-C\"");
        attr(detail, "uid", from);
        detail.append("/><remarks source=\"Kizuna\"");
        attr(detail, "to", to);
        detail.append('>');
        XmlText.escape(detail, text);
        detail.append("</remarks>");
        return new CotEvent("GeoChat." + from + "." + to + "." + CHAT_IDS.incrementAndGet(), "b-t-f", "h-g-i-g-o", now, now, now + 300_000, 0, 0,
                CotEvent.UNKNOWN, CotEvent.UNKNOWN, CotEvent.UNKNOWN, null, null, null, Double.NaN, Double.NaN, null, null, detail.toString());
    }

    private static void attr(StringBuilder sb, String name, String value) {
        sb.append(' ').append(name).append("=\"");
        XmlText.escape(sb, value);
        sb.append('"');
    }

    CotServer.ConnectionView view() {
        CotIdentity id = identity;
        java.util.Map<String, Long> refused = new java.util.TreeMap<>();
        refusedHere.forEach((k, v) -> refused.put(k, v.get()));
        return new CotServer.ConnectionView(name, tls != null ? CotServer.TLS : CotServer.PLAIN, id == null ? "" : id.name(),
                String.valueOf(raw.getRemoteSocketAddress()),
                connectedAt, eventsIn.get(), refused, lastRefusal, lastRefusalAt);
    }

    // ------------------------------------------------------------------ output

    @Override
    public void deliver(Frame frame) {
        enqueue(frame, true);
    }

    private void control(CotEvent event) {
        enqueue(event, false);
    }

    /** Queues a notice for the client; when as many are unread as it may have, the oldest is dropped instead. */
    void notice(CotEvent event) {
        lock.lock();
        try {
            if (!open) return;
            if (queuedNotices >= MAX_QUEUED_NOTICES) {
                for (var it = queue.iterator(); it.hasNext();) {
                    if (it.next() instanceof Notice) {
                        it.remove();
                        queuedNotices--;
                        break;
                    }
                }
            }
            queuedNotices++;
            queue.addLast(new Notice(event));
            ready.signal();
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(Object item, boolean droppable) {
        boolean cut = false;
        lock.lock();
        try {
            if (!open) return;
            if (droppable) {
                if (queuedFrames >= settings.queuedFrames()) {
                    for (var it = queue.iterator(); it.hasNext();) {
                        Object o = it.next();
                        if (o instanceof Frame f && !f.replay()) {
                            it.remove();
                            queuedFrames--;
                            break;
                        }
                    }
                }
                queuedFrames++;
            } else if (queuedControl >= MAX_QUEUED_CONTROL) {
                cut = true;
            } else {
                queuedControl++;
            }
            if (!cut) {
                queue.addLast(item);
                ready.signal();
            }
        } finally {
            lock.unlock();
        }
        if (cut) {
            if (server.mayLog()) log.warn("CoT client {} cut: {} control messages unread", name, MAX_QUEUED_CONTROL);
            server.count("slow-reader");
            close();
        }
    }

    private void write(OutputStream out) {
        try {
            while (open) {
                Object item;
                lock.lock();
                try {
                    while (queue.isEmpty() && open) ready.await();
                    item = queue.pollFirst();
                    if (item instanceof Frame) queuedFrames--;
                    else if (item instanceof Notice) queuedNotices--;
                    else if (item != null) queuedControl--;
                } finally {
                    lock.unlock();
                }
                if (item == null) continue;
                if (item == SWITCH_TO_TAK) {
                    takOut = true;
                } else if (item instanceof CotEvent control) {
                    out.write(takOut ? TakCodec.frame(control) : new CotXmlWriter().write(control));
                } else if (item instanceof Notice n) {
                    out.write(takOut ? TakCodec.frame(n.event()) : new CotXmlWriter().write(n.event()));
                } else if (item instanceof Frame f) {
                    boolean tak = takOut;
                    TrackState[] tracks = f.tracks();
                    for (int i = 0; i < f.count(); i++) {
                        out.write(tak ? tracks[i].takFrame() : tracks[i].xml());
                    }
                }
                boolean more;
                lock.lock();
                try {
                    more = !queue.isEmpty();
                } finally {
                    lock.unlock();
                }
                if (!more) out.flush();
            }
        } catch (IOException e) {
            if (open) log.info("CoT client {} output closed: {}", name, e.getMessage());
            close();
        } catch (InterruptedException e) {
            close();
        }
    }

    /** Closes the TCP socket (never blocks on TLS: no close_notify is waited for). */
    void close() {
        if (!open) return;
        open = false;
        lock.lock();
        try {
            queue.clear();
            queuedFrames = 0;
            queuedControl = 0;
            queuedNotices = 0;
            ready.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            raw.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
