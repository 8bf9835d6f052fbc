package org.kizuna.picture.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import org.kizuna.picture.TrackView;
import org.kizuna.picture.internal.cot.CotStreamDecoder;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.sensors.SensorCatalog;
import org.kizuna.testing.Readers;

/**
 * End to end over real sockets: events in over plain TCP and mutual TLS, in XML and TAK protocol 1 after
 * negotiation, show up in the picture and in the streams of connected clients that may see them, and
 * never in the stream of one that may not.
 */
class CotServerTests {

    static @TempDir Path dir;
    static NodePki pki;
    static LivePicture picture;
    static CotServer server;
    static SSLContext usa, jpn;

    static final Reader USA_SECRET = Readers.usa(), USA_TOP_SECRET = Readers.usa(Readers.TOP_SECRET),
            USA_CONFIDENTIAL = Readers.usa(Readers.CONFIDENTIAL), JPN_SECRET = Readers.jpn();

    @BeforeAll
    static void start() throws Exception {
        pki = NodePki.loadOrCreate(dir.resolve("pki"), "USA");
        LabelKernel kernel = LabelKernel.standard().forNode("USA", "TOP SECRET");
        picture = new LivePicture(kernel, new SensorCatalog(), "USA");
        // plain connections are anonymous (UNCLASSIFIED readers); the TLS clients are users the node knows
        CotSettings settings = new CotSettings(0, 0, CotIdentities.anonymous("USA"),
                CotIdentities.fromCertificates(CotServerTests::known), 500, 64, 100);
        server = new CotServer(picture, settings, pki).start();
        usa = pki.clientContext(pki.issueClient("usa.watch", "USA", "SECRET"));
        jpn = pki.clientContext(pki.issueClient("jpn.watch", "JPN", "SECRET"));
    }

    static Optional<CotIdentities.KnownUser> known(String name) {
        return switch (name) {
            case "usa.watch" -> Optional.of(new CotIdentities.KnownUser("USA", "SECRET", Set.of()));
            case "jpn.watch" -> Optional.of(new CotIdentities.KnownUser("JPN", "SECRET", Set.of()));
            default -> Optional.empty();
        };
    }

    @AfterAll
    static void stop() {
        server.close();
        picture.close();
    }

    static CotEvent position(String uid, String access, String caveat, String rel, double lat, double lon) {
        long now = System.currentTimeMillis();
        return new CotEvent(uid, "a-f-S-C", "m-g", now, now, now + 60_000, lat, lon, 0, 10, 10, access, caveat, rel, 8.5, 45, uid.toLowerCase(), null);
    }

    @Test
    void xmlOverTcpReachesTheApiAndOnlyTheClientsThatMaySeeIt() throws Exception {
        try (CotTestClient usaClient = CotTestClient.tls(server.tlsPort(), usa);
                CotTestClient jpnClient = CotTestClient.tls(server.tlsPort(), jpn);
                CotTestClient sender = CotTestClient.plain(server.tcpPort())) {
            usaClient.awaitSubscribed(server);
            jpnClient.awaitSubscribed(server);
            sender.send(position("NF-TCP-1", "SECRET", "NOFORN", null, 34.1, 139.2));
            sender.send(position("REL-TCP-1", "SECRET", null, "REL TO USA, JPN", 34.2, 139.3));

            CotEvent atUsa = usaClient.await(e -> e.uid().equals("REL-TCP-1"), Duration.ofSeconds(5));
            usaClient.await(e -> e.uid().equals("NF-TCP-1"), Duration.ofSeconds(5));
            CotEvent atJpn = jpnClient.await(e -> e.uid().equals("REL-TCP-1"), Duration.ofSeconds(5));
            assertThat(atUsa.releasableTo()).isEqualTo("REL TO USA, JPN");
            assertThat(atUsa.lat()).isEqualTo(34.2);
            assertThat(atUsa.speed()).isEqualTo(8.5);
            assertThat(atJpn.access()).isEqualTo("SECRET");
            assertThat(jpnClient.sawUid("NF-TCP-1")).as("JPN reader must never receive a NOFORN track").isFalse();

            List<TrackView> usaTracks = picture.tracks(USA_SECRET);
            List<TrackView> jpnTracks = picture.tracks(JPN_SECRET);
            assertThat(usaTracks).extracting(TrackView::id).contains("NF-TCP-1", "REL-TCP-1");
            assertThat(jpnTracks).extracting(TrackView::id).contains("REL-TCP-1").doesNotContain("NF-TCP-1");
            TrackView rel = usaTracks.stream().filter(t -> t.id().equals("REL-TCP-1")).findFirst().orElseThrow();
            assertThat(rel.banner()).isEqualTo("SECRET//REL TO USA, JPN");
            assertThat(rel.affiliation()).isEqualTo("f");
            assertThat(rel.dimension()).isEqualTo("S");
            assertThat(rel.nations()).containsExactly("USA");
            assertThat(picture.tracks(USA_CONFIDENTIAL)).extracting(TrackView::id).doesNotContain("REL-TCP-1");
        }
    }

    @Test
    void takProtocolOverMutualTlsAfterNegotiation() throws Exception {
        try (CotTestClient jpnSender = CotTestClient.tls(server.tlsPort(), jpn);
                CotTestClient usaClient = CotTestClient.tls(server.tlsPort(), usa)) {
            jpnSender.negotiate();
            jpnSender.awaitSubscribed(server);
            usaClient.awaitSubscribed(server);
            jpnSender.send(position("JS-MAYA", "SECRET", null, "REL TO USA, JPN", 35.3, 139.6));
            // unlabelled: takes the sender's own-nation default (JPN only), so the USA reader may not see it
            jpnSender.send(position("JPN-ONLY-1", null, null, null, 35.4, 139.7));
            CotEvent echo = jpnSender.await(e -> e.uid().equals("JS-MAYA"), Duration.ofSeconds(5));
            assertThat(echo.type()).isEqualTo("a-f-S-C");
            CotEvent atUsa = usaClient.await(e -> e.uid().equals("JS-MAYA"), Duration.ofSeconds(5));
            assertThat(atUsa.callsign()).isEqualTo("js-maya");
            jpnSender.send(position("JS-KONGO", "SECRET", null, "REL TO USA, JPN", 35.5, 139.8));
            usaClient.await(e -> e.uid().equals("JS-KONGO"), Duration.ofSeconds(5));
            assertThat(usaClient.sawUid("JPN-ONLY-1")).isFalse();
            // a USA node may not hold JPN-only information, so nobody here sees it, JPN readers included
            assertThat(picture.tracks(JPN_SECRET)).extracting(TrackView::id).contains("JS-MAYA").doesNotContain("JPN-ONLY-1");
            assertThat(picture.tracks(USA_TOP_SECRET)).extracting(TrackView::id).doesNotContain("JPN-ONLY-1");
        }
    }

    @Test
    void aClientSpeakingProtocolOneFromItsFirstByteGetsProtocolOneBack() throws Exception {
        try (java.net.Socket s = new java.net.Socket("localhost", server.tcpPort())) {
            // unclassified: the echo reaches this anonymous plain connection
            s.getOutputStream().write(org.kizuna.picture.internal.cot.TakCodec.frame(position("TAK-DIRECT-1", "UNCLASSIFIED", null, null, 30.5, 131.5)));
            s.getOutputStream().flush();
            s.setSoTimeout(5000);
            CotStreamDecoder decoder = new CotStreamDecoder();
            boolean sawXmlOffer = false, sawTakEcho = false;
            long deadline = System.currentTimeMillis() + 5000;
            while (!sawTakEcho && System.currentTimeMillis() < deadline) {
                decoder.fill(s.getInputStream());
                while (true) {
                    CotEvent e;
                    try {
                        e = decoder.next();
                    } catch (org.kizuna.picture.CotRejected xmlReplayReadAsProtocolOne) {
                        continue; // the replay before the switch is XML; the decoder skips to the next 0xBF
                    }
                    if (e == null) break;
                    if (e.type().equals("t-x-takp-v")) {
                        sawXmlOffer = true;
                        decoder.switchTo(CotStreamDecoder.Mode.TAK);
                    } else if (e.uid().equals("TAK-DIRECT-1")) {
                        sawTakEcho = decoder.mode() == CotStreamDecoder.Mode.TAK;
                    }
                }
            }
            assertThat(sawXmlOffer).isTrue();
            assertThat(sawTakEcho).isTrue();
        }
    }

    @Test
    void aPartnerReusingAUidCannotOverwriteOrHideATrack() throws Exception {
        try (CotTestClient usaSender = CotTestClient.tls(server.tlsPort(), usa);
                CotTestClient jpnSender = CotTestClient.tls(server.tlsPort(), jpn)) {
            usaSender.send(position("SHARED-UID", "SECRET", "NOFORN", null, 30.0, 140.0));
            usaSender.await(e -> e.uid().equals("SHARED-UID"), Duration.ofSeconds(5));
            jpnSender.send(position("SHARED-UID", "SECRET", null, "REL TO USA, JPN", 20.0, 120.0));
            jpnSender.await(e -> e.uid().equals("SHARED-UID"), Duration.ofSeconds(5));
            // each echo left the picture after the picture took that report: both versions are held now
            assertThat(picture.tracks(USA_SECRET)).filteredOn(t -> t.id().equals("SHARED-UID")).extracting(TrackView::lat)
                    .containsExactlyInAnyOrder(30.0, 20.0);
            assertThat(picture.tracks(JPN_SECRET)).filteredOn(t -> t.id().equals("SHARED-UID"))
                    .extracting(TrackView::lat).containsExactly(20.0);
        }
    }

    @Test
    void latestPictureIsReplayedOnConnect() throws Exception {
        try (CotTestClient sender = CotTestClient.plain(server.tcpPort())) {
            sender.send(position("REPLAY-1", "SECRET", null, "REL TO USA, JPN", 33.0, 135.0));
            Awaitility.await("the picture holds REPLAY-1").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> picture.tracks(JPN_SECRET).stream().anyMatch(t -> t.id().equals("REPLAY-1")));
        }
        try (CotTestClient late = CotTestClient.tls(server.tlsPort(), jpn)) {
            CotEvent e = late.await(x -> x.uid().equals("REPLAY-1"), Duration.ofSeconds(5));
            assertThat(e.lat()).isEqualTo(33.0);
        }
    }

    @Test
    void hostileInputOnAConnectionIsRejectedAndTheNextGoodEventStillArrives() throws Exception {
        try (CotTestClient sender = CotTestClient.plain(server.tcpPort());
                CotTestClient watcher = CotTestClient.tls(server.tlsPort(), usa)) {
            watcher.awaitSubscribed(server);
            long before = server.rejectedEvents(), labelsBefore = server.rejectedByReason().getOrDefault("label", 0L);
            // times around the node's clock, so that each event is refused for what it is and not for its time
            String time = org.kizuna.picture.internal.cot.CotTime.format(System.currentTimeMillis()),
                    stale = org.kizuna.picture.internal.cot.CotTime.format(System.currentTimeMillis() + 60_000);
            String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                    + "<event version=\"2.0\" uid=\"BOMB\" type=\"a-h-A\" time=\"" + time + "\" start=\"" + time + "\" stale=\"" + stale
                    + "\"><point lat=\"1\" lon=\"1\"/><detail><remarks>&lol2;</remarks></detail></event>";
            sender.sendRaw(bomb.getBytes(StandardCharsets.UTF_8));
            sender.sendRaw("\u0000\u0001garbage<<<".getBytes(StandardCharsets.UTF_8));
            sender.sendRaw(("<event version=\"2.0\" uid=\"BADLABEL\" type=\"a-h-A\" time=\"" + time + "\" start=\"" + time + "\" "
                    + "stale=\"" + stale + "\" access=\"SECRET\" releasableTo=\"rel to usa, jpn\"><point lat=\"1\" lon=\"1\"/></event>")
                    .getBytes(StandardCharsets.UTF_8));
            sender.sendRaw(("<event version=\"2.0\" uid=\"x\"><detail>" + "<a>".repeat(100) + "</detail></event>").getBytes(StandardCharsets.UTF_8));
            sender.send(position("AFTER-HOSTILE", "SECRET", null, "REL TO USA, JPN", 34.0, 136.0));
            watcher.await(e -> e.uid().equals("AFTER-HOSTILE"), Duration.ofSeconds(5));
            assertThat(watcher.sawUid("BOMB")).isFalse();
            assertThat(watcher.sawUid("BADLABEL")).isFalse();
            assertThat(server.rejectedEvents() - before).isGreaterThanOrEqualTo(4);
            assertThat(server.rejectedByReason().getOrDefault("label", 0L)).as("BADLABEL is refused for its label").isEqualTo(labelsBefore + 1);
        }
    }

    @Test
    void tlsWithoutAClientCertificateOrFromAnotherCaIsRefused() throws Exception {
        long handshakesRefused = server.rejectedByReason().getOrDefault("handshake", 0L);
        NodePki other = NodePki.loadOrCreate(dir.resolve("other-pki"), "JPN");
        SSLContext foreign = other.clientContext(other.issueClient("intruder", "JPN", "TOP SECRET"));
        assertThatThrownBy(() -> {
            try (CotTestClient c = CotTestClient.tls(server.tlsPort(), foreign)) {
                c.send(position("INTRUDER", "SECRET", null, "REL TO USA, JPN", 1, 1));
                c.await(e -> e.type().equals("t-x-takp-v"), Duration.ofSeconds(2));
            }
        }).isInstanceOfAny(java.io.IOException.class, AssertionError.class);
        Awaitility.await("the node counts the refused handshake").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> server.rejectedByReason().getOrDefault("handshake", 0L) > handshakesRefused);
        assertThat(picture.tracks(USA_TOP_SECRET)).extracting(TrackView::id).doesNotContain("INTRUDER");
        // the server still serves good clients
        try (CotTestClient ok = CotTestClient.tls(server.tlsPort(), usa)) {
            ok.await(e -> e.type().equals("t-x-takp-v"), Duration.ofSeconds(5));
        }
    }
}
