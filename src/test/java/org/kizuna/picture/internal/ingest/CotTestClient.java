package org.kizuna.picture.internal.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.awaitility.Awaitility;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotRejected;
import org.kizuna.picture.internal.cot.CotStreamDecoder;
import org.kizuna.picture.internal.cot.CotXmlWriter;
import org.kizuna.picture.internal.cot.TakCodec;

/** A CoT client over a real socket for tests: sends XML or TAK protocol, records everything it receives. */
final class CotTestClient implements AutoCloseable {

    final Socket socket;
    final OutputStream out;
    final LinkedBlockingQueue<CotEvent> received = new LinkedBlockingQueue<>();
    final List<CotEvent> all = new CopyOnWriteArrayList<>();
    private final CotStreamDecoder decoder = new CotStreamDecoder();
    private volatile boolean tak;
    private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

    private CotTestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread.ofVirtual().start(this::read);
    }

    static CotTestClient plain(int port) throws IOException {
        return new CotTestClient(new Socket(java.net.InetAddress.getLoopbackAddress(), port));
    }

    static CotTestClient tls(int port, SSLContext context) throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket("localhost", port);
        s.startHandshake();
        return new CotTestClient(s);
    }

    private void read() {
        try {
            InputStream in = socket.getInputStream();
            while (decoder.fill(in) >= 0) {
                while (true) {
                    try {
                        CotEvent e = decoder.next();
                        if (e == null) break;
                        if ("t-x-takp-r".equals(e.type()) && e.control() != null && Boolean.TRUE.equals(e.control().responseStatus())) {
                            decoder.switchTo(CotStreamDecoder.Mode.TAK);
                        }
                        all.add(e);
                        received.add(e);
                    } catch (CotRejected r) {
                        received.add(new CotEvent("REJECTED", "x-rejected", r.getMessage(), 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, Double.NaN, Double.NaN,
                                null, null));
                    }
                }
            }
        } catch (IOException closed) {
            // the test is over, or the node closed the connection
        } finally {
            ended.countDown();
        }
    }

    /**
     * Waits until the node has subscribed this client to its reader's picture: from then on every frame the
     * client may see reaches it. (The node sends its version offer before it subscribes the connection, so
     * the offer alone does not say that.)
     */
    CotTestClient awaitSubscribed(CotServer server) {
        SocketAddress me = socket.getLocalSocketAddress();
        Awaitility.await("the node subscribes " + me + " to its picture").atMost(Duration.ofSeconds(5))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> server.receivesPicture(me));
        return this;
    }

    /** Whether the connection is still open: the node has not ended it (nor has this client). */
    boolean open() {
        return ended.getCount() > 0;
    }

    /** Whether the node closed this connection within the time. */
    boolean closedWithin(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Connects over mutual TLS and says whether the node refused the client: the handshake fails, or (TLS
     * 1.3, where the client may finish first) the connection ends without the node's version offer.
     */
    static boolean refused(int port, SSLContext context) throws Exception {
        CotTestClient c;
        try {
            c = tls(port, context);
        } catch (IOException handshakeFailed) {
            return true;
        }
        try (c) {
            boolean closed = c.closedWithin(Duration.ofSeconds(5));
            return closed && c.all.stream().noneMatch(e -> e.type().equals("t-x-takp-v"));
        }
    }

    /** Negotiates TAK protocol 1 as a TAK client does: waits for the offer, asks, waits for the answer. */
    void negotiate() throws Exception {
        await(e -> e.type().equals("t-x-takp-v"), Duration.ofSeconds(5));
        send(CotXmlWriter.versionRequest(System.currentTimeMillis(), 1));
        await(e -> e.type().equals("t-x-takp-r"), Duration.ofSeconds(5));
        tak = true;
    }

    synchronized void send(CotEvent e) throws IOException {
        out.write(tak ? TakCodec.frame(e) : new CotXmlWriter().write(e));
        out.flush();
    }

    synchronized void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    CotEvent await(Predicate<CotEvent> what, Duration timeout) throws InterruptedException {
        for (CotEvent e : all) {
            if (what.test(e)) return e;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            CotEvent e = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (e == null) throw new AssertionError("no matching event within " + timeout + "; received " + all.stream().map(CotEvent::uid).toList());
            if (what.test(e)) return e;
        }
    }

    boolean sawUid(String uid) {
        return all.stream().anyMatch(e -> e.uid().equals(uid));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
