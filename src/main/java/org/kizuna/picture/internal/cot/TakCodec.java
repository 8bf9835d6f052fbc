package org.kizuna.picture.internal.cot;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
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
 * <p>
 * The detail: {@code contact} (callsign and endpoint), {@code group}, {@code precisionLocation},
 * {@code status}, {@code takv} and {@code track} have messages of their own; every other detail element
 * travels as XML in {@code xmlDetail}. Decoding turns the dedicated messages back into their XML elements
 * and checks the whole detail with the hardened XML parser ({@link DetailElements#check}); encoding puts an
 * element in its dedicated message when that message can carry it exactly, else in {@code xmlDetail}.
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
    private static final int XML_DETAIL = 1, CONTACT = 2, GROUP = 3, PRECISION_LOCATION = 4, STATUS = 5, TAKV = 6, TRACK = 7;
    // Contact: its fields (endpoint 1, callsign 2) are read and written through the XML detail

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
        String type = null, uid = null, how = "", access = null, caveat = null, releasableTo = null;
        DetailParts detail = new DetailParts();
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
                    detail = detail(in, track, detail);
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
        return new CotEvent(uid, type, how, send, start, stale, lat, lon, CotXmlParser.height(hae), CotXmlParser.error(ce), CotXmlParser.error(le),
                blank(access), blank(caveat), blank(releasableTo), track[0], track[1], detail.callsign, null, detail.xml());
    }

    /** The detail as it is decoded: the callsign, and the XML of every element but the track. */
    private static final class DetailParts {
        @Nullable String callsign;
        final StringBuilder dedicated = new StringBuilder();
        @Nullable String xmlDetail;

        @Nullable
        String xml() throws CotRejected {
            String all = dedicated + (xmlDetail == null ? "" : xmlDetail);
            return DetailElements.check(all);
        }
    }

    private static DetailParts detail(CodedInputStream in, double[] track, DetailParts parts) throws IOException, CotRejected {
        while (true) {
            int tag = in.readTag();
            if (tag == 0) return parts;
            int field = WireFormat.getTagFieldNumber(tag);
            switch (field) {
                case XML_DETAIL -> parts.xmlDetail = string(in, tag, "xmlDetail", CotXmlParser.MAX_DETAIL_BYTES);
                case CONTACT -> {
                    @Nullable String[] v = strings(in, tag, "contact", 2);
                    parts.callsign = v[1];
                    parts.dedicated.append(DetailElements.element("contact", "endpoint", v[0], "callsign", v[1]));
                }
                case GROUP -> {
                    @Nullable String[] v = strings(in, tag, "group", 2);
                    parts.dedicated.append(DetailElements.element("__group", "name", v[0], "role", v[1]));
                }
                case PRECISION_LOCATION -> {
                    @Nullable String[] v = strings(in, tag, "precisionLocation", 2);
                    parts.dedicated.append(DetailElements.element("precisionlocation", "geopointsrc", v[0], "altsrc", v[1]));
                }
                case STATUS -> {
                    wire(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, "status");
                    int limit = in.pushLimit(length(in));
                    Long battery = null;
                    while (true) {
                        int t = in.readTag();
                        if (t == 0) break;
                        if (WireFormat.getTagFieldNumber(t) == 1) {
                            wire(t, WireFormat.WIRETYPE_VARINT, "battery");
                            battery = in.readUInt32() & 0xffffffffL;
                        } else if (!in.skipField(t)) {
                            throw new CotRejected("unexpected end-group tag");
                        }
                    }
                    in.popLimit(limit);
                    parts.dedicated.append(DetailElements.element("status", "battery", battery == null ? null : battery.toString()));
                }
                case TAKV -> {
                    @Nullable String[] v = strings(in, tag, "takv", 4);
                    parts.dedicated.append(DetailElements.element("takv", "device", v[0], "platform", v[1], "os", v[2], "version", v[3]));
                }
                case TRACK -> {
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
                }
                default -> {
                    if (!in.skipField(tag)) return parts;
                }
            }
        }
    }

    /** A message of string fields 1 to {@code n} (absent ones null). */
    private static @Nullable String[] strings(CodedInputStream in, int tag, String what, int n) throws IOException, CotRejected {
        wire(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED, what);
        int limit = in.pushLimit(length(in));
        @Nullable String[] v = new String[n];
        while (true) {
            int t = in.readTag();
            if (t == 0) break;
            int f = WireFormat.getTagFieldNumber(t);
            if (f >= 1 && f <= n) v[f - 1] = string(in, t, what, 1024);
            else if (!in.skipField(t)) throw new CotRejected("unexpected end-group tag");
        }
        in.popLimit(limit);
        return v;
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
        byte[] detail = detail(e);
        int event = eventSize(e, detail.length);
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

    /** The event's {@code Detail} message: dedicated messages where they carry an element exactly, the rest as {@code xmlDetail}. */
    private static byte[] detail(CotEvent e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        CodedOutputStream o = CodedOutputStream.newInstance(bytes, 256);
        try {
            StringBuilder xml = new StringBuilder();
            boolean contact = false, group = false, precision = false, status = false, takv = false;
            String other = e.detail();
            if (other != null) {
                for (DetailElements.Element el : DetailElements.split(other)) {
                    var a = el.attributes();
                    boolean simple = !el.hasContent();
                    if (simple && !contact && el.name().equals("contact") && only(a, "endpoint", "callsign")) {
                        contact = true;
                        message(o, CONTACT, a.get("endpoint"), a.get("callsign"));
                    } else if (simple && !group && el.name().equals("__group") && only(a, "name", "role")) {
                        group = true;
                        message(o, GROUP, a.get("name"), a.get("role"));
                    } else if (simple && !precision && el.name().equals("precisionlocation") && only(a, "geopointsrc", "altsrc")) {
                        precision = true;
                        message(o, PRECISION_LOCATION, a.get("geopointsrc"), a.get("altsrc"));
                    } else if (simple && !status && el.name().equals("status") && only(a, "battery") && battery(a.get("battery")) >= 0) {
                        status = true;
                        long battery = battery(a.get("battery"));
                        o.writeTag(STATUS, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                        o.writeUInt32NoTag(a.containsKey("battery") ? CodedOutputStream.computeUInt32Size(1, (int) battery) : 0);
                        if (a.containsKey("battery")) o.writeUInt32(1, (int) battery);
                    } else if (simple && !takv && el.name().equals("takv") && only(a, "device", "platform", "os", "version")) {
                        takv = true;
                        message(o, TAKV, a.get("device"), a.get("platform"), a.get("os"), a.get("version"));
                    } else {
                        if (el.name().equals("contact")) contact = true; // the callsign travels in xmlDetail
                        xml.append(el.xml());
                    }
                }
            }
            if (!contact && e.callsign() != null) message(o, CONTACT, null, e.callsign());
            if (e.hasTrack()) {
                o.writeTag(TRACK, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                o.writeUInt32NoTag(18);
                o.writeDouble(SPEED, e.speed());
                o.writeDouble(COURSE, e.course());
            }
            if (!xml.isEmpty()) o.writeString(XML_DETAIL, xml.toString());
            o.flush();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return bytes.toByteArray();
    }

    private static boolean only(java.util.Map<String, String> attributes, String... names) {
        return java.util.Set.of(names).containsAll(attributes.keySet());
    }

    /** A battery level as TAK protocol carries it (0 when absent), or -1 when it is not an unsigned 32-bit number. */
    private static long battery(@Nullable String v) {
        if (v == null) return 0;
        try {
            long b = Long.parseLong(v);
            return b >= 0 && b <= 0xffffffffL ? b : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A message of string fields 1, 2 ... (null ones left out). */
    private static void message(CodedOutputStream o, int field, @Nullable String... values) throws IOException {
        int size = 0;
        for (int i = 0; i < values.length; i++) if (values[i] != null) size += CodedOutputStream.computeStringSize(i + 1, values[i]);
        o.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        o.writeUInt32NoTag(size);
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v != null) o.writeString(i + 1, v);
        }
    }

    private static void writeEvent(CodedOutputStream o, CotEvent e, byte[] detail) throws IOException {
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
        if (detail.length > 0) {
            o.writeTag(DETAIL, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            o.writeUInt32NoTag(detail.length);
            o.writeRawBytes(detail);
        }
        if (e.caveat() != null) o.writeString(CAVEAT, e.caveat());
        if (e.releasableTo() != null) o.writeString(RELEASEABLE_TO, e.releasableTo());
    }
}
