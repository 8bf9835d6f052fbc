package org.kizuna.picture.internal.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.node.NodePki;
import org.kizuna.node.Revocations;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.Source;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.picture.internal.sensors.SensorCatalog;

/**
 * Client certificates on the TLS port (issue 10, point 5): the clearance written in a certificate is
 * never trusted; production refuses the certificate of a user the node does not know; a disabled user's
 * or a revoked certificate is refused, and its live connections are cut. Real mutual TLS 1.3.
 */
class CotCertificateTests {

    @TempDir Path dir;

    LivePicture picture;
    CotServer server;
    Revocations revocations;

    static final Function<String, Optional<CotIdentities.KnownUser>> USERS = name -> switch (name) {
        case "usa.watch" -> Optional.of(new CotIdentities.KnownUser("USA", "SECRET", Set.of()));
        case "usa.gone" -> Optional.of(new CotIdentities.KnownUser("USA", "SECRET", Set.of(), false));
        default -> Optional.empty();
    };

    NodePki start(CotIdentities.UnknownCertificate unknown) throws Exception {
        NodePki pki = NodePki.loadOrCreate(dir.resolve("pki"), "USA");
        revocations = new Revocations(dir.resolve("pki"));
        picture = new LivePicture(LabelKernel.standard().forNode("USA", "TOP SECRET"), new SensorCatalog(), "USA");
        server = new CotServer(picture, new CotSettings(-1, 0, CotIdentities.anonymous("USA"),
                CotIdentities.fromCertificates(USERS, unknown, revocations::isRevoked), 500, 64, 100), pki).start();
        revocations.watch(Duration.ofMillis(100), r -> server.disconnectCertificates(r::isRevoked, "certificate-revoked"));
        return pki;
    }

    @AfterEach
    void stop() {
        if (revocations != null) revocations.close();
        if (server != null) server.close();
        if (picture != null) picture.close();
    }

    static CotEvent position(String uid, String access, String caveat, String rel) {
        long now = System.currentTimeMillis();
        return new CotEvent(uid, "a-f-G", "m-g", now, now, now + 120_000, 35, 135, 0, 10, 10, access, caveat, rel, 0, 0, uid, null);
    }

    @Test
    void aCertificateClaimingTopSecretForAnUnknownUserReadsNoSecretTrack() throws Exception {
        NodePki pki = start(CotIdentities.UnknownCertificate.READ_UNCLASSIFIED);
        SSLContext stranger = pki.clientContext(pki.issueClient("stranger", "USA", "TOP SECRET"));
        try (CotTestClient c = CotTestClient.tls(server.tlsPort(), stranger)) {
            c.awaitSubscribed(server);
            Source usa = new Source("test", "USA", null);
            picture.ingest(position("S-REL-1", "SECRET", null, "REL TO USA, JPN"), usa);
            picture.ingest(position("C-1", "CONFIDENTIAL", null, null), usa);
            picture.ingest(position("U-1", "UNCLASSIFIED", null, null), usa);
            c.await(e -> e.uid().equals("U-1"), Duration.ofSeconds(5));
            assertThat(c.sawUid("S-REL-1")).as("the clearance in an unknown certificate is not trusted").isFalse();
            assertThat(c.sawUid("C-1")).isFalse();
            // and its unmarked events are refused rather than labelled with a claim nobody vouches for
            long before = server.rejectedEvents();
            c.send(position("STRANGER-UNMARKED", null, null, null));
            Awaitility.await("the node refuses the unmarked event").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> server.rejectedEvents() > before);
            assertThat(server.rejectedByReason()).containsKey("label");
        }
    }

    @Test
    void productionRefusesTheCertificateOfAnUnknownUser() throws Exception {
        NodePki pki = start(CotIdentities.UnknownCertificate.REFUSE);
        SSLContext stranger = pki.clientContext(pki.issueClient("stranger", "USA", "TOP SECRET"));
        assertThat(CotTestClient.refused(server.tlsPort(), stranger)).isTrue();
        assertThat(server.rejectedByReason()).containsEntry("certificate", 1L);
        // a known user is served, with the node's record of the user
        SSLContext known = pki.clientContext(pki.issueClient("usa.watch", "USA", "TOP SECRET"));
        try (CotTestClient c = CotTestClient.tls(server.tlsPort(), known)) {
            c.await(e -> e.type().equals("t-x-takp-v"), Duration.ofSeconds(5));
            picture.ingest(position("TS-1", "TOP SECRET", "NOFORN", null), new Source("test", "USA", null));
            picture.ingest(position("S-1", "SECRET", "NOFORN", null), new Source("test", "USA", null));
            c.await(e -> e.uid().equals("S-1"), Duration.ofSeconds(5));
            assertThat(c.sawUid("TS-1")).as("the node's record (SECRET) wins over the certificate (TOP SECRET)").isFalse();
        }
    }

    @Test
    void aDisabledUsersCertificateIsRefusedAndTheirLiveConnectionsCut() throws Exception {
        NodePki pki = start(CotIdentities.UnknownCertificate.READ_UNCLASSIFIED);
        assertThat(CotTestClient.refused(server.tlsPort(), pki.clientContext(pki.issueClient("usa.gone", "USA", "SECRET")))).isTrue();
        SSLContext watch = pki.clientContext(pki.issueClient("usa.watch", "USA", "SECRET"));
        try (CotTestClient c = CotTestClient.tls(server.tlsPort(), watch)) {
            c.await(e -> e.type().equals("t-x-takp-v"), Duration.ofSeconds(5));
            assertThat(server.disconnectUser("usa.watch", "user-disabled")).isEqualTo(1);
            assertThat(c.closedWithin(Duration.ofSeconds(2))).isTrue();
        }
        assertThat(server.rejectedByReason()).containsEntry("user-disabled", 1L);
    }

    @Test
    void aRevokedCertificateIsCutAtOnceAndRefusedAtTheNextHandshake() throws Exception {
        NodePki pki = start(CotIdentities.UnknownCertificate.READ_UNCLASSIFIED);
        SSLContext watch = pki.clientContext(pki.issueClient("usa.watch", "USA", "SECRET"));
        SSLContext other = pki.clientContext(pki.issueClient("jpn.other", "JPN", "SECRET"));
        try (CotTestClient revoked = CotTestClient.tls(server.tlsPort(), watch);
                CotTestClient kept = CotTestClient.tls(server.tlsPort(), other)) {
            revoked.await(e -> e.type().equals("t-x-takp-v"), Duration.ofSeconds(5));
            kept.await(e -> e.type().equals("t-x-takp-v"), Duration.ofSeconds(5));
            assertThat(Revocations.revoke(dir.resolve("pki"), "usa.watch")).isEqualTo(1);
            assertThat(revoked.closedWithin(Duration.ofSeconds(3))).as("cut within a second or so of the revocation").isTrue();
            assertThat(kept.closedWithin(Duration.ofMillis(300))).isFalse();
        }
        assertThat(CotTestClient.refused(server.tlsPort(), watch)).isTrue();
        assertThat(server.rejectedByReason()).containsEntry("certificate-revoked", 1L).containsEntry("certificate", 1L);
        // a new certificate for the same user is a new serial, not revoked
        SSLContext reissued = pki.clientContext(pki.issueClient("usa.watch", "USA", "SECRET"));
        try (CotTestClient c = CotTestClient.tls(server.tlsPort(), reissued)) {
            c.await(e -> e.type().equals("t-x-takp-v"), Duration.ofSeconds(5));
        }
        Path list = dir.resolve("pki").resolve("revoked.txt");
        assertThat(Files.readString(list)).contains("usa.watch");
        if (Files.getFileStore(list).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(list))).isEqualTo("rw-------");
        }
        // revoking a name the CA never issued to changes nothing and says so
        try {
            Revocations.revoke(dir.resolve("pki"), "nobody");
            throw new AssertionError("revoking an unknown name must fail");
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).contains("issued no certificate to 'nobody'");
        }
    }

    @Test
    void unmarkedEventsOfAKnownUserTakeTheirOwnNationOnly() throws Exception {
        // unchanged behaviour for known users: the default label is the sender's own nation only
        NodePki pki = start(CotIdentities.UnknownCertificate.REFUSE);
        try (CotTestClient c = CotTestClient.tls(server.tlsPort(), pki.clientContext(pki.issueClient("usa.watch", "USA", "SECRET")))) {
            c.send(position("KNOWN-UNMARKED", null, null, null));
            CotEvent echo = c.await(e -> e.uid().equals("KNOWN-UNMARKED"), Duration.ofSeconds(5));
            assertThat(Label.fromCot(echo.access(), echo.caveat(), echo.releasableTo()).banner()).isEqualTo("SECRET//NOFORN");
        }
    }
}
