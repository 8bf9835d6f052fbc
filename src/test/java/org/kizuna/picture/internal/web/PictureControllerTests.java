package org.kizuna.picture.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.picture.internal.web.PictureWebSlice.AUS_VIEWER;
import static org.kizuna.picture.internal.web.PictureWebSlice.JPN_PLANNER;
import static org.kizuna.picture.internal.web.PictureWebSlice.USA_PLANNER;
import static org.kizuna.picture.internal.web.PictureWebSlice.USA_VIEWER;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.TrackView;
import org.kizuna.picture.internal.cot.CotXmlParser;
import org.kizuna.picture.internal.cot.CotXmlWriter;
import org.kizuna.picture.internal.cot.TakCodec;
import org.kizuna.picture.internal.distribution.LivePicture;
import org.kizuna.testing.Readers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The HTTP contract of {@code /api/v1/picture} (events in, tracks out): a planner's event is accepted (202),
 * anything wrong with it is a 400 problem (RFC 9457) saying what, a user who may not post gets a 403
 * problem saying what posting needs, and every read answers the signed-in reader's own picture.
 */
@PictureWebSlice
class PictureControllerTests {

    static final MediaType PROTOBUF = MediaType.parseMediaType("application/x-protobuf");

    @Autowired MockMvcTester mvc;

    @Autowired PictureWebSlice.SignedIn signedIn;

    @Autowired LivePicture picture;

    @BeforeEach
    void planner() {
        signedIn.as(USA_PLANNER);
    }

    static CotEvent event(String uid, String access, String caveat, String releasableTo) {
        long now = System.currentTimeMillis();
        return new CotEvent(uid, "a-h-A-M-F", "m-g", now, now, now + 120_000, 36.5, 133.25, 9000, 50, 50, access, caveat, releasableTo,
                230, 95, uid, null);
    }

    static byte[] xml(CotEvent e) {
        return new CotXmlWriter().write(e);
    }

    MvcTestResult post(byte[] body, MediaType type) {
        return mvc.post().uri("/api/v1/picture/events").contentType(type).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .content(body).exchange();
    }

    /** Whether the picture holds a track of that uid for anyone on the node (its most cleared reader). */
    boolean held(String uid) {
        return picture.tracks(Readers.usa(Readers.TOP_SECRET)).stream().map(TrackView::id).anyMatch(uid::equals);
    }

    @Test
    void aPlannersEventInCotXmlOrTakProtocolIsAccepted() {
        assertThat(post(xml(event("HTTP-XML-1", "SECRET", null, "REL TO USA, JPN")), MediaType.APPLICATION_XML))
                .hasStatus(HttpStatus.ACCEPTED).bodyJson().isEqualTo("""
                        {"uid":"HTTP-XML-1","type":"a-h-A-M-F","accepted":true}""");
        assertThat(post(TakCodec.encode(event("HTTP-TAK-1", "SECRET", "NOFORN", null)), PROTOBUF))
                .hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.uid").isEqualTo("HTTP-TAK-1");
        assertThat(held("HTTP-XML-1")).isTrue();
        assertThat(held("HTTP-TAK-1")).isTrue();
    }

    @Test
    void aBodyThatIsNotCotXmlIsABadRequestProblemThatSaysWhy() {
        assertThat(post("<event uid=\"BROKEN-1\"><point lat=\"1\"".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_XML))
                .hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().startsWith("event rejected: truncated");
        assertThat(post("<order>not an event</order>".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_XML))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail").asString().contains("not <event>");
        assertThat(post(new byte[]{(byte) 0xbf, 0x01, 0x02}, PROTOBUF)).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsEverExpanded() {
        String xxe = "<!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + new String(xml(event("HTTP-XXE-1", "SECRET", null, "REL TO USA, JPN")), StandardCharsets.UTF_8);
        assertThat(post(xxe.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_XML))
                .hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().contains("DOCTYPE is not allowed");
        assertThat(held("HTTP-XXE-1")).isFalse();
    }

    @Test
    void anEventWhoseLabelDoesNotParseIsABadRequestProblemAndChangesNothing() {
        // releasability lists the nations in the policy's order (USA first): "REL TO JPN, USA" is no marking
        assertThat(post(xml(event("HTTP-BADLABEL-1", "SECRET", null, "REL TO JPN, USA")), MediaType.APPLICATION_XML))
                .hasStatus(HttpStatus.BAD_REQUEST).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().contains("label does not parse");
        assertThat(held("HTTP-BADLABEL-1")).isFalse();
    }

    @Test
    void aBodyOverTheEventLimitIsContentTooLarge() {
        assertThat(post(new byte[CotXmlParser.MAX_EVENT_BYTES + 1], MediaType.APPLICATION_XML))
                .hasStatus(HttpStatus.CONTENT_TOO_LARGE).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().contains("exceeds the limit of " + CotXmlParser.MAX_EVENT_BYTES);
    }

    @Test
    void anEventInAnotherFormatIsAnUnsupportedMediaTypeProblem() {
        assertThat(post("{\"uid\":\"HTTP-JSON-1\"}".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aUserWhoIsNoPlannerMayNotPostAndIsToldWhatPostingNeeds() {
        signedIn.as(USA_VIEWER);
        assertThat(post(xml(event("HTTP-VIEWER-1", "CONFIDENTIAL", null, "REL TO USA, JPN")), MediaType.APPLICATION_XML))
                .hasStatus(HttpStatus.FORBIDDEN).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").isEqualTo("posting an event to the picture needs the planner role of "
                        + "the reporting user's own nation (USA); you are usa.clerk of USA");
        assertThat(held("HTTP-VIEWER-1")).isFalse();
    }

    @Test
    void theTracksAreTheSignedInReadersOwnInJsonAndGeoJson() {
        assertThat(post(xml(event("HTTP-REL-2", "SECRET", null, "REL TO USA, JPN")), MediaType.APPLICATION_XML)).hasStatus(HttpStatus.ACCEPTED);
        assertThat(post(xml(event("HTTP-NOFORN-2", "SECRET", "NOFORN", null)), MediaType.APPLICATION_XML)).hasStatus(HttpStatus.ACCEPTED);

        assertThat(mvc.get().uri("/api/v1/picture/tracks")).hasStatusOk().bodyJson().extractingPath("$[*].id").asArray()
                .contains("HTTP-REL-2", "HTTP-NOFORN-2");
        signedIn.as(JPN_PLANNER);
        assertThat(mvc.get().uri("/api/v1/picture/tracks")).hasStatusOk().bodyJson().extractingPath("$[*].id").asArray()
                .contains("HTTP-REL-2").doesNotContain("HTTP-NOFORN-2");
        var geo = assertThat(mvc.get().uri("/api/v1/picture/tracks.geojson")).hasStatusOk().bodyJson();
        geo.extractingPath("$.type").isEqualTo("FeatureCollection");
        geo.extractingPath("$.features[*].id").asArray().contains("HTTP-REL-2").doesNotContain("HTTP-NOFORN-2");
        geo.extractingPath("$.features[?(@.id == 'HTTP-REL-2')].geometry.coordinates").asArray()
                .singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactly(133.25, 36.5, 9000.0);
    }

    @Test
    void theBannerRollsUpTheLabelsOfWhatTheReaderSees() {
        signedIn.as(AUS_VIEWER);
        assertThat(mvc.get().uri("/api/v1/picture/banner")).hasStatusOk().bodyJson().isEqualTo("""
                {"banner":"UNCLASSIFIED","tracks":0}""");
        signedIn.as(USA_PLANNER);
        assertThat(post(xml(event("HTTP-REL-AUS-1", "SECRET", null, "REL TO USA, AUS, JPN")), MediaType.APPLICATION_XML)).hasStatus(HttpStatus.ACCEPTED);
        signedIn.as(AUS_VIEWER);
        assertThat(mvc.get().uri("/api/v1/picture/banner")).hasStatusOk().bodyJson().isEqualTo("""
                {"banner":"SECRET//REL TO USA, AUS, JPN","tracks":1}""");
    }

    @Test
    void aHistoryOutsideItsWindowOrForANationThatIsNoTrigraphIsABadRequestProblem() {
        assertThat(mvc.get().uri("/api/v1/picture/tracks/HTTP-REL-2/history?minutes=0")).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").isEqualTo("minutes: must be between 1 and 1440");
        assertThat(mvc.get().uri("/api/v1/picture/tracks/HTTP-REL-2/history?minutes=1441")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/v1/picture/tracks/HTTP-REL-2/history?nation=usa'")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.detail").asString().contains("ISO 3166 alpha-3");
        assertThat(mvc.get().uri("/api/v1/picture/tracks/HTTP-REL-2/history?minutes=ten")).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/api/v1/picture/tracks/NO-SUCH-TRACK/history")).as("an unknown track has an empty history, not a 404")
                .hasStatusOk().bodyJson().isEqualTo("[]");
    }
}
