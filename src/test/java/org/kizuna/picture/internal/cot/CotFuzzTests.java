package org.kizuna.picture.internal.cot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.picture.internal.cot.CotCodecTests.resource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotRejected;

/**
 * Seeded fuzzing of both encodings with mutations of real event shapes and hostile splices: the
 * decoder throws nothing but {@link CotRejected}, its buffer stays bounded, and the good event sent
 * after each broken one always arrives.
 */
class CotFuzzTests {

    private static final List<String> SHAPES = List.of("good/atak-sa.xml", "good/radar-track.xml", "good/plain-unlabelled.xml");
    private static final String[] SPLICES = {"&lol;", "<a><b><c>", "\u0000", "\"", "'", "]]>", "<![CDATA[", "<!--", "&#xFFFFFFFF;",
            "<?php ?>", "</detail>", "<event ", "\uFFFF", "lat=\"1e999\"", "time=\"9999-99-99T99:99:99Z\""};

    @Test
    void mutatedXmlNeverBreaksTheStream() {
        Random random = new Random(20261123L);
        CotXmlParser parser = new CotXmlParser();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        int cases = 3000;
        for (int i = 0; i < cases; i++) {
            byte[] shape = resource(SHAPES.get(random.nextInt(SHAPES.size())));
            byte[] mutated = mutate(shape, random);
            try {
                parser.parse(mutated); // a single-shot parse only ever rejects
            } catch (CotRejected expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
            stream.writeBytes(mutated);
            stream.writeBytes(MaliciousInputTests.event("SENTINEL-" + i).getBytes(StandardCharsets.UTF_8));
        }
        MaliciousInputTests.Drained d = MaliciousInputTests.drain(stream.toByteArray(), 1 + random.nextInt(4096));
        assertThat(d.uids().stream().filter(u -> u.startsWith("SENTINEL-")).count()).isEqualTo(cases);
        assertThat(d.maxBuffered()).isLessThanOrEqualTo(CotXmlParser.MAX_EVENT_BYTES + 16 * 1024);
        assertThat(d.rejected()).isNotEmpty();
    }

    @Test
    void mutatedProtobufNeverBreaksTheStream() throws Exception {
        Random random = new Random(7L);
        CotXmlParser parser = new CotXmlParser();
        CotEvent sentinel = parser.parse(MaliciousInputTests.event("SENTINEL").getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        int cases = 3000;
        for (int i = 0; i < cases; i++) {
            CotEvent shape = parser.parse(resource(SHAPES.get(random.nextInt(SHAPES.size()))));
            byte[] message = TakCodec.encode(shape);
            for (int m = 0, n = 1 + random.nextInt(4); m < n; m++) message[random.nextInt(message.length)] = (byte) random.nextInt(256);
            if (random.nextInt(4) == 0) message = java.util.Arrays.copyOf(message, random.nextInt(message.length));
            try {
                TakCodec.decode(message, 0, message.length);
            } catch (CotRejected expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
            // the frame header stays intact: a length-prefixed protocol cannot survive a corrupted length
            stream.writeBytes(TakCodec.frame(message));
            stream.writeBytes(TakCodec.frame(MaliciousInputTests.with(sentinel, "SENTINEL-" + i)));
        }
        MaliciousInputTests.Drained d = MaliciousInputTests.drain(stream.toByteArray(), 1 + random.nextInt(4096));
        assertThat(d.uids().stream().filter(u -> u.startsWith("SENTINEL-")).count()).isEqualTo(cases);
        assertThat(d.maxBuffered()).isLessThanOrEqualTo(CotXmlParser.MAX_EVENT_BYTES + 16 * 1024);
    }

    @Test
    void randomGarbageOnlyEverYieldsRejections() {
        Random random = new Random(99L);
        CotStreamDecoder decoder = new CotStreamDecoder();
        byte[] chunk = new byte[8192];
        for (int round = 0; round < 500; round++) {
            random.nextBytes(chunk);
            decoder.feed(chunk, 0, chunk.length);
            for (int guard = 0; guard < 100_000; guard++) {
                try {
                    if (decoder.next() == null) break;
                } catch (CotRejected expected) {
                    // carry on, as a connection does
                }
            }
            assertThat(decoder.buffered()).isLessThanOrEqualTo(CotXmlParser.MAX_EVENT_BYTES + 16 * 1024);
        }
    }

    private static byte[] mutate(byte[] in, Random random) {
        byte[] b = in.clone();
        switch (random.nextInt(5)) {
            case 0 -> { // flip bytes
                for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) b[random.nextInt(b.length)] = (byte) random.nextInt(128);
            }
            case 1 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length)); // truncate
            case 2 -> { // splice a hostile fragment
                byte[] s = SPLICES[random.nextInt(SPLICES.length)].getBytes(StandardCharsets.UTF_8);
                int at = random.nextInt(b.length);
                byte[] out = new byte[b.length + s.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(s, 0, out, at, s.length);
                System.arraycopy(b, at, out, at + s.length, b.length - at);
                b = out;
            }
            case 3 -> { // duplicate a chunk
                int from = random.nextInt(b.length), len = Math.min(b.length - from, 1 + random.nextInt(64));
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, from + len);
                System.arraycopy(b, from, out, from + len, b.length - from);
                b = out;
            }
            default -> { // non-ASCII bytes
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) b[random.nextInt(b.length)] = (byte) (0x80 | random.nextInt(128));
            }
        }
        return b;
    }
}
