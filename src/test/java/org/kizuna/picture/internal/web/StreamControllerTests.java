package org.kizuna.picture.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.picture.internal.web.PictureWebSlice.AUS_VIEWER;
import static org.kizuna.picture.internal.web.PictureWebSlice.JPN_PLANNER;
import static org.kizuna.picture.internal.web.PictureWebSlice.USA_PLANNER;
import static org.kizuna.picture.internal.web.PictureWebSlice.USA_VIEWER;

import jakarta.servlet.AsyncContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kizuna.identity.KizunaUser;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.internal.cot.CotXmlWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The HTTP contract of {@code GET /api/v1/picture/stream}: server-sent events of the signed-in reader's own
 * picture, its whole picture first ({@code "replay":true}), then what changes; at most
 * {@code kizuna.picture.max-streams} streams at once (2 in this slice), a further one is a 503 problem;
 * a disabled user's stream ends at once.
 */
@PictureWebSlice
class StreamControllerTests {

    @Autowired MockMvcTester mvc;

    @Autowired PictureWebSlice.SignedIn signedIn;

    @Autowired PictureWebSlice.Directory users;

    @Autowired StreamController streams;

    /** The streams a test opened. */
    final List<MvcTestResult> opened = new ArrayList<>();

    /**
     * Ends every stream the test opened as the node does (its emitter completes), then finishes each response as
     * the servlet container would once the emitter completed (MockMvc leaves that to the test).
     */
    @AfterEach
    void endStreams() {
        for (KizunaUser u : users.all()) {
            users.enable(u.username());
            streams.endStreamsOf(u.username());
        }
        for (MvcTestResult stream : List.copyOf(opened)) finish(stream);
        assertThat(streams.openStreams()).isZero();
    }

    /** Waits until the stream's response ended (fails after 5 s), then finishes it as the servlet container does. */
    void finish(MvcTestResult stream) {
        opened.remove(stream);
        stream.getMvcResult().getAsyncResult(5_000);
        AsyncContext async = stream.getMvcResult().getRequest().getAsyncContext();
        if (async != null) async.complete();
    }

    void post(KizunaUser planner, String uid, String caveat, String releasableTo) {
        signedIn.as(planner);
        long now = System.currentTimeMillis();
        byte[] xml = new CotXmlWriter().write(new CotEvent(uid, "a-f-S-C", "m-g", now, now, now + 120_000, 34, 135, 0, 10, 10,
                "SECRET", caveat, releasableTo, 8, 90, uid, null));
        assertThat(mvc.post().uri("/api/v1/picture/events").contentType(MediaType.APPLICATION_XML).content(xml)).hasStatus(HttpStatus.ACCEPTED);
    }

    /** Opens the user's stream; the response goes on while the test reads what it carried so far. */
    MvcTestResult open(KizunaUser reader) {
        signedIn.as(reader);
        MvcTestResult stream = mvc.get().uri("/api/v1/picture/stream").accept(MediaType.TEXT_EVENT_STREAM).asyncExchange();
        opened.add(stream);
        return stream;
    }

    static String received(MvcTestResult stream) throws java.io.UnsupportedEncodingException {
        return stream.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static void awaitReceived(MvcTestResult stream, String what) {
        Awaitility.await("the stream carries " + what).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> received(stream).contains(what));
    }

    @Test
    void aStreamStartsWithTheReadersWholePictureThenCarriesWhatChangesAndOnlyWhatTheReaderMayRead() throws Exception {
        post(USA_PLANNER, "SSE-REL-1", null, "REL TO USA, JPN");
        MvcTestResult jpn = open(JPN_PLANNER);
        assertThat(jpn).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM);
        awaitReceived(jpn, "\"id\":\"SSE-REL-1\"");
        assertThat(received(jpn)).as("the first event is the replay of the reader's picture").startsWith("event:tracks\ndata:{\"replay\":true");

        post(USA_PLANNER, "SSE-NOFORN-1", "NOFORN", null);
        post(USA_PLANNER, "SSE-REL-2", null, "REL TO USA, JPN");
        // frames leave in the order the picture took the reports: with SSE-REL-2 here, SSE-NOFORN-1 would be too
        awaitReceived(jpn, "\"id\":\"SSE-REL-2\"");
        assertThat(received(jpn)).contains("{\"replay\":false").doesNotContain("SSE-NOFORN-1");
    }

    @Test
    void aStreamBeyondTheNodesLimitIsAServiceUnavailableProblem() {
        MvcTestResult first = open(USA_PLANNER), second = open(JPN_PLANNER);
        awaitReceived(first, "event:tracks");
        awaitReceived(second, "event:tracks");
        signedIn.as(AUS_VIEWER);
        assertThat(mvc.get().uri("/api/v1/picture/stream").accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_PROBLEM_JSON))
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").asString().contains("2 picture streams at once");
    }

    @Test
    void theStreamOfAUserDisabledWhileItOpenedEndsAtOnceAndTheSameUserEnabledKeepsIts() {
        users.disable(USA_VIEWER.username());
        MvcTestResult disabled = open(USA_VIEWER);
        finish(disabled); // its response ends without anyone ending it
        assertThat(streams.openStreams()).isZero();

        users.enable(USA_VIEWER.username());
        MvcTestResult enabled = open(USA_VIEWER);
        awaitReceived(enabled, "event:tracks");
        assertThat(streams.openStreams()).isEqualTo(1);
        assertThat(enabled.getMvcResult().getRequest().isAsyncStarted()).as("the response goes on").isTrue();
    }
}
