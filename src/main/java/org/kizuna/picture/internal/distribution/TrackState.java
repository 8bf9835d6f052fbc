package org.kizuna.picture.internal.distribution;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.internal.cot.CotTime;
import org.kizuna.picture.internal.cot.CotXmlWriter;
import org.kizuna.picture.internal.cot.TakCodec;

/**
 * One version of one track as it goes out. A self-reported track's version is shared by every audience
 * that may see it, so its encodings (CoT XML, TAK protocol frame, JSON) are computed once, on first use,
 * whatever the number of clients. A self-reported version keeps what its client sent: {@code hae}, {@code ce},
 * {@code le} and its other detail elements ({@code detail}, after the content inspection); a fused track's
 * {@code ce} is its estimate's one-sigma position error.
 */
public final class TrackState {

    private static final ThreadLocal<CotXmlWriter> WRITER = ThreadLocal.withInitial(CotXmlWriter::new);

    public final String uid;
    public final String type;
    public final String how;
    public final double lat, lon, hae, speed, course, ce, le;
    public final @Nullable String callsign;
    /** The other detail elements the client sent (an XML fragment), or null. */
    public final @Nullable String detail;
    public final LabelKeys.Marking marking;
    public final long timeMs, staleMs;
    public final String[] nations;
    public final boolean self;

    private volatile byte @Nullable [] xml;
    private volatile byte @Nullable [] tak;
    private volatile byte @Nullable [] json;

    public TrackState(String uid, String type, String how, double lat, double lon, double hae, double speed, double course,
            @Nullable String callsign, LabelKeys.Marking marking, long timeMs, long staleMs, String[] nations, boolean self) {
        this(uid, type, how, lat, lon, hae, CotEvent.UNKNOWN, CotEvent.UNKNOWN, speed, course, callsign, null, marking, timeMs, staleMs, nations, self);
    }

    public TrackState(String uid, String type, String how, double lat, double lon, double hae, double ce, double le, double speed, double course,
            @Nullable String callsign, @Nullable String detail, LabelKeys.Marking marking, long timeMs, long staleMs, String[] nations,
            boolean self) {
        this.ce = ce;
        this.le = le;
        this.detail = detail;
        this.uid = uid;
        this.type = type;
        this.how = how;
        this.lat = lat;
        this.lon = lon;
        this.hae = hae;
        this.speed = speed;
        this.course = course;
        this.callsign = callsign;
        this.marking = marking;
        this.timeMs = timeMs;
        this.staleMs = staleMs;
        this.nations = nations;
        this.self = self;
    }

    public CotEvent toCot() {
        return new CotEvent(uid, type, how, timeMs, timeMs, staleMs, lat, lon, hae, ce, le,
                marking.access(), marking.caveat(), marking.releasableTo(), speed, course, callsign, null, detail);
    }

    /** This version under another label key (the same label, interned again). */
    public TrackState withMarking(LabelKeys.Marking m) {
        return new TrackState(uid, type, how, lat, lon, hae, ce, le, speed, course, callsign, detail, m, timeMs, staleMs, nations, self);
    }

    public byte[] xml() {
        byte[] b = xml;
        if (b == null) xml = b = WRITER.get().write(toCot());
        return b;
    }

    public byte[] takFrame() {
        byte[] b = tak;
        if (b == null) tak = b = TakCodec.frame(toCot());
        return b;
    }

    /** The JSON object the map and the REST API use. */
    public byte[] json() {
        byte[] b = json;
        if (b == null) json = b = buildJson().getBytes(StandardCharsets.UTF_8);
        return b;
    }

    public String affiliation() {
        return type.length() >= 3 && type.charAt(1) == '-' ? String.valueOf(type.charAt(2)) : "u";
    }

    public String dimension() {
        return type.length() >= 5 && type.charAt(3) == '-' ? String.valueOf(type.charAt(4)) : "G";
    }

    private String buildJson() {
        StringBuilder sb = new StringBuilder(320);
        sb.append("{\"id\":");
        str(sb, uid);
        sb.append(",\"lat\":").append(lat).append(",\"lon\":").append(lon).append(",\"altitude\":").append(hae == CotEvent.UNKNOWN ? 0 : hae);
        sb.append(",\"speed\":").append(Double.isNaN(speed) ? 0 : speed).append(",\"course\":").append(Double.isNaN(course) ? 0 : course);
        sb.append(",\"affiliation\":");
        str(sb, affiliation());
        sb.append(",\"dimension\":");
        str(sb, dimension());
        sb.append(",\"type\":");
        str(sb, type);
        sb.append(",\"callsign\":");
        str(sb, callsign == null ? uid : callsign);
        sb.append(",\"banner\":");
        str(sb, marking.banner());
        sb.append(",\"nations\":[");
        for (int i = 0; i < nations.length; i++) {
            if (i > 0) sb.append(',');
            str(sb, nations[i]);
        }
        sb.append("],\"selfReported\":").append(self);
        sb.append(",\"lastUpdate\":\"");
        CotTime.append(sb, timeMs);
        sb.append("\",\"stale\":\"");
        CotTime.append(sb, staleMs);
        sb.append("\"}");
        return sb.toString();
    }

    private static void str(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        sb.append('"');
    }
}
