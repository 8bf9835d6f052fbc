package org.kizuna.federation.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kizuna.federation.PeerObservations;
import org.kizuna.federation.PeerTracks;

import tools.jackson.databind.JsonNode;

/**
 * The link's framing: each message is a 4-byte big-endian length and that many bytes of UTF-8 JSON with a type
 * {@code t}: {@code hello} (the connecting node's nation), {@code welcome} (the highest sequence the receiver applied,
 * where the sender resumes) or {@code refuse} (why not), {@code item} (sequence and envelope, signed
 * on its own), {@code batch} (envelopes signed together, {@link #batch}), {@code ack} (the highest
 * sequence applied), {@code ping}, {@code tracks} (a batch of live tracks, {@link PeerTracks}),
 * {@code observations} (a batch of a node's sensors' reports, {@link PeerObservations}). A message longer than the limit ends the connection.
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

    /** The signature algorithm of a batch: that of the label bindings (ECDSA with SHA-384, the federation key). */
    static final String BATCH_SIGNATURE = "SHA384withECDSA";

    /**
     * A {@code batch} message: envelopes in sequence order from node {@code from} for node {@code to}, signed once as a
     * whole with the sender's federation key over the two nations and each envelope's sequence, label (banner) and
     * data digest (so each label stays bound to its data: an edited label, or one moved onto other data, no longer
     * verifies). The receiver checks each envelope's data against its digest.
     */
    static Map<String, Object> batch(String from, String to, List<JdbcFederation.Queued> rows, PrivateKey key) {
        List<Map<String, Object>> items = new ArrayList<>(rows.size());
        for (JdbcFederation.Queued q : rows) items.add(batchItem(q.seq(), q.envelope()));
        return batchMessage(from, to, items, Base64.getEncoder().encodeToString(sign(from, to, items, key)));
    }

    /** The batch message of these items with this signature (also what the outbox checks an envelope's size with). */
    static Map<String, Object> batchMessage(String from, String to, List<Map<String, Object>> items, String signature) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", "batch");
        m.put("from", from);
        m.put("to", to);
        m.put("items", items);
        m.put("signature", signature);
        return m;
    }

    static Map<String, Object> batchItem(long seq, Envelope e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("data", e.data());
        m.put("banner", e.banner());
        m.put("digest", e.digest());
        if (!e.signature().isEmpty()) m.put("signature", e.signature());
        return m;
    }

    private static byte[] sign(String from, String to, List<Map<String, Object>> items, PrivateKey key) {
        try {
            Signature s = Signature.getInstance(BATCH_SIGNATURE);
            s.initSign(key);
            update(s, "kizuna-federation-batch/1");
            update(s, from);
            update(s, to);
            for (Map<String, Object> i : items) {
                update(s, String.valueOf(i.get("seq")));
                update(s, String.valueOf(i.get("banner")));
                update(s, String.valueOf(i.get("digest")));
            }
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a batch with " + key.getAlgorithm() + ": " + e.getMessage(), e);
        }
    }

    /** Whether a {@code batch} message's signature verifies with the sender's key over what it says it carries. */
    static boolean batchVerifies(JsonNode m, PublicKey sender) {
        try {
            Signature s = Signature.getInstance(BATCH_SIGNATURE);
            s.initVerify(sender);
            update(s, "kizuna-federation-batch/1");
            update(s, m.path("from").asString(""));
            update(s, m.path("to").asString(""));
            for (JsonNode i : m.path("items")) {
                update(s, Long.toString(i.path("seq").asLong(0)));
                update(s, i.path("banner").asString(""));
                update(s, i.path("digest").asString(""));
            }
            return s.verify(Base64.getDecoder().decode(m.path("signature").asString("")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Each field length-prefixed, so that no two different batches sign the same bytes. */
    private static void update(Signature s, String field) throws GeneralSecurityException {
        byte[] b = field.getBytes(StandardCharsets.UTF_8);
        s.update(new byte[]{(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8), (byte) b.length});
        s.update(b);
    }

    /** The envelopes of a {@code batch} message, in its order. */
    static List<Inbound.Item> batchItems(JsonNode m, boolean verified) {
        List<Inbound.Item> items = new ArrayList<>();
        for (JsonNode i : m.path("items")) items.add(new Inbound.Item(i.path("seq").asLong(0), envelope(i), verified));
        return items;
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

    /** A batch of observations (the picture across nodes, by agreement): sent on the same link, neither sequenced nor acknowledged. */
    static Map<String, Object> observations(PeerObservations b) {
        List<Map<String, Object>> obs = new ArrayList<>(b.observations().size());
        for (PeerObservations.Observation o : b.observations()) {
            obs.add(Map.of("sensor", o.sensor(), "surveyed", o.surveyed(), "time", o.timeMs(), "lat", o.lat(), "lon", o.lon(), "sigma", o.sigma(), "label",
                    o.label()));
        }
        return Map.of("t", "observations", "from", b.from(), "to", b.to(), "time", b.timeMs(), "observations", obs);
    }

    /** The batch of an {@code observations} message; one without a sensor, a finite position and accuracy, or a label is refused with the batch. */
    static PeerObservations peerObservations(JsonNode m) throws IOException {
        List<PeerObservations.Observation> obs = new ArrayList<>();
        for (JsonNode o : m.path("observations")) {
            double lat = o.path("lat").asDouble(Double.NaN), lon = o.path("lon").asDouble(Double.NaN), sigma = o.path("sigma").asDouble(Double.NaN);
            if (!Double.isFinite(lat) || !Double.isFinite(lon) || !(sigma > 0) || !Double.isFinite(sigma)) {
                throw new IOException("an observation of an observations message has no finite position or accuracy");
            }
            String sensor = o.path("sensor").asString(""), label = o.path("label").asString("");
            if (sensor.isBlank() || sensor.length() > 64) throw new IOException("an observation of an observations message names no sensor");
            if (label.isBlank()) throw new IOException("an observation of an observations message has no label");
            obs.add(new PeerObservations.Observation(sensor, o.path("surveyed").asBoolean(false), o.path("time").asLong(0), lat, lon, sigma, label));
        }
        return new PeerObservations(m.path("from").asString(""), m.path("to").asString(""), m.path("time").asLong(0), obs);
    }

    static Envelope envelope(JsonNode m) {
        return new Envelope(m.path("data").asString(""), m.path("banner").asString(""), m.path("digest").asString(""), m.path("signature").asString(""));
    }
}
