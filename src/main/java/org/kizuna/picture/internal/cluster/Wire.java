package org.kizuna.picture.internal.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Reader;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.Source;
import org.kizuna.picture.internal.distribution.LabelKeys;
import org.kizuna.picture.internal.distribution.TrackState;

/**
 * The records of the picture's topics, in a compact binary form of their own (version 1). Labels travel as their banner
 * and are parsed again on arrival; every length read is bounded, so a record that does not parse is dropped, never taken
 * in part.
 */
final class Wire {

    private static final int VERSION = 1;
    private static final int MAX_ITEMS = 64;

    private Wire() {
    }

    /** An accepted event, its source, and the identity the replica gave the report (the observations topic). */
    record Taken(CotEvent event, Source source, long reportId) {
    }

    /** A track version as a worker published it, its label not yet interned in the replica's picture. */
    record Track(String uid, String type, String how, double lat, double lon, double hae, double ce, double le, double speed, double course,
            @Nullable String callsign, @Nullable String detail, String banner, long timeMs, long staleMs, String[] nations, boolean self,
            long[] reports) {

        TrackState in(LabelKeys.Marking marking) {
            return new TrackState(uid, type, how, lat, lon, hae, ce, le, speed, course, callsign, detail, marking, timeMs, staleMs, nations, self);
        }
    }

    static byte[] taken(CotEvent e, Source s, long reportId) {
        return write(out -> {
            out.writeLong(reportId);
            out.writeUTF(s.name());
            out.writeUTF(s.nation());
            optional(out, s.defaultLabel() == null ? null : s.defaultLabel().banner());
            out.writeBoolean(s.authenticated());
            out.writeUTF(s.owner());
            out.writeBoolean(s.reader() != null);
            if (s.reader() != null) reader(out, s.reader());
            out.writeUTF(e.uid());
            out.writeUTF(e.type());
            out.writeUTF(e.how());
            out.writeLong(e.timeMs());
            out.writeLong(e.startMs());
            out.writeLong(e.staleMs());
            out.writeDouble(e.lat());
            out.writeDouble(e.lon());
            out.writeDouble(e.hae());
            out.writeDouble(e.ce());
            out.writeDouble(e.le());
            optional(out, e.access());
            optional(out, e.caveat());
            optional(out, e.releasableTo());
            out.writeDouble(e.speed());
            out.writeDouble(e.course());
            optional(out, e.callsign());
            optional(out, e.detail());
        });
    }

    static Taken taken(byte[] bytes) {
        return read(bytes, in -> {
            long reportId = in.readLong();
            if (reportId < org.kizuna.picture.internal.distribution.LivePicture.GIVEN_REPORT_IDS) throw new IOException("a report identity below 2^62");
            String name = in.readUTF(), nation = in.readUTF();
            String banner = optional(in);
            boolean authenticated = in.readBoolean();
            String owner = in.readUTF();
            Reader reader = in.readBoolean() ? reader(in) : null;
            Source source = new Source(name, nation, banner == null ? null : Label.parse(banner), authenticated, owner, reader);
            CotEvent e = new CotEvent(in.readUTF(), in.readUTF(), in.readUTF(), in.readLong(), in.readLong(), in.readLong(), in.readDouble(),
                    in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), optional(in), optional(in), optional(in), in.readDouble(),
                    in.readDouble(), optional(in), null, optional(in));
            return new Taken(e, source, reportId);
        });
    }

    static byte[] track(TrackState s, long[] reports) {
        return write(out -> {
            out.writeByte(count(reports.length));
            for (long r : reports) out.writeLong(r);
            out.writeUTF(s.uid);
            out.writeUTF(s.type);
            out.writeUTF(s.how);
            for (double d : new double[]{s.lat, s.lon, s.hae, s.ce, s.le, s.speed, s.course}) out.writeDouble(d);
            optional(out, s.callsign);
            optional(out, s.detail);
            out.writeUTF(s.marking.banner());
            out.writeLong(s.timeMs);
            out.writeLong(s.staleMs);
            out.writeByte(s.nations.length);
            for (String n : s.nations) out.writeUTF(n);
            out.writeBoolean(s.self);
        });
    }

    static Track track(byte[] bytes) {
        return read(bytes, in -> {
            long[] reports = new long[count(in.readUnsignedByte())];
            for (int i = 0; i < reports.length; i++) reports[i] = in.readLong();
            String uid = in.readUTF(), type = in.readUTF(), how = in.readUTF();
            double lat = in.readDouble(), lon = in.readDouble(), hae = in.readDouble(), ce = in.readDouble(), le = in.readDouble(),
                    speed = in.readDouble(), course = in.readDouble();
            String callsign = optional(in), detail = optional(in), banner = in.readUTF();
            long time = in.readLong(), stale = in.readLong();
            String[] nations = new String[count(in.readUnsignedByte())];
            for (int i = 0; i < nations.length; i++) nations[i] = in.readUTF();
            return new Track(uid, type, how, lat, lon, hae, ce, le, speed, course, callsign, detail, banner, time, stale, nations, in.readBoolean(),
                    reports);
        });
    }

    static byte[] audience(Reader r) {
        return write(out -> reader(out, r));
    }

    static Reader audience(byte[] bytes) {
        return read(bytes, Wire::reader);
    }

    private static void reader(DataOutputStream out, Reader r) throws IOException {
        out.writeUTF(r.nation());
        out.writeUTF(r.level());
        strings(out, r.accesses());
        strings(out, r.communities());
    }

    private static Reader reader(DataInputStream in) throws IOException {
        return new Reader(in.readUTF(), in.readUTF(), strings(in), strings(in));
    }

    private static void strings(DataOutputStream out, Set<String> values) throws IOException {
        out.writeByte(values.size());
        for (String v : values) out.writeUTF(v);
    }

    private static Set<String> strings(DataInputStream in) throws IOException {
        int n = count(in.readUnsignedByte());
        Set<String> out = new HashSet<>();
        for (int i = 0; i < n; i++) out.add(in.readUTF());
        return out;
    }

    private static int count(int n) throws IOException {
        if (n > MAX_ITEMS) throw new IOException("a list of " + n + " items, more than " + MAX_ITEMS);
        return n;
    }

    private static void optional(DataOutputStream out, @Nullable String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) out.writeUTF(s);
    }

    private static @Nullable String optional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private interface Writing {
        void to(DataOutputStream out) throws IOException;
    }

    private interface Reading<T> {
        T from(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writing w) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            w.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the record does not parse, or parses with bytes left over */
    private static <T> T read(byte[] bytes, Reading<T> r) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) throw new IllegalArgumentException("a record of version " + version + "; this node reads version " + VERSION);
            T value = r.from(in);
            if (in.available() > 0) throw new IllegalArgumentException("a record with " + in.available() + " bytes too many");
            return value;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("a record that does not parse: " + e.getMessage(), e);
        }
    }
}
