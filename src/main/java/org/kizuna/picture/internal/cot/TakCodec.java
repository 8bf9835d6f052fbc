package org.kizuna.picture.internal.cot;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotRejected;

/**
 * TAK protocol version 1: the protobuf {@code TakMessage} (with {@code TakControl} and {@code CotEvent},
 * field numbers as TAK Server's takproto defines them) encoded and decoded by hand over
 * {@link CodedInputStream}/{@link CodedOutputStream}, and its stream framing: {@code 0xBF}, a varint
 * length, then the message. Decoding checks wire types, lengths and value ranges and throws
 * {@link CotRejected} with the reason; unknown fields are skipped.
 */
public final class TakCodec {

    /** The magic byte that starts every message of the streaming protocol. */
    public static final int MAGIC = 0xBF;
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    // TakMessage
    private static final int TAK_CONTROL = 1, COT_EVENT = 2;
    // TakControl
    private static final int MIN_VERSION = 1, MAX_VERSION = 2;
    // CotEvent
    private static final int TYPE = 1, ACCESS = 2, UID = 5, SEND_TIME = 6, START_TIME = 7, STALE_TIME = 8, HOW = 9,
            LAT = 10, LON = 11, HAE = 12, CE = 13, LE = 14, DETAIL = 15, CAVEAT = 16, RELEASEABLE_TO = 17;
    // Detail
    private static final int CONTACT = 2, TRACK = 7;
    // Contact
    private static final int CALLSIGN = 2;
    // Track
    private static final int SPEED = 1, COURSE = 2;

    private TakCodec() {
    }

    /**
     * Decodes one {@code TakMessage}; returns null for a message that carries only {@code TakControl}
     * (which streams use to announce versions and which changes nothing here).
     */
    public static @Nullable CotEvent decode(byte[] bytes, int offset, int length) throws CotRejected {
        if (length > MAX_MESSAGE_BYTES) throw new CotRejected("TAK message of " + length + " bytes exceeds the limit");
        CodedInputStream in = CodedInputStream.newInstance(bytes, offset, length);
        in.setSizeLimit(MAX_MESSAGE_BYTES);
        try {
            CotEvent event = null;
            while (true) {
                int tag = in.readTag();
                if (tag == 0) break;
                int field = WireFormat.getTagFieldNumber(tag);
                if (field == COT_EVENT) {
                    wire(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "cotEvent");
                    int limit = in.pushLimit(length(in));
                    event = cotEvent(in);
                    in.popLimit(limit);
                } else if (field == TAK_CONTROL) {
                    wire(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "takControl");
                    int limit = in.pushLimit(length(in));
                    takControl(in);
                    in.popLimit(limit);
                } else if (!in.skipField(tag)) {
                    throw new CotRejected("unexpected end-group tag");
                }
            }
            return event;
        } catch (CotRejected e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CotRejected("malformed protobuf: " + e.getMessage());
        }
    }

    private static void takControl(CodedInputStream in) throws IOException, CotRejected {
        while (true) {
            int tag = in.readTag();
            if (tag == 0) return;
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == MIN_VERSION || field == MAX_VERSION) {
                wire(tag, WireFormat.WIRETYPE_VARINT, "protocol version");
                in.readUInt32();
            } else if (!in.skipField(tag)) {
                return;
            }
        }
    }

    private static CotEvent cotEvent(CodedInputStream in) throws IOException, CotRejected {
        String type = null, uid = null, how = "", access = null, caveat = null, releasableTo = null, callsign = null;
        long send = 0, start = 0, stale = 0;
        double lat = Double.NaN, lon = Double.NaN, hae = CotEvent.UNKNOWN, ce = CotEvent.UNKNOWN, le = CotEvent.UNKNOWN;
        double[] track = {Double.NaN, Double.NaN};
        while (true) {
            int tag = in.readTag();
            if (tag == 0) break;
            switch (WireFormat.getTagFieldNumber(tag)) {
                case TYPE -> type = string(in, tag, "type", 64);
                case ACCESS -> access = string(in, tag, "access", 256);
                case UID -> uid = string(in, tag, "uid", 256);
                case HOW -> how = string(in, tag, "how", 64);
                case CAVEAT -> caveat = string(in, tag, "caveat", 256);
                case RELEASEABLE_TO -> releasableTo = string(in, tag, "releaseableTo", 1024);
                case SEND_TIME -> send = time(in, tag, "sendTime");
                case START_TIME -> start = time(in, tag, "startTime");
                case STALE_TIME -> stale = time(in, tag, "staleTime");
                case LAT -> lat = dbl(in, tag, "lat");
                case LON -> lon = dbl(in, tag, "lon");
                case HAE -> hae = dbl(in, tag, "hae");
                case CE -> ce = dbl(in, tag, "ce");
                case LE -> le = dbl(in, tag, "le");
                case DETAIL -> {
                    wire(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "detail");
                    int limit = in.pushLimit(length(in));
                    callsign = detail(in, track, callsign);
                    in.popLimit(limit);
                }
                default -> {
                    if (!in.skipField(tag)) throw new CotRejected("unexpected end-group tag");
                }
            }
        }
        if (uid == null || uid.isEmpty()) throw new CotRejected("event has no uid");
        for (int i = 0; i < uid.length(); i++) {
            if (uid.charAt(i) < 0x20 || uid.charAt(i) == 0x7f) throw new CotRejected("uid contains control characters");
        }
        if (type == null || type.isEmpty()) throw new CotRejected("event has no type");
        if (send == 0) throw new CotRejected("event has no sendTime");
        if (stale == 0) throw new CotRejected("event has no staleTime");
        if (start == 0) start = send;
        if (Double.isNaN(lat) || Double.isNaN(lon)) {
            lat = 0;
            lon = 0;
        }
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) throw new CotRejected("point out of range: lat " + lat + ", lon " + lon);
        if (!Double.isNaN(track[0]) && track[0] < 0) throw new CotRejected("negative track speed");
        return new CotEvent(uid, type, how, send, start, stale, lat, lon, hae, ce, le,
                blank(access), blank(caveat), blank(releasableTo), track[0], track[1], callsign, null);
    }

    private static @Nullable String detail(CodedInputStream in, double[] track, @Nullable String callsign) throws IOException, CotRejected {
        while (true) {
            int tag = in.readTag();
            if (tag == 0) return callsign;
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == CONTACT) {
                wire(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "contact");
                int limit = in.pushLimit(length(in));
                while (true) {
                    int t = in.readTag();
                    if (t == 0) break;
                    if (WireFormat.getTagFieldNumber(t) == CALLSIGN) callsign = string(in, t, "callsign", 256);
                    else if (!in.skipField(t)) throw new CotRejected("unexpected end-group tag");
                }
                in.popLimit(limit);
            } else if (field == TRACK) {
                wire(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "track");
                int limit = in.pushLimit(length(in));
                while (true) {
                    int t = in.readTag();
                    if (t == 0) break;
                    int f = WireFormat.getTagFieldNumber(t);
                    if (f == SPEED) track[0] = dbl(in, t, "speed");
                    else if (f == COURSE) track[1] = dbl(in, t, "course");
                    else if (!in.skipField(t)) throw new CotRejected("unexpected end-group tag");
                }
                in.popLimit(limit);
            } else if (!in.skipField(tag)) {
                return callsign;
            }
        }
    }

    private static int length(CodedInputStream in) throws IOException, CotRejected {
        int n = in.readRawVarint32();
        if (n < 0 || n > MAX_MESSAGE_BYTES) throw new CotRejected("nested message length " + n + " out of range");
        return n;
    }

    private static void wire(int tag, int expected, String what) throws CotRejected {
        if (WireFormat.getTagWireType(tag) != expected) {
            throw new CotRejected("field '" + what + "' has wire type " + WireFormat.getTagWireType(tag) + ", expected " + expected);
        }
    }

    private static String string(CodedInputStream in, int tag, String what, int max) throws IOException, CotRejected {
        wire(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, what);
        String s = in.readStringRequireUtf8();
        if (s.length() > max) throw new CotRejected("'" + what + "' longer than " + max + " characters");
        return s;
    }

    private static long time(CodedInputStream in, int tag, String what) throws IOException, CotRejected {
        wire(tag, WireFormat.WIRETYPE_VARINT, what);
        long t = in.readUInt64();
        if (t < 0 || t > 32503680000000L) throw new CotRejected("'" + what + "' out of range");
        return t;
    }

    private static double dbl(CodedInputStream in, int tag, String what) throws IOException, CotRejected {
        wire(tag, WireFormat.WIRETYPE_FIXED64, what);
        double d = in.readDouble();
        if (!Double.isFinite(d)) throw new CotRejected("'" + what + "' is not a finite number");
        return d;
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Encodes a {@code TakMessage} carrying the event. */
    public static byte[] encode(CotEvent e) {
        int detail = detailSize(e);
        int event = eventSize(e, detail);
        byte[] out = new byte[CodedOutputStream.computeTagSize(COT_EVENT) + CodedOutputStream.computeUInt32SizeNoTag(event) + event];
        try {
            CodedOutputStream o = CodedOutputStream.newInstance(out);
            o.writeTag(COT_EVENT, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            o.writeUInt32NoTag(event);
            writeEvent(o, e, detail);
            o.checkNoSpaceLeft();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return out;
    }

    /** Encodes the event as one frame of the streaming protocol: {@code 0xBF}, varint length, message. */
    public static byte[] frame(CotEvent e) {
        return frame(encode(e));
    }

    public static byte[] frame(byte[] message) {
        int header = 1 + CodedOutputStream.computeUInt32SizeNoTag(message.length);
        byte[] out = new byte[header + message.length];
        out[0] = (byte) MAGIC;
        int v = message.length, i = 1;
        while ((v & ~0x7F) != 0) {
            out[i++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[i] = (byte) v;
        System.arraycopy(message, 0, out, header, message.length);
        return out;
    }

    private static int eventSize(CotEvent e, int detail) {
        int n = CodedOutputStream.computeStringSize(TYPE, e.type()) + CodedOutputStream.computeStringSize(UID, e.uid())
                + CodedOutputStream.computeUInt64Size(SEND_TIME, e.timeMs()) + CodedOutputStream.computeUInt64Size(START_TIME, e.startMs())
                + CodedOutputStream.computeUInt64Size(STALE_TIME, e.staleMs()) + 5 * (1 + 8);
        if (!e.how().isEmpty()) n += CodedOutputStream.computeStringSize(HOW, e.how());
        if (e.access() != null) n += CodedOutputStream.computeStringSize(ACCESS, e.access());
        if (e.caveat() != null) n += CodedOutputStream.computeStringSize(CAVEAT, e.caveat());
        if (e.releasableTo() != null) n += CodedOutputStream.computeStringSize(RELEASEABLE_TO, e.releasableTo());
        if (detail > 0) n += CodedOutputStream.computeTagSize(DETAIL) + CodedOutputStream.computeUInt32SizeNoTag(detail) + detail;
        return n;
    }

    private static int contactSize(CotEvent e) {
        return e.callsign() == null ? 0 : CodedOutputStream.computeStringSize(CALLSIGN, e.callsign());
    }

    private static int detailSize(CotEvent e) {
        int n = 0;
        int contact = contactSize(e);
        if (contact > 0) n += 1 + CodedOutputStream.computeUInt32SizeNoTag(contact) + contact;
        if (e.hasTrack()) n += 1 + 1 + 18;
        return n;
    }

    private static void writeEvent(CodedOutputStream o, CotEvent e, int detail) throws IOException {
        o.writeString(TYPE, e.type());
        if (e.access() != null) o.writeString(ACCESS, e.access());
        o.writeString(UID, e.uid());
        o.writeUInt64(SEND_TIME, e.timeMs());
        o.writeUInt64(START_TIME, e.startMs());
        o.writeUInt64(STALE_TIME, e.staleMs());
        if (!e.how().isEmpty()) o.writeString(HOW, e.how());
        o.writeDouble(LAT, e.lat());
        o.writeDouble(LON, e.lon());
        o.writeDouble(HAE, e.hae());
        o.writeDouble(CE, e.ce());
        o.writeDouble(LE, e.le());
        if (detail > 0) {
            o.writeTag(DETAIL, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            o.writeUInt32NoTag(detail);
            int contact = contactSize(e);
            if (contact > 0) {
                o.writeTag(CONTACT, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                o.writeUInt32NoTag(contact);
                o.writeString(CALLSIGN, e.callsign());
            }
            if (e.hasTrack()) {
                o.writeTag(TRACK, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                o.writeUInt32NoTag(18);
                o.writeDouble(SPEED, e.speed());
                o.writeDouble(COURSE, e.course());
            }
        }
        if (e.caveat() != null) o.writeString(CAVEAT, e.caveat());
        if (e.releasableTo() != null) o.writeString(RELEASEABLE_TO, e.releasableTo());
    }
}
