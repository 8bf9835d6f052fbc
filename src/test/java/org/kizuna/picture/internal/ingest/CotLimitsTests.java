package org.kizuna.picture.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.node.NodePki;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.Source;
import org.kizuna.picture.internal.cot.CotXmlWriter;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import org.kizuna.testing.Readers;

/**
 * The CoT listeners stay bounded under hostile or broken clients (issue 10, point 4): a cap per listener
 * and per remote address, idle and handshake timeouts, bounded output for a client that never reads,
 * refusals counted by reason, and a close that does not wait for anyone. Real sockets, real CoT bytes.
 */
class CotLimitsTests {

    static @TempDir Path dir;
    static NodePki pki;
    static SSLContext usa;
    static final org.kizuna.label.Reader USA_SECRET = Readers.usa();

    LivePicture picture;
    CotServer server;
    final List<Socket> sockets = new ArrayList<>();

    @BeforeAll
    static void pki() {
        pki = NodePki.loadOrCreate(dir.resolve("pki"), "USA");
        usa = pki.clientContext(pki.issueClient("usa.watch", "USA", "SECRET"));
    }

    CotServer start(CotSettings settings) throws IOException {
        picture = new LivePicture(LabelKernel.standard().forNode("USA", "TOP SECRET"), new SensorCatalog(), "USA");
        server = new CotServer(picture, settings, pki).start();
        return server;
    }

    static CotSettings settings(int rate) {
        return new CotSettings(0, 0, CotIdentities.anonymous("USA"),
                CotIdentities
                        .fromCertificates(n -> n.equals("usa.watch") ? Optional.of(new CotIdentities.KnownUser("USA", "SECRET", Set.of())) : Optional.empty()),
                rate, 64, 1000);
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) s.close();
        if (server != null) server.close();
        if (picture != null) picture.close();
    }

    Socket plain() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.tcpPort());
        sockets.add(s);
        return s;
    }

    /** Whether the node ends this connection (end of stream or reset) within five seconds. */
    static boolean endedByNode(Socket s) throws IOException {
        s.setSoTimeout(5000);
        InputStream in = s.getInputStream();
        byte[] buf = new byte[8192];
        long deadline = System.currentTimeMillis() + 5000;
        try {
            while (System.currentTimeMillis() < deadline) {
                if (in.read(buf) < 0) return true;
            }
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
        return false;
    }

    static void awaitCount(CotServer server, String reason, long atLeast) {
        Awaitility.await("at least " + atLeast + " refused for " + reason).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(server.rejectedByReason().getOrDefault(reason, 0L)).as(reason + " in " + server.rejectedByReason())
                        .isGreaterThanOrEqualTo(atLeast));
    }

    /** Waits until exactly that many connections are open on the listener. */
    void awaitOpen(String listener, int connections) {
        Awaitility.await(connections + " open on " + listener).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> server.openConnections().get(listener) == connections);
    }

    @Test
    void idlePlainSocketsFillingTheirListenerNeverLockOutTlsClients() throws Exception {
        start(settings(500).withCaps(5, 100));
        for (int i = 0; i < 5; i++) plain();
        awaitOpen(CotServer.PLAIN, 5);
        Socket sixth = plain();
        assertThat(endedByNode(sixth)).as("the sixth plain connection is refused").isTrue();
        awaitCount(server, "connection-cap", 1);
        try (CotTestClient tls = CotTestClient.tls(server.tlsPort(), usa)) {
            tls.await(e -> e.type().equals("t-x-takp-v"), Duration.ofSeconds(5));
            assertThat(server.openConnections()).containsEntry(CotServer.PLAIN, 5).containsEntry(CotServer.TLS, 1);
        }
    }

    @Test
    void oneAddressCannotTakeMoreThanItsShareOfAListener() throws Exception {
        start(settings(500).withCaps(100, 3));
        for (int i = 0; i < 3; i++) plain();
        awaitOpen(CotServer.PLAIN, 3);
        assertThat(endedByNode(plain())).as("the fourth plain connection from one address is refused").isTrue();
        awaitCount(server, "address-cap", 1);
        // the same address still reaches the TLS listener, up to its share there
        List<CotTestClient> tls = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                CotTestClient c = CotTestClient.tls(server.tlsPort(), usa);
                tls.add(c);
                c.await(e -> e.type().equals("t-x-takp-v"), Duration.ofSeconds(5));
            }
            assertThat(CotTestClient.refused(server.tlsPort(), usa)).isTrue();
            awaitCount(server, "address-cap", 2);
        } finally {
            for (CotTestClient c : tls) c.close();
        }
        // a slot freed is a slot again
        sockets.getFirst().close();
        awaitOpen(CotServer.PLAIN, 2);
        try (CotTestClient again = CotTestClient.plain(server.tcpPort())) {
            again.await(e -> e.type().equals("t-x-takp-v"), Duration.ofSeconds(5));
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheIdleTimeout() throws Exception {
        start(settings(500).withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(5)));
        Socket idle = plain();
        assertThat(endedByNode(idle)).isTrue();
        awaitCount(server, "idle", 1);
        try (CotTestClient idleTls = CotTestClient.tls(server.tlsPort(), usa)) {
            idleTls.await(e -> e.type().equals("t-x-takp-v"), Duration.ofSeconds(5));
            assertThat(idleTls.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        awaitCount(server, "idle", 2);
        // a client that keeps sending (every 100 ms, a third of the idle timeout) stays
        AtomicInteger sent = new AtomicInteger();
        try (CotTestClient talker = CotTestClient.plain(server.tcpPort());
                ScheduledExecutorService every100ms = Executors.newSingleThreadScheduledExecutor()) {
            long t0 = System.currentTimeMillis();
            every100ms.scheduleAtFixedRate(() -> {
                try {
                    int i = sent.incrementAndGet();
                    talker.send(new CotEvent("TALK-" + i, "a-f-G", "m-g", t0, t0, t0 + 60_000, 1, 1, 0, 1, 1, "UNCLASSIFIED", null, null, 0, 0, null, null));
                } catch (IOException cut) {
                    // the connection was closed: the wait below fails
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            Awaitility.await("a talking client stays connected for three idle timeouts").during(Duration.ofMillis(900)).atMost(Duration.ofSeconds(3))
                    .until(talker::open);
        }
        assertThat(sent.get()).as("it kept talking all along").isGreaterThanOrEqualTo(5);
        assertThat(server.rejectedByReason()).as("nobody else was cut for idling").containsEntry("idle", 2L);
    }

    @Test
    void aTlsHandshakeThatDoesNotCompleteIsClosed() throws Exception {
        start(settings(500).withTimeouts(Duration.ofMinutes(5), Duration.ofMillis(500)));
        Socket silent = new Socket(InetAddress.getLoopbackAddress(), server.tlsPort());
        sockets.add(silent);
        assertThat(endedByNode(silent)).isTrue();
        // a peer trickling bytes of a handshake is closed as well
        Socket trickle = new Socket(InetAddress.getLoopbackAddress(), server.tlsPort());
        sockets.add(trickle);
        OutputStream out = trickle.getOutputStream();
        CompletableFuture<Boolean> ended = CompletableFuture.supplyAsync(() -> {
            try {
                return endedByNode(trickle);
            } catch (IOException e) {
                return true;
            }
        });
        // the first bytes of a ClientHello, one every 200 ms: each read completes well within the timeout
        byte[] hello = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};
        AtomicInteger written = new AtomicInteger();
        try (ScheduledExecutorService every200ms = Executors.newSingleThreadScheduledExecutor()) {
            every200ms.scheduleAtFixedRate(() -> {
                int i = written.get();
                if (i >= hello.length) return;
                try {
                    out.write(hello[i]);
                    out.flush();
                    written.incrementAndGet();
                } catch (IOException closedMeanwhile) {
                    // the node gave up on it
                }
            }, 0, 200, TimeUnit.MILLISECONDS);
            assertThat(ended.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(written.get()).as("closed by the handshake's deadline while the peer was still trickling").isLessThan(hello.length);
        }
        awaitCount(server, "handshake", 2);
        assertThat(server.openConnections()).containsEntry(CotServer.TLS, 0);
    }

    @Test
    void aClientThatAsksWithoutEverReadingIsCutNotQueuedWithoutLimit() throws Exception {
        start(settings(1_000_000));
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), server.tcpPort()));
        sockets.add(s);
        // version 2 is refused, so each request is answered and the stream stays XML
        byte[] request = new CotXmlWriter().write(CotXmlWriter.versionRequest(System.currentTimeMillis(), 2));
        OutputStream out = s.getOutputStream();
        boolean cut = false;
        try {
            for (int i = 0; i < 200_000 && !cut; i++) {
                out.write(request);
                if (i % 1000 == 0) cut = server.rejectedByReason().containsKey("slow-reader");
            }
        } catch (IOException closedByNode) {
            cut = true;
        }
        assertThat(cut).as("a client that never reads its replies is cut").isTrue();
        awaitCount(server, "slow-reader", 1);
    }

    @Test
    void refusedEventsAreCountedByReason() throws Exception {
        start(settings(5));
        try (CotTestClient c = CotTestClient.plain(server.tcpPort())) {
            c.sendRaw("<event version=\"2.0\" uid=\"x\"><detail></event>garbage<<<</event>".getBytes(StandardCharsets.UTF_8));
            c.sendRaw(
                    ("<event version=\"2.0\" uid=\"BIG\" type=\"a-f-G\" time=\"2026-11-23T07:00:00Z\" start=\"2026-11-23T07:00:00Z\" stale=\"2030-01-01T00:00:00Z\">"
                            + "<detail><remarks>" + "x".repeat(70_000) + "</remarks></detail></event>").getBytes(StandardCharsets.UTF_8));
            long t0 = System.currentTimeMillis();
            for (int i = 0; i < 40; i++) {
                c.send(new CotEvent("RATE-" + i, "a-f-G", "m-g", t0, t0, t0 + 60_000, 1, 1, 0, 1, 1, "UNCLASSIFIED", null, null, 0, 0, null, null));
            }
            awaitCount(server, "malformed", 1);
            awaitCount(server, "oversized", 1);
            awaitCount(server, "rate", 1);
        }
        assertThat(server.rejectedEvents()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void closeReturnsAtOnceWithClientsBlockedOnWrites() throws Exception {
        start(settings(500));
        List<SSLSocket> stuck = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SSLSocket s = (SSLSocket) usa.getSocketFactory().createSocket();
            s.setReceiveBufferSize(4096);
            s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), server.tlsPort()));
            s.startHandshake();
            sockets.add(s);
            stuck.add(s);
        }
        Socket plainStuck = new Socket();
        plainStuck.setReceiveBufferSize(4096);
        plainStuck.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), server.tcpPort()));
        sockets.add(plainStuck);
        // one client that reads: it shows when the picture has sent a batch out
        CotTestClient observer = CotTestClient.plain(server.tcpPort());
        sockets.add(observer.socket);
        observer.awaitSubscribed(server);
        Awaitility.await("4 stuck clients and the observer connected").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> server.connectionCount() == 5);
        // megabytes of unclassified tracks that the stuck clients do not read, in batches that each leave the
        // picture in frames of their own: every stuck connection's writer blocks on its socket with frames queued
        Source feed = new Source("test", "USA", Label.parse("UNCLASSIFIED"));
        long t0 = System.currentTimeMillis();
        for (int batch = 0; batch < 10; batch++) {
            for (int i = batch * 2000; i < (batch + 1) * 2000; i++) {
                picture.ingest(new CotEvent("FLOOD-" + i, "a-f-G", "m-g", t0, t0, t0 + 600_000, 10 + i * 1e-4, 10, 0, 1, 1, "UNCLASSIFIED", null, null,
                        0, 0, "callsign-of-a-flooding-track-" + "x".repeat(200), null), feed);
            }
            String last = "FLOOD-" + ((batch + 1) * 2000 - 1);
            observer.await(e -> e.uid().equals(last), Duration.ofSeconds(10));
        }
        Awaitility.await("writers blocked on clients that do not read: their queues stay filled").during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5)).until(() -> server.longestOutputQueue() > 0);
        assertThat(server.connectionCount()).as("nobody was cut").isEqualTo(5);
        assertThat(server.longestOutputQueue()).as("a client that does not read has a bounded queue")
                .isPositive().isLessThanOrEqualTo(64 + CotConnection.MAX_QUEUED_CONTROL);
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        closing.get(2, TimeUnit.SECONDS); // throws TimeoutException when close waits on a client
        for (SSLSocket s : stuck) assertThat(endedByNode(s)).isTrue();
        server = null;
    }

    @Test
    void eventsFarFromTheNodesClockAreRefusedOverTheWireAndNeverStopExpiry() throws Exception {
        start(settings(500));
        long now = System.currentTimeMillis();
        long year = 365L * 86_400_000L;
        try (CotTestClient tls = CotTestClient.tls(server.tlsPort(), usa)) {
            tls.await(e -> e.type().equals("t-x-takp-v"), Duration.ofSeconds(5));
            tls.send(new CotEvent("FUTURE-1", "a-f-G", "m-g", now + year, now + year, now + 2 * year, 35, 139, 0, 1, 1, "UNCLASSIFIED", null, null, 0, 0, null,
                    null));
            tls.send(
                    new CotEvent("PAST-1", "a-f-G", "m-g", now - year, now - year, now + year, 35, 139, 0, 1, 1, "UNCLASSIFIED", null, null, 0, 0, null, null));
            // a current event whose stale lies a year ahead: taken, with its stale cut to the picture's cap
            tls.send(new CotEvent("NOW-1", "a-f-G", "m-g", now, now, now + year, 35, 139, 0, 1, 1, "UNCLASSIFIED", null, null, 0, 0, null, null));
            awaitCount(server, "time", 2);
        }
        Awaitility.await("the picture holds NOW-1").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> !picture.tracks(USA_SECRET).isEmpty());
        assertThat(picture.tracks(USA_SECRET)).extracting(t -> t.id()).containsExactly("NOW-1");
        assertThat(picture.tracks(USA_SECRET).getFirst().stale())
                .as("a far stale is cut to the picture's cap").isBefore(java.time.Instant.ofEpochMilli(now).plus(Duration.ofHours(1)).plusSeconds(1));
        assertThat(picture.refusedByReason()).containsEntry("time-in-future", 1L).containsEntry("time-too-old", 1L);
    }
}
