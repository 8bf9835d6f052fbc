package org.kizuna.picture.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Reader;
import org.kizuna.node.NodePki;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.TrackView;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import org.kizuna.testing.Readers;

/**
 * The plain CoT port is no anonymous SECRET reader any more (issue 10, point 1): it listens on loopback,
 * an anonymous connection reads unclassified items only, reports for no registered sensor and can never
 * replace a track an authenticated (TLS) source owns; a configured plain reader reads with its user's
 * record and reports for the sensors that user registered. Real sockets, real CoT bytes.
 */
class CotPlainPortTests {

    static @TempDir Path dir;
    static NodePki pki;
    static SensorCatalog sensors;
    static LivePicture picture;
    static CotServer anonymousPort, readerPort;
    static SSLContext usa;

    static final Reader USA_UNCLASSIFIED = Readers.usa(Readers.UNCLASSIFIED), USA_SECRET = Readers.usa(),
            USA_TOP_SECRET = Readers.usa(Readers.TOP_SECRET);

    @BeforeAll
    static void start() throws Exception {
        pki = NodePki.loadOrCreate(dir.resolve("pki"), "USA");
        sensors = new SensorCatalog();
        sensors.register(new Sensor("USA-PLAIN-RADAR", "USA", "test radar", "radar", "SECRET//NOFORN", 100, 34.0, 135.0), "usa.ops");
        picture = new LivePicture(LabelKernel.standard().forNode("USA", "TOP SECRET"), sensors, "USA");
        var users = CotIdentities.fromCertificates(name -> name.equals("usa.watch")
                ? Optional.of(new CotIdentities.KnownUser("USA", "SECRET", Set.of()))
                : Optional.empty());
        anonymousPort = new CotServer(picture, new CotSettings(0, 0, CotIdentities.anonymous("USA"), users, 500, 64, 100), pki).start();
        CotIdentity ops = CotIdentities.plainReader("usa.ops", new CotIdentities.KnownUser("USA", "SECRET", Set.of()));
        readerPort = new CotServer(picture, new CotSettings(0, -1, ops, users, 500, 64, 100), null).start();
        usa = pki.clientContext(pki.issueClient("usa.watch", "USA", "SECRET"));
    }

    @AfterAll
    static void stop() {
        anonymousPort.close();
        readerPort.close();
        picture.close();
    }

    static CotEvent position(String uid, String access, String caveat, String rel, double lat, long time) {
        return new CotEvent(uid, "a-f-G-U-C", "m-g", time, time, time + 120_000, lat, 135.0, 0, 10, 10, access, caveat, rel, 3, 90, uid, null);
    }

    static CotEvent position(String uid, String access, String caveat, String rel, double lat) {
        return position(uid, access, caveat, rel, lat, System.currentTimeMillis());
    }

    @Test
    void thePlainPortListensOnLoopbackOnly() throws Exception {
        assertThat(anonymousPort.tcpAddress()).isNotNull();
        assertThat(anonymousPort.tcpAddress().isLoopbackAddress()).isTrue();
        // and a connection to one of this host's other addresses is refused
        InetAddress other = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()).findFirst().orElse(null);
        if (other != null) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(other, anonymousPort.tcpPort()), 2000);
                throw new AssertionError("the plain port answered on " + other);
            } catch (java.io.IOException refused) {
                // expected
            }
        }
    }

    @Test
    void anAnonymousPlainClientReceivesNoClassifiedTrack() throws Exception {
        try (CotTestClient anonymous = CotTestClient.plain(anonymousPort.tcpPort());
                CotTestClient sender = CotTestClient.tls(anonymousPort.tlsPort(), usa)) {
            anonymous.awaitSubscribed(anonymousPort);
            sender.awaitSubscribed(anonymousPort);
            sender.send(position("NF-SECRET-1", "SECRET", "NOFORN", null, 35.0));
            sender.send(position("REL-SECRET-1", "SECRET", null, "REL TO USA, JPN", 35.1));
            sender.send(position("UNCLAS-1", "UNCLASSIFIED", null, null, 35.2));
            // frames go out in order: once the unclassified track is here, the others would be too
            anonymous.await(e -> e.uid().equals("UNCLAS-1"), Duration.ofSeconds(5));
            assertThat(anonymous.sawUid("NF-SECRET-1")).as("an anonymous plain connection must never receive SECRET//NOFORN").isFalse();
            assertThat(anonymous.sawUid("REL-SECRET-1")).isFalse();
            sender.await(e -> e.uid().equals("NF-SECRET-1"), Duration.ofSeconds(5));
        }
        // nor in the replay of a later connection
        try (CotTestClient late = CotTestClient.plain(anonymousPort.tcpPort())) {
            late.await(e -> e.uid().equals("UNCLAS-1"), Duration.ofSeconds(5));
            assertThat(late.sawUid("NF-SECRET-1")).isFalse();
            assertThat(late.sawUid("REL-SECRET-1")).isFalse();
        }
    }

    @Test
    void anAnonymousPlainClientCannotReplaceATlsClientsSelfReportedTrack() throws Exception {
        long t0 = System.currentTimeMillis();
        try (CotTestClient owner = CotTestClient.tls(anonymousPort.tlsPort(), usa);
                CotTestClient anonymous = CotTestClient.plain(anonymousPort.tcpPort())) {
            owner.awaitSubscribed(anonymousPort);
            anonymous.awaitSubscribed(anonymousPort);
            owner.send(position("ALPHA-1", "SECRET", "NOFORN", null, 30.0, t0));
            owner.await(e -> e.uid().equals("ALPHA-1"), Duration.ofSeconds(5));
            // a newer report of the same uid, once with the owner's label and once unclassified
            anonymous.send(position("ALPHA-1", "SECRET", "NOFORN", null, 10.0, t0 + 1000));
            anonymous.send(position("ALPHA-1", "UNCLASSIFIED", null, null, 11.0, t0 + 2000));
            // the anonymous client sees its own unclassified report: it cannot tell a taken uid from a free one
            anonymous.await(e -> e.uid().equals("ALPHA-1") && e.lat() == 11.0, Duration.ofSeconds(5));
            owner.send(position("ALPHA-DONE", "SECRET", "NOFORN", null, 1.0));
            owner.await(e -> e.uid().equals("ALPHA-DONE"), Duration.ofSeconds(5));

            assertThat(owner.all).filteredOn(e -> e.uid().equals("ALPHA-1")).extracting(CotEvent::lat)
                    .as("the owner's map never shows the anonymous reports").containsOnly(30.0);
            assertThat(picture.tracks(USA_SECRET)).filteredOn(t -> t.id().equals("ALPHA-1"))
                    .extracting(TrackView::lat).containsExactly(30.0);
            assertThat(picture.tracks(USA_TOP_SECRET)).filteredOn(t -> t.id().equals("ALPHA-1"))
                    .extracting(TrackView::lat).containsExactly(30.0);
        }
    }

    @Test
    void anAnonymousPlainClientCannotReplaceAnotherPlainClientsTrack() throws Exception {
        try (CotTestClient first = CotTestClient.plain(anonymousPort.tcpPort());
                CotTestClient second = CotTestClient.plain(anonymousPort.tcpPort())) {
            first.send(position("BRAVO-1", "UNCLASSIFIED", null, null, 20.0));
            first.await(e -> e.uid().equals("BRAVO-1"), Duration.ofSeconds(5));
            second.send(position("BRAVO-1", "UNCLASSIFIED", null, null, 21.0, System.currentTimeMillis() + 1000));
            second.await(e -> e.uid().equals("BRAVO-1") && e.lat() == 21.0, Duration.ofSeconds(5));
            assertThat(picture.tracks(USA_SECRET)).filteredOn(t -> t.id().equals("BRAVO-1"))
                    .extracting(TrackView::lat).containsExactlyInAnyOrder(20.0, 21.0);
        }
    }

    @Test
    void anAnonymousPlainClientCannotReportAsARegisteredSensorButItsRegistrantCan() throws Exception {
        long before = picture.observations();
        try (CotTestClient anonymous = CotTestClient.plain(anonymousPort.tcpPort())) {
            anonymous.send(position("USA-PLAIN-RADAR.7", "UNCLASSIFIED", null, null, 34.5));
            anonymous.send(position("SYNC-ANON", "UNCLASSIFIED", null, null, 1.0));
            anonymous.await(e -> e.uid().equals("SYNC-ANON"), Duration.ofSeconds(5));
            assertThat(picture.observations()).as("no observation credited to the radar").isEqualTo(before);
            // the report is an ordinary self-report of the anonymous connection, under the label it carries
            assertThat(picture.tracks(USA_UNCLASSIFIED)).extracting(TrackView::id).contains("USA-PLAIN-RADAR.7");
        }
        // the plain port whose configured reader registered the radar reports for it
        try (CotTestClient ops = CotTestClient.plain(readerPort.tcpPort())) {
            ops.send(position("USA-PLAIN-RADAR.8", null, null, null, 34.6));
            Awaitility.await("the radar's report reaches the picture").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> picture.observations() > before);
            assertThat(picture.observations()).isEqualTo(before + 1);
        }
    }

    @Test
    void aConfiguredPlainReaderReadsWithItsUsersClearance() throws Exception {
        try (CotTestClient ops = CotTestClient.plain(readerPort.tcpPort());
                CotTestClient sender = CotTestClient.tls(anonymousPort.tlsPort(), usa)) {
            ops.awaitSubscribed(readerPort);
            sender.send(position("NF-FOR-OPS", "SECRET", "NOFORN", null, 36.0));
            ops.await(e -> e.uid().equals("NF-FOR-OPS"), Duration.ofSeconds(5));
        }
    }

    @Test
    void aPlainReaderWhoIsDisabledIsRefusedAndCut() throws Exception {
        var enabled = new java.util.concurrent.atomic.AtomicBoolean(true);
        CotSettings settings = new CotSettings(0, -1, InetAddress.getLoopbackAddress(), null,
                () -> CotIdentities.plainReader("usa.ops", new CotIdentities.KnownUser("USA", "SECRET", Set.of(), enabled.get())),
                cert -> {
                    throw new IllegalArgumentException("no TLS here");
                }, 500, 64, 10, 10,
                CotSettings.DEFAULT_IDLE_TIMEOUT, CotSettings.DEFAULT_HANDSHAKE_TIMEOUT);
        try (CotServer port = new CotServer(picture, settings, null).start()) {
            try (CotTestClient ops = CotTestClient.plain(port.tcpPort())) {
                ops.await(e -> e.type().equals("t-x-takp-v"), Duration.ofSeconds(5));
                enabled.set(false);
                assertThat(port.disconnectUser("usa.ops", "user-disabled")).isEqualTo(1);
                assertThat(ops.closedWithin(Duration.ofSeconds(2))).isTrue();
            }
            try (CotTestClient refused = CotTestClient.plain(port.tcpPort())) {
                assertThat(refused.closedWithin(Duration.ofSeconds(5))).isTrue();
                assertThat(refused.all).noneMatch(e -> e.type().equals("t-x-takp-v"));
            }
            assertThat(port.rejectedByReason()).containsEntry("user-disabled", 1L).containsEntry("plain-reader", 1L);
        }
    }
}
