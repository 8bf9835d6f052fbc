package org.kizuna.picture.internal.cot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kizuna.picture.CotEvent;

/** Round trips of real CoT shapes through the XML parser, the XML writer and the TAK protobuf codec. */
class CotCodecTests {

    static byte[] resource(String name) {
        try (InputStream in = CotCodecTests.class.getResourceAsStream("/cot/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final CotXmlParser parser = new CotXmlParser();

    @Test
    void parsesAnAtakSituationReportWithItsLabelTrackAndContact() throws Exception {
        CotEvent e = parser.parse(resource("good/atak-sa.xml"));
        assertThat(e.uid()).isEqualTo("ANDROID-589520ccfcd20f01");
        assertThat(e.type()).isEqualTo("a-f-G-U-C");
        assertThat(e.how()).isEqualTo("m-g");
        assertThat(e.timeMs()).isEqualTo(CotTime.parse("2026-11-23T07:00:00Z"));
        assertThat(e.staleMs() - e.timeMs()).isEqualTo(360_000);
        assertThat(e.lat()).isEqualTo(35.4433);
        assertThat(e.lon()).isEqualTo(139.6380);
        assertThat(e.hae()).isEqualTo(12.0);
        assertThat(e.access()).isEqualTo("SECRET");
        assertThat(e.caveat()).isNull();
        assertThat(e.releasableTo()).isEqualTo("REL TO USA, JPN");
        assertThat(e.callsign()).isEqualTo("RONIN 2-1");
        assertThat(e.speed()).isEqualTo(3.2);
        assertThat(e.course()).isEqualTo(271.5);
        assertThat(e.isPosition()).isTrue();
    }

    @Test
    void singleQuotesCdataCommentsAndCaveat() throws Exception {
        CotEvent e = parser.parse(resource("good/radar-track.xml"));
        assertThat(e.uid()).isEqualTo("JPN-FPS5-0001.T042");
        assertThat(e.caveat()).isEqualTo("NOFORN");
        assertThat(e.speed()).isEqualTo(240.5);
        assertThat(e.hae()).isEqualTo(10500);
        assertThat(e.timeMs() % 1000).isEqualTo(250);
    }

    @Test
    void timeZonesAndFractionsAreNormalisedToUtcMillis() throws Exception {
        CotEvent e = parser.parse(resource("good/plain-unlabelled.xml"));
        assertThat(e.timeMs()).isEqualTo(CotTime.parse("2026-11-23T07:00:00.500Z"));
        assertThat(e.access()).isNull();
        assertThat(e.hasTrack()).isFalse();
        assertThat(CotTime.format(e.timeMs())).isEqualTo("2026-11-23T07:00:00.500Z");
        assertThat(CotTime.parse("1969-12-31T23:59:59.999Z")).isEqualTo(-1);
        assertThat(CotTime.format(-1)).isEqualTo("1969-12-31T23:59:59.999Z");
        assertThat(CotTime.parse("2024-02-29T12:00:00Z")).isEqualTo(java.time.Instant.parse("2024-02-29T12:00:00Z").toEpochMilli());
    }

    @Test
    void negotiationRequestCarriesTheRequestedVersion() throws Exception {
        CotEvent e = parser.parse(resource("good/negotiation-request.xml"));
        assertThat(e.isNegotiation()).isTrue();
        assertThat(e.control()).isNotNull();
        assertThat(e.control().requestedVersion()).isEqualTo(1);
        CotEvent offer = parser.parse(new CotXmlWriter().write(CotXmlWriter.versionOffer(1_000)));
        assertThat(offer.type()).isEqualTo("t-x-takp-v");
        assertThat(offer.control().supportedVersion()).isEqualTo(1);
        CotEvent answer = parser.parse(new CotXmlWriter().write(CotXmlWriter.versionResponse(1_000, true)));
        assertThat(answer.control().responseStatus()).isTrue();
    }

    @Test
    void xmlRoundTripKeepsEveryField() throws Exception {
        CotXmlWriter writer = new CotXmlWriter();
        for (String name : new String[]{"good/atak-sa.xml", "good/radar-track.xml", "good/plain-unlabelled.xml"}) {
            CotEvent e = parser.parse(resource(name));
            byte[] bytes = writer.write(e);
            CotEvent again = parser.parse(bytes);
            assertThat(again).as(name).isEqualTo(e);
        }
    }

    @Test
    void writerEscapesMarkupInValues() throws Exception {
        CotEvent e = new CotEvent("a\"<b>&'c", "a-n-S", "m-g", 0, 0, 1000, -33.5, -151.25, 0, 5, 5, null, null, null,
                12, 359.99, "x</event><event>", null);
        byte[] bytes = new CotXmlWriter().write(e);
        String xml = new String(bytes, StandardCharsets.UTF_8);
        assertThat(xml).doesNotContain("x</event>");
        assertThat(parser.parse(bytes)).isEqualTo(e);
    }

    @Test
    void protobufRoundTripKeepsEveryField() throws Exception {
        for (String name : new String[]{"good/atak-sa.xml", "good/radar-track.xml", "good/plain-unlabelled.xml"}) {
            CotEvent e = parser.parse(resource(name));
            byte[] message = TakCodec.encode(e);
            CotEvent again = TakCodec.decode(message, 0, message.length);
            assertThat(again).isNotNull();
            assertThat(again.withDetail(null)).as(name).isEqualTo(e.withDetail(null));
            // the detail elements the dedicated messages carry come back with the same attributes, in TAK's order
            assertThat(elements(again.detail())).as(name).isEqualTo(elements(e.detail()));
        }
    }

    /** A detail's elements as a set of name, attributes and (for elements with content) their XML. */
    static java.util.Set<java.util.List<Object>> elements(@org.jspecify.annotations.Nullable String detail) {
        if (detail == null) return java.util.Set.of();
        return DetailElements.split(detail).stream().map(el -> java.util.List.<Object>of(el.name(), el.attributes(), el.hasContent() ? el.xml() : ""))
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void protobufUsesTakServerFieldNumbers() throws Exception {
        CotEvent e = parser.parse(resource("good/atak-sa.xml"));
        byte[] message = TakCodec.encode(e);
        // TakMessage.cotEvent = 2, length-delimited; CotEvent.type = 1 comes first
        assertThat(message[0]).isEqualTo((byte) 0x12);
        int lengthBytes = (message[1] & 0x80) != 0 ? 2 : 1;
        assertThat(message[1 + lengthBytes]).isEqualTo((byte) 0x0A);
        assertThat(new String(message, 3 + lengthBytes, 9, StandardCharsets.UTF_8)).isEqualTo("a-f-G-U-C");
        // releaseableTo = 17 (tag 0x8A 0x01) carries the REL TO list
        String raw = new String(message, StandardCharsets.ISO_8859_1);
        int at = raw.indexOf("\u008a\u0001");
        assertThat(at).isPositive();
        assertThat(raw.substring(at + 3, at + 3 + 15)).isEqualTo("REL TO USA, JPN");
        byte[] frame = TakCodec.frame(message);
        assertThat(frame[0]).isEqualTo((byte) 0xBF);
        assertThat(frame.length).isEqualTo(message.length + 1 + lengthBytes);
    }
}
