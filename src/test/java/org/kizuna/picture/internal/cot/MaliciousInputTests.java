package org.kizuna.picture.internal.cot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kizuna.picture.internal.cot.CotCodecTests.resource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotRejected;

/**
 * Hostile and broken input: each is rejected with a reason, nothing is expanded or fetched, and a
 * stream that carries it still delivers the good event that follows.
 */
class MaliciousInputTests {

    private final CotXmlParser parser = new CotXmlParser();

    @ParameterizedTest
    @CsvSource(quoteCharacter = '"', value = {
            "doctype.xml, DOCTYPE is not allowed",
            "xxe-file.xml, DOCTYPE is not allowed",
            "xxe-inline-entity.xml, '&xxe;' is not allowed",
            "billion-laughs.xml, DOCTYPE is not allowed",
            "entity-in-text.xml, '&lol9;' is not allowed",
            "processing-instruction.xml, processing instructions are not allowed",
            "parameter-entity.xml, DOCTYPE is not allowed",
            "mismatched.xml, does not match",
            "not-event-root.xml, root element is <svg>",
            "bad-lat.xml, 'lat' is not a finite number",
            "lat-out-of-range.xml, point out of range",
            "bad-time.xml, 'time' is not an ISO 8601 UTC time",
            "unquoted.xml, attribute value must be quoted",
            "two-roots.xml, content after the </event> end tag",
            "no-uid.xml, event has no uid",
            "no-point.xml, event has no <point>",
    })
    void rejectedWithItsReason(String file, String reason) {
        byte[] bytes = resource("malicious/" + file);
        assertThatThrownBy(() -> parser.parse(bytes)).isInstanceOf(CotRejected.class).hasMessageContaining(reason);
    }

    static String event(String uid) {
        return "<event version=\"2.0\" uid=\"" + uid + "\" type=\"a-f-A\" how=\"m-g\" time=\"2026-11-23T07:00:00Z\" "
                + "start=\"2026-11-23T07:00:00Z\" stale=\"2026-11-23T07:05:00Z\"><point lat=\"35\" lon=\"135\" hae=\"0\" ce=\"1\" le=\"1\"/><detail/></event>";
    }

    @Test
    void deepNestingIsCutOffAtTheLimit() {
        String open = "<a>".repeat(CotXmlParser.MAX_DEPTH + 5), close = "</a>".repeat(CotXmlParser.MAX_DEPTH + 5);
        String xml = event("deep").replace("<detail/>", "<detail>" + open + close + "</detail>");
        assertThatThrownBy(() -> parser.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CotRejected.class).hasMessageContaining("nested deeper than");
    }

    @Test
    void tooManyAttributesLongValuesAndTooManyElements() {
        StringBuilder attrs = new StringBuilder();
        for (int i = 0; i < 40; i++) attrs.append(" a").append(i).append("=\"1\"");
        assertThatThrownBy(() -> parser.parse(event("a").replace("<detail/>", "<detail" + attrs + "/>").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("attributes on one element");
        assertThatThrownBy(() -> parser.parse(event("x".repeat(3000)).getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("attribute value longer than");
        assertThatThrownBy(() -> parser.parse(event("a").replace("<detail/>", "<detail>" + "<b/>".repeat(600) + "</detail>").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("more than 512 elements");
        assertThatThrownBy(() -> parser.parse(event("u\u0001").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("control characters");
    }

    @Test
    void truncatedEventsAreRejectedAtEveryCut() {
        byte[] good = event("cut").getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < good.length; cut++) {
            int n = cut;
            assertThatThrownBy(() -> parser.parse(good, 0, n)).as("cut at %d", n).isInstanceOf(CotRejected.class);
        }
    }

    @Test
    void xmlStreamSurvivesEveryMaliciousFrameAndDeliversTheNextGoodEvent() throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        String[] files = {"doctype.xml", "xxe-file.xml", "billion-laughs.xml", "entity-in-text.xml", "mismatched.xml",
                "bad-lat.xml", "bad-time.xml", "no-uid.xml", "parameter-entity.xml", "processing-instruction.xml"};
        for (int i = 0; i < files.length; i++) {
            stream.writeBytes(resource("malicious/" + files[i]));
            stream.writeBytes(event("good-" + i).getBytes(StandardCharsets.UTF_8));
        }
        stream.writeBytes("garbage \u0000\u0001 <<< >>> ".getBytes(StandardCharsets.UTF_8));
        stream.writeBytes(event("after-garbage").getBytes(StandardCharsets.UTF_8));
        stream.writeBytes(event("truncated").substring(0, 90).getBytes(StandardCharsets.UTF_8));
        stream.writeBytes(event("after-truncated").getBytes(StandardCharsets.UTF_8));
        Drained d = drain(stream.toByteArray(), 37);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < files.length; i++) expected.add("good-" + i);
        expected.add("after-garbage");
        expected.add("after-truncated");
        assertThat(d.uids).containsExactlyElementsOf(expected);
        assertThat(d.rejected).hasSizeGreaterThanOrEqualTo(files.length + 1);
    }

    @Test
    void oversizedEventIsDiscardedWithBoundedMemoryAndTheNextArrives() throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        String huge = event("huge").replace("<detail/>", "<detail><remarks>" + "A".repeat(1 << 20) + "</remarks></detail>");
        stream.writeBytes(huge.getBytes(StandardCharsets.UTF_8));
        stream.writeBytes(event("next").getBytes(StandardCharsets.UTF_8));
        // an endless stream with no end tag at all
        Drained d = drain(stream.toByteArray(), 8192);
        assertThat(d.uids).containsExactly("next");
        assertThat(d.rejected).anyMatch(r -> r.contains("exceeds"));
        assertThat(d.maxBuffered).isLessThanOrEqualTo(CotXmlParser.MAX_EVENT_BYTES + 16 * 1024);
    }

    @Test
    void takStreamSurvivesBadMagicBadVarintsOversizeAndGarbageProtobuf() throws Exception {
        CotEvent good = parser.parse(event("t0").getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(TakCodec.frame(good));
        stream.writeBytes(new byte[]{0x01, 0x02, 0x03}); // no magic
        stream.writeBytes(TakCodec.frame(with(good, "t1")));
        stream.writeBytes(new byte[]{(byte) 0xBF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01}); // varint too long
        stream.writeBytes(TakCodec.frame(with(good, "t2")));
        stream.writeBytes(new byte[]{(byte) 0xBF, (byte) 0x80, (byte) 0x80, 0x10}); // 262144 bytes: over limit
        stream.writeBytes(TakCodec.frame(with(good, "t3")));
        stream.writeBytes(TakCodec.frame(new byte[]{0x12, 0x05, 0x0A, 0x7F, 0x01, 0x02, 0x03})); // string longer than its message
        stream.writeBytes(TakCodec.frame(with(good, "t4")));
        stream.writeBytes(TakCodec.frame(new byte[]{0x12, 0x02, 0x50, 0x01})); // lat with varint wire type
        stream.writeBytes(TakCodec.frame(with(good, "t5")));
        stream.writeBytes(TakCodec.frame(new byte[]{0x0A, 0x04, 0x08, 0x01, 0x10, 0x01})); // control only: ignored
        stream.writeBytes(TakCodec.frame(with(good, "t6")));
        Drained d = drain(stream.toByteArray(), 5);
        assertThat(d.uids).containsExactly("t0", "t1", "t2", "t3", "t4", "t5", "t6");
        assertThat(d.rejected).anyMatch(r -> r.contains("0xBF"))
                .anyMatch(r -> r.contains("varint"))
                .anyMatch(r -> r.contains("exceeds the limit"))
                .anyMatch(r -> r.contains("malformed protobuf"))
                .anyMatch(r -> r.contains("wire type"));
    }

    static CotEvent with(CotEvent e, String uid) {
        return new CotEvent(uid, e.type(), e.how(), e.timeMs(), e.startMs(), e.staleMs(), e.lat(), e.lon(), e.hae(), e.ce(), e.le(),
                e.access(), e.caveat(), e.releasableTo(), e.speed(), e.course(), e.callsign(), e.control());
    }

    record Drained(List<String> uids, List<String> rejected, int maxBuffered) {
    }

    /** Feeds the bytes in chunks, as a socket would deliver them, and collects what comes out. */
    static Drained drain(byte[] bytes, int chunk) {
        CotStreamDecoder decoder = new CotStreamDecoder();
        List<String> uids = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        int max = 0;
        int off = 0;
        while (true) {
            if (off < bytes.length) {
                off += decoder.feed(bytes, off, Math.min(chunk, bytes.length - off));
            }
            max = Math.max(max, decoder.buffered());
            boolean progress = false;
            while (true) {
                try {
                    CotEvent e = decoder.next();
                    if (e == null) break;
                    uids.add(e.uid());
                } catch (CotRejected r) {
                    rejected.add(r.getMessage());
                }
                progress = true;
            }
            if (off >= bytes.length && !progress) break;
        }
        return new Drained(uids, rejected, max);
    }
}
