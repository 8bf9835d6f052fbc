package org.kizuna.picture.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLServerSocket;

import org.jspecify.annotations.Nullable;
import org.kizuna.picture.Picture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CoT listeners of a node: plain TCP (8087, for local use) and TLS 1.3 with a client certificate
 * required (8089). Each connection runs on virtual threads (one reading, one writing) and carries CoT XML
 * or, after negotiation, TAK protocol 1, both ways.
 */
public final class CotServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CotServer.class);

    private final Picture picture;
    private final CotSettings settings;
    private final @Nullable NodePki pki;
    private final Set<CotConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong rejectedEvents = new AtomicLong(), ingested = new AtomicLong();
    private @Nullable ServerSocket plain;
    private @Nullable ServerSocket tls;
    private volatile boolean open = true;

    public CotServer(Picture picture, CotSettings settings, @Nullable NodePki pki) {
        this.picture = picture;
        this.settings = settings;
        this.pki = pki;
    }

    public CotServer start() throws IOException {
        if (settings.tcpPort() >= 0) {
            plain = new ServerSocket();
            plain.setReuseAddress(true);
            plain.bind(new InetSocketAddress(settings.tcpPort()), 1024);
            Thread.ofVirtual().name("cot-accept-tcp").start(() -> accept(plain, false));
            log.info("CoT TCP (XML and TAK protocol) listening on port {}", plain.getLocalPort());
        }
        if (settings.tlsPort() >= 0) {
            if (pki == null) throw new IllegalStateException("the TLS listener needs the node's PKI");
            SSLServerSocket s = (SSLServerSocket) pki.serverContext().getServerSocketFactory().createServerSocket();
            s.setNeedClientAuth(true);
            s.setEnabledProtocols(new String[] {"TLSv1.3"});
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(settings.tlsPort()), 1024);
            tls = s;
            Thread.ofVirtual().name("cot-accept-tls").start(() -> accept(s, true));
            log.info("CoT TLS (mutual, TLS 1.3) listening on port {}", s.getLocalPort());
        }
        return this;
    }

    public int tcpPort() {
        return plain == null ? -1 : plain.getLocalPort();
    }

    public int tlsPort() {
        return tls == null ? -1 : tls.getLocalPort();
    }

    public int connectionCount() {
        return connections.size();
    }

    /** Events refused so far (malformed, hostile, over the rate limit, unlabelled...). */
    public long rejectedEvents() {
        return rejectedEvents.get();
    }

    /** Events taken into the picture so far. */
    public long ingestedEvents() {
        return ingested.get();
    }

    private void accept(ServerSocket server, boolean secure) {
        while (open) {
            try {
                Socket socket = server.accept();
                if (connections.size() >= settings.maxConnections()) {
                    log.warn("CoT connection from {} refused: {} connections already", socket.getRemoteSocketAddress(), connections.size());
                    socket.close();
                    continue;
                }
                CotConnection c = new CotConnection(socket, secure, picture, settings, this);
                connections.add(c);
                Thread.ofVirtual().name("cot-in-" + socket.getRemoteSocketAddress()).start(c::run);
            } catch (IOException e) {
                if (open) log.warn("CoT accept failed: {}", e.toString());
            }
        }
    }

    void closed(CotConnection c) {
        connections.remove(c);
    }

    void rejected() {
        rejectedEvents.incrementAndGet();
    }

    void ingested() {
        ingested.incrementAndGet();
    }

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
