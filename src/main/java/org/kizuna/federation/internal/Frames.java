package org.kizuna.federation.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The link's framing: each message is a 4-byte big-endian length and that many bytes of UTF-8 JSON with a type
 * {@code t}: {@code hello} (the connecting node's nation), {@code welcome} (the highest sequence the receiver applied,
 * where the sender resumes) or {@code refuse} (why not), {@code item} (sequence and envelope), {@code ack} (the highest
 * sequence applied), {@code ping}. A message longer than the limit ends the connection.
 */
final class Frames {

    private Frames() {
    }

    static void write(DataOutputStream out, Map<String, ?> message) throws IOException {
        byte[] bytes = Envelope.JSON.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static JsonNode read(DataInputStream in, int max) throws IOException {
        int n;
        try {
            n = in.readInt();
        } catch (EOFException e) {
            throw new EOFException("the other node closed the link");
        }
        if (n < 2 || n > max) throw new IOException("a message of " + n + " bytes is outside the link's limit of " + max + " bytes");
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        try {
            return Envelope.JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IOException("a message is not JSON");
        }
    }

    static Map<String, Object> item(long seq, Envelope e) {
        return Map.of("t", "item", "seq", seq, "data", e.data(), "banner", e.banner(), "digest", e.digest(), "signature", e.signature());
    }

    static Envelope envelope(JsonNode m) {
        return new Envelope(m.path("data").asString(""), m.path("banner").asString(""), m.path("digest").asString(""), m.path("signature").asString(""));
    }
}
