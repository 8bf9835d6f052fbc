package org.kizuna.picture.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Duration;
import org.assertj.core.api.ObjectArrayAssert;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.internal.cot.CotXmlWriter;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The picture's main use case, as a newcomer should read it: <b>a planner posts a position report with
 * its label, and the report becomes a track that every reader allowed to read that label sees, in the
 * picture and in the track's history, while no other reader learns of it.</b>
 * <p>
 * The picture module with the modules it uses (label, identity, audit, node, console), nothing else: the
 * node's own label kernel, its users and sign-in (HTTP Basic over the demo users, password {@code demo}),
 * its write matrix, and the track journal on a real H2 database (PostgreSQL mode), migrated by Flyway.
 * No CoT listener is opened; calls go through MockMvc, so no HTTP port either.
 * <p>
 * The demo users used here: {@code usa.officer} (USA, SECRET, planner), {@code jpn.officer} (JPN, SECRET,
 * planner), {@code usa.clerk} (USA, CONFIDENTIAL, viewer only). The node is a USA node.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = H2Node.Initializer.class)
@TestPropertySource(properties = {"kizuna.cot.tcp-port=-1", "kizuna.cot.tls-port=-1"})
class PictureModuleTests {

    @Autowired MockMvcTester mvc;

    /** A position report as a planner's system sends it: now, valid for two minutes, with the label it carries (or none). */
    static byte[] report(String uid, String access, String caveat, String releasableTo) {
        long now = System.currentTimeMillis();
        return new CotXmlWriter().write(new CotEvent(uid, "a-f-S-C", "m-g", now, now, now + 120_000, 34.5, 135.5, 0, 10, 10,
                access, caveat, releasableTo, 8, 90, uid.toLowerCase(), null));
    }

    MvcTestResult post(String user, byte[] report) {
        return mvc.post().uri("/api/v1/picture/events").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_XML).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .content(report).exchange();
    }

    MvcTestResult tracks(String user) {
        return mvc.get().uri("/api/v1/picture/tracks").with(httpBasic(user, "demo")).exchange();
    }

    /** The ids of the tracks the user sees now. */
    ObjectArrayAssert<Object> assertThatTrackIdsOf(String user) {
        return assertThat(tracks(user)).hasStatusOk().bodyJson().extractingPath("$[*].id").asArray();
    }

    MvcTestResult history(String user, String uid) {
        return mvc.get().uri("/api/v1/picture/tracks/{id}/history?minutes=5", uid).with(httpBasic(user, "demo")).exchange();
    }

    @Test
    void aReportReleasableToAPartnerBecomesATrackForEveryReaderClearedForItAndNoOtherReader() {
        assertThat(post("usa.officer", report("REL-SHIP-1", "SECRET", null, "REL TO USA, JPN"))).hasStatus(HttpStatus.ACCEPTED)
                .bodyJson().extractingPath("$.uid").isEqualTo("REL-SHIP-1");

        // the poster's own nation reads it, its label as the banner, the poster's nation as the reporting nation
        assertThatTrackIdsOf("usa.officer").contains("REL-SHIP-1");
        assertThat(tracks("usa.officer")).bodyJson().extractingPath("$[?(@.id == 'REL-SHIP-1')].banner").asArray()
                .containsExactly("SECRET//REL TO USA, JPN");
        assertThat(tracks("usa.officer")).bodyJson().extractingPath("$[?(@.id == 'REL-SHIP-1')].nations[0]").asArray()
                .containsExactly("USA");
        // the partner it is released to reads it too
        assertThatTrackIdsOf("jpn.officer").contains("REL-SHIP-1");
        // a reader of the poster's own nation cleared below SECRET does not
        assertThatTrackIdsOf("usa.clerk").doesNotContain("REL-SHIP-1");
    }

    @Test
    void aReportForTheOwnNationOnlyReachesNoPartnerNotEvenThroughTheTracksHistory() {
        assertThat(post("usa.officer", report("NOFORN-SHIP-1", "SECRET", "NOFORN", null))).hasStatus(HttpStatus.ACCEPTED);

        assertThatTrackIdsOf("usa.officer").contains("NOFORN-SHIP-1");
        assertThatTrackIdsOf("jpn.officer").doesNotContain("NOFORN-SHIP-1");

        // the node journals the track in its database (asynchronously); its history is the allowed reader's only
        Awaitility.await("usa.officer reads the journalled point of NOFORN-SHIP-1").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(history("usa.officer", "NOFORN-SHIP-1")).hasStatusOk().bodyJson()
                        .extractingPath("$[*].lat").asArray().containsExactly(34.5));
        assertThat(history("jpn.officer", "NOFORN-SHIP-1")).as("to a partner, the history of a track that does not exist")
                .hasStatusOk().bodyJson().isEqualTo("[]");
    }

    @Test
    void onlyASignedInPlannerMayPostAndARefusedReportLeavesNoTrack() {
        assertThat(post("usa.clerk", report("CLERK-SHIP-1", "CONFIDENTIAL", null, "REL TO USA, JPN")))
                .hasStatus(HttpStatus.FORBIDDEN).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().contains("needs the planner role");
        assertThat(mvc.post().uri("/api/v1/picture/events").contentType(MediaType.APPLICATION_XML)
                .content(report("ANONYMOUS-SHIP-1", "UNCLASSIFIED", null, null)))
                .hasStatus(HttpStatus.UNAUTHORIZED).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        // a report the picture took would show at once: the picture answers a read after every report taken before it
        assertThatTrackIdsOf("usa.officer").doesNotContain("CLERK-SHIP-1", "ANONYMOUS-SHIP-1");
    }
}
