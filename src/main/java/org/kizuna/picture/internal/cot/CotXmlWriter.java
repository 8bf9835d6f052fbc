package org.kizuna.picture.internal.cot;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.kizuna.picture.CotEvent;

/**
 * Writes CoT events as XML bytes. Numbers are formatted by hand (fixed decimals) so that writing a
 * track allocates only its output array. One instance per thread.
 */
public final class CotXmlWriter {

    private final StringBuilder sb = new StringBuilder(512);

    public byte[] write(CotEvent e) {
        sb.setLength(0);
        sb.append("<event version=\"2.0\"");
        attr("uid", e.uid());
        attr("type", e.type());
        if (!e.how().isEmpty()) attr("how", e.how());
        sb.append(" time=\"");
        CotTime.append(sb, e.timeMs());
        sb.append("\" start=\"");
        CotTime.append(sb, e.startMs());
        sb.append("\" stale=\"");
        CotTime.append(sb, e.staleMs());
        sb.append('"');
        if (e.access() != null) attr("access", e.access());
        if (e.caveat() != null) attr("caveat", e.caveat());
        if (e.releasableTo() != null) attr("releasableTo", e.releasableTo());
        sb.append("><point lat=\"");
        fixed(e.lat(), 7);
        sb.append("\" lon=\"");
        fixed(e.lon(), 7);
        sb.append("\" hae=\"");
        fixed(e.hae(), 1);
        sb.append("\" ce=\"");
        fixed(e.ce(), 1);
        sb.append("\" le=\"");
        fixed(e.le(), 1);
        sb.append("\"/><detail>");
        String detail = e.detail();
        if (detail != null) sb.append(detail);
        if (e.callsign() != null && (detail == null || !DetailElements.has(detail, "contact"))) {
            sb.append("<contact");
            attr("callsign", e.callsign());
            sb.append("/>");
        }
        if (e.hasTrack()) {
            sb.append("<track speed=\"");
            fixed(e.speed(), 2);
            sb.append("\" course=\"");
            fixed(e.course(), 2);
            sb.append("\"/>");
        }
        CotEvent.TakControl c = e.control();
        if (c != null) {
            sb.append("<TakControl>");
            if (c.supportedVersion() > 0) sb.append("<TakProtocolSupport version=\"").append(c.supportedVersion()).append("\"/>");
            if (c.requestedVersion() > 0) sb.append("<TakRequest version=\"").append(c.requestedVersion()).append("\"/>");
            if (c.responseStatus() != null) sb.append("<TakResponse status=\"").append(c.responseStatus()).append("\"/>");
            if (c.serverVersion() != null) {
                sb.append("<TakServerVersionInfo");
                attr("serverVersion", c.serverVersion());
                sb.append(" apiVersion=\"3\"/>");
            }
            sb.append("</TakControl>");
        }
        sb.append("</detail></event>");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The negotiation event a server sends on connect: it offers TAK protocol version 1. */
    public static CotEvent versionOffer(long now) {
        return control("t-x-takp-v", now, new CotEvent.TakControl(1, 0, null));
    }

    /** The negotiation event a server sends on connect: it offers TAK protocol version 1 and names its own version. */
    public static CotEvent versionOffer(long now, String serverVersion) {
        return control("t-x-takp-v", now, new CotEvent.TakControl(1, 0, null, serverVersion));
    }

    /** A client's keep-alive ({@code t-x-c-t}). */
    public static CotEvent ping(long now) {
        return new CotEvent("takPing", "t-x-c-t", "h-g-i-g-o", now, now, now + 20_000, 0, 0, 0, CotEvent.UNKNOWN, CotEvent.UNKNOWN,
                null, null, null, Double.NaN, Double.NaN, null, null);
    }

    /** A server's answer to a client's keep-alive ({@code t-x-c-t-r}). */
    public static CotEvent pong(long now) {
        return new CotEvent("takPong", "t-x-c-t-r", "h-g-i-g-o", now, now, now + 20_000, 0, 0, 0, CotEvent.UNKNOWN, CotEvent.UNKNOWN,
                null, null, null, Double.NaN, Double.NaN, null, null);
    }

    /** A client's request to switch to the given protocol version. */
    public static CotEvent versionRequest(long now, int version) {
        return control("t-x-takp-q", now, new CotEvent.TakControl(0, version, null));
    }

    /** The server's answer to a request; after a true answer both sides speak protocol 1. */
    public static CotEvent versionResponse(long now, boolean accepted) {
        return control("t-x-takp-r", now, new CotEvent.TakControl(0, 0, accepted));
    }

    private static CotEvent control(String type, long now, CotEvent.TakControl control) {
        return new CotEvent("protouid", type, "m-g", now, now, now + 60_000, 0, 0, 0, CotEvent.UNKNOWN, CotEvent.UNKNOWN,
                null, null, null, Double.NaN, Double.NaN, null, control);
    }

    private void attr(String name, @Nullable String value) {
        if (value == null) return;
        sb.append(' ').append(name).append("=\"");
        XmlText.escape(sb, value);
        sb.append('"');
    }

    private void fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            sb.append('0');
            return;
        }
        if (v < 0) {
            long scaleCheck = pow10(decimals);
            if (Math.round(-v * scaleCheck) != 0) sb.append('-');
            v = -v;
        }
        long scale = pow10(decimals);
        long scaled = Math.round(v * scale);
        sb.append(scaled / scale);
        if (decimals > 0) {
            sb.append('.');
            long frac = scaled % scale;
            for (long d = scale / 10; d > 0; d /= 10) {
                sb.append((char) ('0' + (frac / d) % 10));
            }
        }
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) p *= 10;
        return p;
    }
}
