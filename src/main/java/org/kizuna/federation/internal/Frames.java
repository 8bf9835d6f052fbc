package org.kizuna.federation.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kizuna.federation.PeerTracks;

import tools.jackson.databind.JsonNode;

/**
 * The link's framing: each message is a 4-byte big-endian length and that many bytes of UTF-8 JSON with a type
 * {@code t}: {@code hello} (the connecting node's nation), {@code welcome} (the highest sequence the receiver applied,
 * where the sender resumes) or {@code refuse} (why not), {@code item} (sequence and envelope), {@code ack} (the highest
 * sequence applied), {@code ping}, {@code tracks} (a batch of live tracks, {@link PeerTracks}). A message longer than the limit ends the connection.
 */
final class Frames {

    private Frames() {
    }

    static void write(DataOutputStream out, Map<String, ?> message) throws IOException {
        write(out, bytes(message));
    }

    static byte[] bytes(Map<String, ?> message) {
        return Envelope.JSON.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
    }

    static void write(DataOutputStream out, byte[] bytes) throws IOException {
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

    /** A batch of live tracks (the picture across nodes): state, sent on the same link, neither sequenced nor acknowledged. */
    static Map<String, Object> tracks(PeerTracks b) {
        List<Map<String, Object>> tracks = new ArrayList<>(b.tracks().size());
        for (PeerTracks.Track t : b.tracks()) {
            tracks.add(Map.of("id", t.id(), "lat", t.lat(), "lon", t.lon(), "v", List.of(t.vEast(), t.vNorth()),
                    "c", List.of(t.pee(), t.pev(), t.vee(), t.pnn(), t.pnv(), t.vnn()), "label", t.label()));
        }
        return Map.of("t", "tracks", "from", b.from(), "to", b.to(), "time", b.timeMs(), "tracks", tracks);
    }

    /** The batch of a {@code tracks} message; a track without a finite state or a label is refused with the batch. */
    static PeerTracks peerTracks(JsonNode m) throws IOException {
        List<PeerTracks.Track> tracks = new ArrayList<>();
        for (JsonNode t : m.path("tracks")) {
            JsonNode v = t.path("v"), c = t.path("c");
            double[] n = {t.path("lat").asDouble(Double.NaN), t.path("lon").asDouble(Double.NaN), v.path(0).asDouble(Double.NaN),
                    v.path(1).asDouble(Double.NaN),
                    c.path(0).asDouble(Double.NaN), c.path(1).asDouble(Double.NaN), c.path(2).asDouble(Double.NaN), c.path(3).asDouble(Double.NaN),
                    c.path(4).asDouble(Double.NaN), c.path(5).asDouble(Double.NaN)};
            for (double x : n) if (!Double.isFinite(x)) throw new IOException("a track of a tracks message has no finite state");
            String label = t.path("label").asString("");
            if (label.isBlank()) throw new IOException("a track of a tracks message has no label");
            tracks.add(new PeerTracks.Track(t.path("id").asLong(0), n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8], n[9], label));
        }
        return new PeerTracks(m.path("from").asString(""), m.path("to").asString(""), m.path("time").asLong(0), tracks);
    }

    static Envelope envelope(JsonNode m) {
        return new Envelope(m.path("data").asString(""), m.path("banner").asString(""), m.path("digest").asString(""), m.path("signature").asString(""));
    }
}
