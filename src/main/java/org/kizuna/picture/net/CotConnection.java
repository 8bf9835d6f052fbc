package org.kizuna.picture.net;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import javax.net.ssl.SSLSocket;

import org.jspecify.annotations.Nullable;
import org.kizuna.picture.Picture;
import org.kizuna.picture.cot.CotEvent;
import org.kizuna.picture.cot.CotRejected;
import org.kizuna.picture.cot.CotXmlWriter;
import org.kizuna.picture.stream.Frame;
import org.kizuna.picture.stream.Source;
import org.kizuna.picture.stream.Subscriber;
import org.kizuna.picture.stream.TrackState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CoT client. The reading side decodes events (bounded buffer), applies the rate limit, answers TAK
 * protocol negotiation and feeds the picture; a bad event is logged with its reason and the connection
 * carries on. The writing side drains a small queue of frames of the connection's audience; when the
 * client is slow the oldest frame is dropped, so the picture's thread never waits for a socket.
 */
final class CotConnection implements Subscriber {

    private static final Logger log = LoggerFactory.getLogger(CotConnection.class);
    private static final Object SWITCH_TO_TAK = new Object();

    private final Socket socket;
    private final boolean secure;
    private final Picture picture;
    private final CotSettings settings;
    private final CotServer server;
    private final CotStreamDecoder decoder = new CotStreamDecoder();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private int queuedFrames;
    private volatile boolean open = true;
    private volatile boolean takOut;
    private boolean takRequested;
    private String name;
    private @Nullable CotIdentity identity;

    // rate limit (token bucket) and rate-limited logging of rejects
    private double tokens;
    private long lastRefill = System.nanoTime();
    private long rejects, lastRejectLog;

    CotConnection(Socket socket, boolean secure, Picture picture, CotSettings settings, CotServer server) {
        this.socket = socket;
        this.secure = secure;
        this.picture = picture;
        this.settings = settings;
        this.server = server;
        this.name = (secure ? "tls:" : "tcp:") + socket.getRemoteSocketAddress();
        this.tokens = settings.maxEventsPerSecond();
    }

    void run() {
        AutoCloseable subscription = null;
        try {
            socket.setTcpNoDelay(true);
            identity = identify();
            name = name + " (" + identity.name() + ", " + identity.reader() + ")";
            log.info("CoT client connected: {}", name);
            Source source = new Source(name, identity.nation(), identity.defaultLabel());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            Thread.ofVirtual().name("cot-out-" + socket.getRemoteSocketAddress()).start(() -> write(out));
            control(new CotXmlWriter().write(CotXmlWriter.versionOffer(System.currentTimeMillis())));
            subscription = picture.subscribe(identity.reader(), this);
            read(socket.getInputStream(), source);
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
            server.closed(this);
        }
    }

    private CotIdentity identify() throws IOException {
        if (!secure) return settings.plainIdentity();
        SSLSocket s = (SSLSocket) socket;
        // a peer that opens a connection and never completes the handshake must not hold it for ever
        s.setSoTimeout(10_000);
        s.startHandshake();
        s.setSoTimeout(0);
        X509Certificate cert = (X509Certificate) s.getSession().getPeerCertificates()[0];
        return settings.certificateIdentity().apply(cert);
    }

    private void read(InputStream in, Source source) throws IOException {
        while (open) {
            int n = decoder.fill(in);
            if (n < 0) return;
            while (true) {
                CotEvent e;
                try {
                    e = decoder.next();
                    if (e == null) break;
                    if (!takRequested && decoder.mode() == CotStreamDecoder.Mode.TAK) {
                        // a client that speaks protocol 1 from its first byte gets protocol 1 back
                        takRequested = true;
                        enqueue(SWITCH_TO_TAK, false);
                    }
                    if (!allow()) throw new CotRejected("rate limit of " + settings.maxEventsPerSecond() + " events/s exceeded");
                    if (e.isNegotiation()) {
                        negotiate(e);
                    } else {
                        picture.ingest(e, source);
                        server.ingested();
                    }
                } catch (CotRejected r) {
                    reject(r.getMessage());
                }
            }
        }
    }

    private void negotiate(CotEvent e) {
        if (!e.type().equals("t-x-takp-q")) return;
        int version = e.control() == null ? 0 : e.control().requestedVersion();
        boolean ok = version == 1 && decoder.mode() == CotStreamDecoder.Mode.XML;
        control(new CotXmlWriter().write(CotXmlWriter.versionResponse(System.currentTimeMillis(), ok)));
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

    private void reject(String reason) {
        server.rejected();
        rejects++;
        long now = System.currentTimeMillis();
        if (now - lastRejectLog >= 1000) {
            log.warn("CoT event from {} rejected ({} so far): {}", name, rejects, reason);
            lastRejectLog = now;
        }
    }

    // ------------------------------------------------------------------ output

    @Override
    public void deliver(Frame frame) {
        enqueue(frame, true);
    }

    private void control(byte[] bytes) {
        enqueue(bytes, false);
    }

    private void enqueue(Object item, boolean droppable) {
        lock.lock();
        try {
            if (!open) return;
            if (droppable) {
                if (queuedFrames >= settings.queuedFrames()) {
                    for (var it = queue.iterator(); it.hasNext(); ) {
                        Object o = it.next();
                        if (o instanceof Frame f && !f.replay()) {
                            it.remove();
                            queuedFrames--;
                            break;
                        }
                    }
                }
                queuedFrames++;
            }
            queue.addLast(item);
            ready.signal();
        } finally {
            lock.unlock();
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
                } finally {
                    lock.unlock();
                }
                if (item == null) continue;
                if (item == SWITCH_TO_TAK) {
                    takOut = true;
                } else if (item instanceof byte[] bytes) {
                    out.write(bytes);
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

    void close() {
        if (!open) return;
        open = false;
        lock.lock();
        try {
            queue.clear();
            ready.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
