package org.kizuna.picture.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.label.LabelKernel;
import org.kizuna.node.NodePki;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.internal.cot.CotXmlWriter;
import org.kizuna.picture.internal.cot.DetailElements;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.sensors.SensorCatalog;

/**
 * TAK clients work unchanged (issue 16, points 1 and 3), over real mutual TLS with real CoT bytes: an unlabelled
 * ATAK position report takes its user's default label; one the node may not hold is refused, counted on its
 * connection, logged and told to the client; relayed reports keep their detail elements and their ce, le and hae;
 * pings are answered in the protocol the connection speaks; the version offer names the server; TLS 1.2 is served
 * when configured and refused by default.
 */
class TakClientsTests {

    @TempDir Path dir;

    LivePicture picture;
    CotServer server;
    NodePki pki;

    static final Function<String, Optional<CotIdentities.KnownUser>> USERS = name -> switch (name) {
        case "jpn.team" -> Optional.of(new CotIdentities.KnownUser("JPN", "SECRET", Set.of(), true, "SECRET//REL TO USA, JPN"));
        case "jpn.lost" -> Optional.of(new CotIdentities.KnownUser("JPN", "SECRET", Set.of()));
        case "jpn.watch" -> Optional.of(new CotIdentities.KnownUser("JPN", "SECRET", Set.of()));
        case "usa.watch" -> Optional.of(new CotIdentities.KnownUser("USA", "SECRET", Set.of()));
        default -> Optional.empty();
    };

    void start(CotSettings.Tls tls) throws Exception {
        pki = NodePki.loadOrCreate(dir.resolve("pki"), "USA");
        picture = new LivePicture(LabelKernel.standard().forNode("USA", "TOP SECRET"), new SensorCatalog(), "USA");
        CotSettings settings = new CotSettings(-1, 0, CotIdentities.anonymous("USA"),
                CotIdentities.fromCertificates(USERS, CotIdentities.UnknownCertificate.REFUSE, c -> false), 500, 64, 100);
        server = new CotServer(picture, tls == CotSettings.Tls.ALSO_1_2 ? settings.withTlsProtocols(java.util.List.of("TLSv1.3", "TLSv1.2")) : settings,
                pki).start();
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (picture != null) picture.close();
    }

    CotTestClient client(String user, String nation) throws Exception {
        return CotTestClient.tls(server.tlsPort(), pki.clientContext(pki.issueClient(user, nation, "SECRET"))).awaitSubscribed(server);
    }

    /** An ATAK self-report as ATAK writes it: no label, its team, endpoint, device, battery, GPS source and a remark. */
    static byte[] atakReport(String uid, String remark) {
        String now = Instant.now().toString(), stale = Instant.now().plusSeconds(120).toString();
        return ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"
                + "<event version='2.0' uid='" + uid + "' type='a-f-G-U-C' how='m-g' time='" + now + "' start='" + now + "' stale='" + stale + "'>"
                + "<point lat='35.6812' lon='139.7671' hae='41.3' ce='9.9' le='3.5'/>"
                + "<detail><takv os='34' version='5.2.0.4' device='SAMSUNG SM-G991U' platform='ATAK-CIV'/>"
                + "<contact endpoint='*:-1:stcp' callsign='HAYATE'/><uid Droid='HAYATE'/>"
                + "<precisionlocation altsrc='GPS' geopointsrc='GPS'/><__group role='Team Lead' name='Cyan'/>"
                + "<status battery='87'/><track course='92.5' speed='1.2'/>"
                + "<remarks>" + remark + "</remarks></detail></event>").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anUnlabelledAtakReportTakesItsUsersDefaultLabelAndIsRelayedWithEveryDetail() throws Exception {
        start(CotSettings.Tls.ONLY_1_3);
        try (CotTestClient team = client("jpn.team", "JPN"); CotTestClient watch = client("jpn.watch", "JPN");
                CotTestClient usa = client("usa.watch", "USA")) {
            team.sendRaw(atakReport("ANDROID-hayate", "at the gate"));
            for (CotTestClient reader : new CotTestClient[]{watch, usa}) {
                CotEvent seen = reader.await(e -> e.uid().equals("ANDROID-hayate"), Duration.ofSeconds(5));
                assertThat(seen.access()).isEqualTo("SECRET");
                assertThat(seen.releasableTo()).isEqualTo("REL TO USA, JPN");
                assertThat(seen.ce()).isEqualTo(9.9);
                assertThat(seen.le()).isEqualTo(3.5);
                assertThat(seen.hae()).isEqualTo(41.3);
                assertThat(seen.callsign()).isEqualTo("HAYATE");
                assertThat(seen.detail()).isNotNull();
                var elements = DetailElements.split(seen.detail());
                assertThat(elements).extracting(DetailElements.Element::name)
                        .contains("takv", "contact", "uid", "precisionlocation", "__group", "status", "remarks");
                assertThat(elements.stream().filter(e -> e.name().equals("__group")).findFirst().orElseThrow().attributes())
                        .containsEntry("name", "Cyan").containsEntry("role", "Team Lead");
                assertThat(elements.stream().filter(e -> e.name().equals("contact")).findFirst().orElseThrow().attributes())
                        .containsEntry("endpoint", "*:-1:stcp");
                assertThat(seen.detail()).contains("at the gate");
            }
            // over TAK protocol 1 the same details travel in the dedicated messages and xmlDetail, and come back alike
            try (CotTestClient tak = client("jpn.watch", "JPN")) {
                tak.negotiate();
                team.sendRaw(atakReport("ANDROID-hayate", "moving north"));
                CotEvent seen = tak.await(e -> e.uid().equals("ANDROID-hayate") && e.detail() != null && e.detail().contains("moving north"),
                        Duration.ofSeconds(5));
                assertThat(DetailElements.split(seen.detail())).extracting(DetailElements.Element::name)
                        .contains("takv", "contact", "uid", "precisionlocation", "__group", "status", "remarks");
                assertThat(seen.ce()).isEqualTo(9.9);
            }
        }
    }

    @Test
    void aDetailCarryingAMarkingAboveItsLabelIsWithheldAndTheReportTaken() throws Exception {
        start(CotSettings.Tls.ONLY_1_3);
        try (CotTestClient team = client("jpn.team", "JPN"); CotTestClient watch = client("jpn.watch", "JPN")) {
            team.sendRaw(atakReport("ANDROID-kaze", "TOP SECRET convoy"));
            CotEvent seen = watch.await(e -> e.uid().equals("ANDROID-kaze"), Duration.ofSeconds(5));
            assertThat(seen.detail()).doesNotContain("convoy").contains("__group");
            assertThat(picture.refusedByReason()).containsEntry("detail-withheld", 1L);
        }
    }

    @Test
    void aReportTheNodeMayNotHoldIsRefusedCountedOnItsConnectionAndTheClientIsTold() throws Exception {
        start(CotSettings.Tls.ONLY_1_3);
        try (CotTestClient lost = client("jpn.lost", "JPN"); CotTestClient watch = client("jpn.watch", "JPN")) {
            lost.sendRaw(atakReport("ANDROID-lost", "here"));
            lost.sendRaw(atakReport("ANDROID-lost", "still here"));
            CotEvent chat = lost.await(e -> e.type().equals("b-t-f"), Duration.ofSeconds(5));
            assertThat(chat.detail()).contains("Kizuna refused your report").contains("may not hold").contains("to=\"ANDROID-lost\"");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.connections().stream()
                    .anyMatch(c -> c.user().equals("jpn.lost") && c.refused().getOrDefault("label", 0L) == 2L));
            CotServer.ConnectionView view = server.connections().stream().filter(c -> c.user().equals("jpn.lost")).findFirst().orElseThrow();
            assertThat(view.lastRefusal()).contains("//JPN SECRET").contains("may not hold");
            assertThat(view.events()).isEqualTo(2);
            assertThat(lost.all.stream().filter(e -> e.type().equals("b-t-f")).count()).as("told once a minute per reason, not per report").isEqualTo(1);
            assertThat(watch.sawUid("ANDROID-lost")).isFalse();
            assertThat(server.connections().stream().filter(c -> c.user().equals("jpn.watch")).findFirst().orElseThrow().refused()).isEmpty();
        }
    }

    @Test
    void pingsAreAnsweredInTheProtocolTheConnectionSpeaksAndTheOfferNamesTheServer() throws Exception {
        start(CotSettings.Tls.ONLY_1_3);
        try (CotTestClient c = client("jpn.watch", "JPN")) {
            CotEvent offer = c.await(e -> e.type().equals("t-x-takp-v"), Duration.ofSeconds(5));
            assertThat(offer.control()).isNotNull();
            assertThat(offer.control().serverVersion()).isEqualTo(CotSettings.DEFAULT_SERVER_VERSION);
            c.send(CotXmlWriter.ping(System.currentTimeMillis()));
            c.await(e -> e.type().equals("t-x-c-t-r"), Duration.ofSeconds(5));
            c.negotiate();
            int before = (int) c.all.stream().filter(e -> e.type().equals("t-x-c-t-r")).count();
            c.send(CotXmlWriter.ping(System.currentTimeMillis())); // now a TAK protocol frame, and so is the answer
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> c.all.stream().filter(e -> e.type().equals("t-x-c-t-r")).count() > before);
            assertThat(server.rejectedEvents()).as("a ping is no refused event").isZero();
        }
    }

    @Test
    void tlsOneTwoIsServedWhenConfiguredAndRefusedByDefault() throws Exception {
        start(CotSettings.Tls.ONLY_1_3);
        SSLContext twelve = pki.clientContext(pki.issueClient("jpn.watch", "JPN", "SECRET"));
        assertThat(handshake(twelve, "TLSv1.2")).as("TLS 1.3 only by default").isNull();
        stop();
        start(CotSettings.Tls.ALSO_1_2);
        twelve = pki.clientContext(pki.issueClient("jpn.watch", "JPN", "SECRET"));
        assertThat(handshake(twelve, "TLSv1.2")).isEqualTo("TLSv1.2");
        assertThat(handshake(twelve, "TLSv1.3")).isEqualTo("TLSv1.3");
    }

    /** The protocol a client limited to {@code version} negotiates, or null when the node refuses it. */
    String handshake(SSLContext context, String version) throws IOException {
        try (SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket("localhost", server.tlsPort())) {
            s.setEnabledProtocols(new String[]{version});
            s.setSoTimeout(5000);
            s.startHandshake();
            // TLS 1.3: the client may finish before the server checked its certificate; the version offer says it was served
            return s.getInputStream().read() >= 0 ? s.getSession().getProtocol() : null;
        } catch (IOException refused) {
            return null;
        }
    }
}
