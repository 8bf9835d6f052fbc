package org.kizuna.picture.internal.cot;

import static org.kizuna.picture.internal.cot.XmlText.isSpace;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotRejected;

/**
 * A hand-written, non-validating parser for one CoT XML {@code <event>}, hardened against hostile
 * input. It has no DTD support at all: a DOCTYPE, an entity declaration, any entity reference other
 * than the five predefined ones and character references, and processing instructions other than
 * the XML declaration are rejected, so nothing can be expanded or fetched. Size, depth, element
 * count, attribute count and attribute length are limited. Only the attributes Kizuna uses are
 * turned into strings; the rest of the document is checked for well-formedness. The {@code <detail>}
 * elements other than {@code track} and {@code TakControl} are kept as the client wrote them (checked, so
 * well-formed and free of entities), up to {@link #MAX_DETAIL_ELEMENTS} elements and
 * {@link #MAX_DETAIL_BYTES} bytes in all (further ones are dropped); {@code marti} and
 * {@code __serverdestination} (addressing for a server) are never kept. {@code hae}, {@code ce} and
 * {@code le} are kept as sent; a value outside its range (a negative error, a height beyond the
 * atmosphere or below the deepest trench) is taken as unknown (9999999). One instance per connection (it
 * keeps scratch state); not thread-safe.
 */
public final class CotXmlParser {

    public static final int MAX_EVENT_BYTES = 64 * 1024;
    public static final int MAX_DEPTH = 16;
    public static final int MAX_ELEMENTS = 512;
    public static final int MAX_ATTRIBUTES = 32;
    public static final int MAX_ATTRIBUTE_BYTES = 2048;
    public static final int MAX_UID_LENGTH = 256;
    /** The most detail elements and bytes of detail kept per event. */
    public static final int MAX_DETAIL_ELEMENTS = 64, MAX_DETAIL_BYTES = 16 * 1024;
    /** The range of heights (m above the ellipsoid) taken as known. */
    public static final double MIN_HAE = -12_000, MAX_HAE = 1_000_000;

    private static final byte[] EVENT = ascii("event"), POINT = ascii("point"), DETAIL = ascii("detail"),
            CONTACT = ascii("contact"), TRACK = ascii("track"), TAK_CONTROL = ascii("TakControl"),
            PROTOCOL_SUPPORT = ascii("TakProtocolSupport"), REQUEST = ascii("TakRequest"),
            RESPONSE = ascii("TakResponse"), VERSION_INFO = ascii("TakServerVersionInfo"), MARTI = ascii("marti"),
            SERVER_DESTINATION = ascii("__serverdestination");

    // element contexts
    private static final int OTHER = 0, C_EVENT = 1, C_POINT = 2, C_DETAIL = 3, C_CONTACT = 4, C_TRACK = 5,
            C_CONTROL = 6, C_SUPPORT = 7, C_REQUEST = 8, C_RESPONSE = 9, C_VERSION_INFO = 10;

    private final int[] nameStart = new int[MAX_DEPTH + 1];
    private final int[] nameLength = new int[MAX_DEPTH + 1];
    private final int[] context = new int[MAX_DEPTH + 1];

    private byte[] b = new byte[0];
    private int pos, end;

    // fields of the event being parsed
    private @Nullable String uid, type, how, access, caveat, releasableTo, callsign;
    private long time, start, stale;
    private double lat, lon, hae, ce, le, speed, course;
    private boolean pointSeen;
    private int supported, requested;
    private @Nullable Boolean responseStatus;
    private @Nullable String serverVersion;
    private boolean controlSeen;
    // the kept detail elements: start and length of each in the input
    private final int[] detailStart = new int[MAX_DETAIL_ELEMENTS], detailLength = new int[MAX_DETAIL_ELEMENTS];
    private int detailCount, detailBytes, keepingFrom, otherContactAttributes;

    /** Parses one complete event; throws with the reason when it is malformed, hostile or incomplete. */
    public CotEvent parse(byte[] bytes, int offset, int length) throws CotRejected {
        if (length > MAX_EVENT_BYTES) {
            throw new CotRejected("event of " + length + " bytes exceeds the limit of " + MAX_EVENT_BYTES);
        }
        reset(bytes, offset, length);
        document();
        return build();
    }

    public CotEvent parse(byte[] bytes) throws CotRejected {
        return parse(bytes, 0, bytes.length);
    }

    private void reset(byte[] bytes, int offset, int length) {
        b = bytes;
        pos = offset;
        end = offset + length;
        uid = type = how = access = caveat = releasableTo = callsign = null;
        time = start = stale = Long.MIN_VALUE;
        lat = lon = Double.NaN;
        hae = ce = le = CotEvent.UNKNOWN;
        speed = course = Double.NaN;
        pointSeen = false;
        supported = requested = 0;
        responseStatus = null;
        serverVersion = null;
        controlSeen = false;
        detailCount = detailBytes = 0;
        keepingFrom = -1;
    }

    private void document() throws CotRejected {
        if (end - pos >= 3 && (b[pos] & 0xff) == 0xEF && (b[pos + 1] & 0xff) == 0xBB && (b[pos + 2] & 0xff) == 0xBF) {
            pos += 3;
        }
        int depth = 0, elements = 0;
        boolean rootDone = false, anything = false;
        while (pos < end) {
            byte c = b[pos];
            if (c != '<') {
                if (depth == 0) {
                    if (!isSpace(c)) throw new CotRejected("text outside the <event> element");
                    pos++;
                } else {
                    text();
                }
                continue;
            }
            if (pos + 1 >= end) throw new CotRejected("truncated markup at end of event");
            byte n = b[pos + 1];
            if (n == '?') {
                if (anything || !startsWith("<?xml") || (pos + 5 < end && !isSpace(b[pos + 5]))) {
                    throw new CotRejected("processing instructions are not allowed");
                }
                pos = indexOf("?>", pos + 5, "unterminated XML declaration") + 2;
                anything = true;
                continue;
            }
            anything = true;
            if (n == '!') {
                if (startsWith("<!--")) {
                    pos = indexOf("-->", pos + 4, "unterminated comment") + 3;
                } else if (startsWith("<![CDATA[") && depth > 0) {
                    pos = indexOf("]]>", pos + 9, "unterminated CDATA section") + 3;
                } else if (startsWith("<!DOCTYPE") || startsWith("<!doctype")) {
                    throw new CotRejected("DOCTYPE is not allowed");
                } else if (startsWith("<!ENTITY")) {
                    throw new CotRejected("entity declarations are not allowed");
                } else {
                    throw new CotRejected("markup declarations are not allowed");
                }
                continue;
            }
            if (n == '/') {
                if (depth == 0) throw new CotRejected("end tag without start tag");
                pos += 2;
                int ns = pos, nl = name();
                if (nl != nameLength[depth] || !same(ns, nameStart[depth], nl)) {
                    throw new CotRejected("end tag </" + str(ns, nl) + "> does not match <" + str(nameStart[depth], nameLength[depth]) + ">");
                }
                skipSpace();
                expect('>');
                depth--;
                if (depth == 2 && keepingFrom >= 0) keep(keepingFrom, pos);
                if (depth == 0) rootDone = true;
                continue;
            }
            if (rootDone) throw new CotRejected("content after the </event> end tag");
            if (++elements > MAX_ELEMENTS) throw new CotRejected("more than " + MAX_ELEMENTS + " elements");
            if (depth + 1 > MAX_DEPTH) throw new CotRejected("elements nested deeper than " + MAX_DEPTH);
            int tagStart = pos;
            pos++;
            int ns = pos, nl = name();
            int ctx = contextOf(depth == 0 ? -1 : context[depth], ns, nl);
            if (depth == 0 && ctx != C_EVENT) throw new CotRejected("root element is <" + str(ns, nl) + ">, not <event>");
            boolean kept = depth == 2 && context[2] == C_DETAIL && ctx != C_TRACK && ctx != C_CONTROL && !same(ns, nl, MARTI)
                    && !same(ns, nl, SERVER_DESTINATION);
            keepingFrom = kept ? tagStart : depth == 2 ? -1 : keepingFrom;
            boolean empty = attributes(ctx);
            // a contact that names only the callsign is the callsign: the writer writes it again from that
            if (empty && kept && !(ctx == C_CONTACT && otherContactAttributes == 0)) keep(tagStart, pos);
            else if (empty && kept) keepingFrom = -1;
            if (!empty) {
                depth++;
                nameStart[depth] = ns;
                nameLength[depth] = nl;
                context[depth] = ctx;
            } else if (depth == 0) {
                rootDone = true;
            }
        }
        if (depth != 0) throw new CotRejected("truncated event: <" + str(nameStart[depth], nameLength[depth]) + "> is not closed");
        if (!rootDone) throw new CotRejected("no <event> element");
    }

    private int contextOf(int parent, int ns, int nl) {
        if (parent == -1) return same(ns, nl, EVENT) ? C_EVENT : OTHER;
        return switch (parent) {
            case C_EVENT -> same(ns, nl, POINT) ? C_POINT : same(ns, nl, DETAIL) ? C_DETAIL : OTHER;
            case C_DETAIL -> same(ns, nl, CONTACT) ? C_CONTACT : same(ns, nl, TRACK) ? C_TRACK : same(ns, nl, TAK_CONTROL) ? C_CONTROL : OTHER;
            case C_CONTROL -> same(ns, nl, PROTOCOL_SUPPORT)
                    ? C_SUPPORT
                    : same(ns, nl, REQUEST)
                            ? C_REQUEST
                            : same(ns, nl, RESPONSE)
                                    ? C_RESPONSE
                                    : same(ns, nl, VERSION_INFO) ? C_VERSION_INFO : OTHER;
            default -> OTHER;
        };
    }

    /** Reads the attributes of a start tag up to its '>'; returns true when the tag is empty ({@code />}). */
    private boolean attributes(int ctx) throws CotRejected {
        if (ctx == C_POINT) pointSeen = true;
        if (ctx == C_CONTROL) controlSeen = true;
        if (ctx == C_CONTACT) otherContactAttributes = 0;
        int count = 0;
        while (true) {
            boolean spaced = skipSpace();
            if (pos >= end) throw new CotRejected("truncated start tag");
            byte c = b[pos];
            if (c == '>') {
                pos++;
                return false;
            }
            if (c == '/') {
                pos++;
                expect('>');
                return true;
            }
            if (!spaced) throw new CotRejected("attributes must be separated by white space");
            if (++count > MAX_ATTRIBUTES) throw new CotRejected("more than " + MAX_ATTRIBUTES + " attributes on one element");
            int as = pos, al = name();
            skipSpace();
            expect('=');
            skipSpace();
            if (pos >= end) throw new CotRejected("truncated attribute");
            byte q = b[pos];
            if (q != '"' && q != '\'') throw new CotRejected("attribute value must be quoted");
            int vs = ++pos;
            boolean plain = true;
            while (true) {
                if (pos >= end) throw new CotRejected("unterminated attribute value");
                byte v = b[pos];
                if (v == q) break;
                if (v == '<') throw new CotRejected("'<' in attribute value");
                if (v == '&') {
                    reference();
                    plain = false;
                    continue;
                }
                if (v < 0) plain = false;
                pos++;
            }
            int vl = pos - vs;
            pos++;
            if (vl > MAX_ATTRIBUTE_BYTES) throw new CotRejected("attribute value longer than " + MAX_ATTRIBUTE_BYTES + " bytes");
            if (ctx != OTHER) assign(ctx, as, al, vs, vl, plain);
        }
    }

    private void assign(int ctx, int as, int al, int vs, int vl, boolean plain) throws CotRejected {
        switch (ctx) {
            case C_EVENT -> {
                if (is(as, al, "uid")) uid = value(vs, vl, plain);
                else if (is(as, al, "type")) type = value(vs, vl, plain);
                else if (is(as, al, "how")) how = value(vs, vl, plain);
                else if (is(as, al, "time")) time = timeValue("time", vs, vl, plain);
                else if (is(as, al, "start")) start = timeValue("start", vs, vl, plain);
                else if (is(as, al, "stale")) stale = timeValue("stale", vs, vl, plain);
                else if (is(as, al, "access")) access = value(vs, vl, plain);
                else if (is(as, al, "caveat")) caveat = value(vs, vl, plain);
                else if (is(as, al, "releasableTo") || is(as, al, "releaseableTo")) releasableTo = value(vs, vl, plain);
            }
            case C_POINT -> {
                if (is(as, al, "lat")) lat = number("lat", vs, vl, plain);
                else if (is(as, al, "lon")) lon = number("lon", vs, vl, plain);
                else if (is(as, al, "hae")) hae = number("hae", vs, vl, plain);
                else if (is(as, al, "ce")) ce = number("ce", vs, vl, plain);
                else if (is(as, al, "le")) le = number("le", vs, vl, plain);
            }
            case C_CONTACT -> {
                if (is(as, al, "callsign")) callsign = value(vs, vl, plain);
                else otherContactAttributes++;
            }
            case C_TRACK -> {
                if (is(as, al, "speed")) speed = number("speed", vs, vl, plain);
                else if (is(as, al, "course")) course = number("course", vs, vl, plain);
            }
            case C_SUPPORT -> {
                if (is(as, al, "version")) supported = Math.max(supported, version(vs, vl, plain));
            }
            case C_REQUEST -> {
                if (is(as, al, "version")) requested = version(vs, vl, plain);
            }
            case C_RESPONSE -> {
                if (is(as, al, "status")) responseStatus = "true".equals(value(vs, vl, plain));
            }
            case C_VERSION_INFO -> {
                if (is(as, al, "serverVersion")) serverVersion = value(vs, vl, plain);
            }
            default -> {
            }
        }
    }

    private CotEvent build() throws CotRejected {
        if (uid == null || uid.isEmpty()) throw new CotRejected("event has no uid");
        if (uid.length() > MAX_UID_LENGTH) throw new CotRejected("uid longer than " + MAX_UID_LENGTH + " characters");
        for (int i = 0; i < uid.length(); i++) {
            if (uid.charAt(i) < 0x20 || uid.charAt(i) == 0x7f) throw new CotRejected("uid contains control characters");
        }
        if (type == null || type.isEmpty() || type.length() > 64) throw new CotRejected("event has no valid type");
        if (time == Long.MIN_VALUE) throw new CotRejected("event has no time");
        if (start == Long.MIN_VALUE) start = time;
        if (stale == Long.MIN_VALUE) throw new CotRejected("event has no stale time");
        boolean negotiation = type.startsWith("t-x-takp-");
        if (!negotiation) {
            if (!pointSeen || Double.isNaN(lat) || Double.isNaN(lon)) throw new CotRejected("event has no <point> with lat and lon");
            if (lat < -90 || lat > 90 || lon < -180 || lon > 180) throw new CotRejected("point out of range: lat " + lat + ", lon " + lon);
        }
        if (!Double.isNaN(speed) && speed < 0) throw new CotRejected("negative track speed");
        CotEvent.TakControl control = controlSeen ? new CotEvent.TakControl(supported, requested, responseStatus, serverVersion) : null;
        return new CotEvent(uid, type, how == null ? "" : how, time, start, stale,
                Double.isNaN(lat) ? 0 : lat, Double.isNaN(lon) ? 0 : lon, height(hae), error(ce), error(le),
                blankToNull(access), blankToNull(caveat), blankToNull(releasableTo), speed, course, callsign, control, detail());
    }

    /** A height taken as known within {@link #MIN_HAE} and {@link #MAX_HAE}, else unknown. */
    public static double height(double hae) {
        return hae >= MIN_HAE && hae <= MAX_HAE ? hae : CotEvent.UNKNOWN;
    }

    /** An error (ce, le) taken as known from 0 up to CoT's unknown, else unknown. */
    public static double error(double e) {
        return e >= 0 && e < CotEvent.UNKNOWN ? e : CotEvent.UNKNOWN;
    }

    /** Keeps the detail element from {@code from} to {@code to} (exclusive) while the limits allow. */
    private void keep(int from, int to) {
        keepingFrom = -1;
        int l = to - from;
        if (detailCount >= MAX_DETAIL_ELEMENTS || detailBytes + l > MAX_DETAIL_BYTES) return;
        detailStart[detailCount] = from;
        detailLength[detailCount++] = l;
        detailBytes += l;
    }

    private @Nullable String detail() {
        if (detailCount == 0) return null;
        StringBuilder out = new StringBuilder(detailBytes);
        for (int i = 0; i < detailCount; i++) out.append(str(detailStart[i], detailLength[i]));
        return out.toString();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    // --- lexical helpers ---

    private void text() throws CotRejected {
        while (pos < end) {
            byte c = b[pos];
            if (c == '<') return;
            if (c == '&') reference();
            else pos++;
        }
    }

    /** Checks an entity or character reference at {@code pos}; only the predefined ones are allowed. */
    private void reference() throws CotRejected {
        int s = pos + 1;
        int semi = -1;
        for (int i = s; i < end && i < s + 12; i++) {
            if (b[i] == ';') {
                semi = i;
                break;
            }
        }
        if (semi < 0) throw new CotRejected("malformed entity reference");
        int l = semi - s;
        boolean ok;
        if (l > 1 && b[s] == '#') {
            ok = true;
            boolean hex = b[s + 1] == 'x';
            int from = hex ? s + 2 : s + 1;
            if (from >= semi) ok = false;
            long cp = 0;
            for (int i = from; i < semi && ok; i++) {
                byte d = b[i];
                int v = d >= '0' && d <= '9' ? d - '0' : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10 : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
                ok = v >= 0 && cp <= 0x10FFFF;
                cp = cp * (hex ? 16 : 10) + Math.max(v, 0);
            }
            // only characters XML allows: no NUL or other C0 controls, no surrogates, nothing above U+10FFFF
            ok = ok && (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                    || (cp >= 0x10000 && cp <= 0x10FFFF));
        } else {
            ok = is(s, l, "lt") || is(s, l, "gt") || is(s, l, "amp") || is(s, l, "quot") || is(s, l, "apos");
        }
        if (!ok) throw new CotRejected("entity reference '&" + str(s, Math.min(l, 12)) + ";' is not allowed (no DTD, no entities)");
        pos = semi + 1;
    }

    private int name() throws CotRejected {
        int s = pos;
        while (pos < end) {
            byte c = b[pos];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':'
                    || ((c == '-' || c == '.') && pos > s)) {
                pos++;
                if (pos - s > 128) throw new CotRejected("name longer than 128 characters");
            } else {
                break;
            }
        }
        if (pos == s) throw new CotRejected(pos >= end ? "truncated markup" : "invalid character in markup");
        return pos - s;
    }

    private boolean skipSpace() {
        int s = pos;
        while (pos < end && isSpace(b[pos])) pos++;
        return pos > s;
    }

    private void expect(char c) throws CotRejected {
        if (pos >= end) throw new CotRejected("truncated markup, expected '" + c + "'");
        if (b[pos] != c) throw new CotRejected("malformed markup, expected '" + c + "'");
        pos++;
    }

    private boolean startsWith(String s) {
        if (end - pos < s.length()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (b[pos + i] != s.charAt(i)) return false;
        }
        return true;
    }

    private int indexOf(String s, int from, String error) throws CotRejected {
        outer : for (int i = from; i <= end - s.length(); i++) {
            for (int j = 0; j < s.length(); j++) {
                if (b[i + j] != s.charAt(j)) continue outer;
            }
            return i;
        }
        throw new CotRejected(error);
    }

    private boolean is(int s, int l, String name) {
        if (l != name.length()) return false;
        for (int i = 0; i < l; i++) {
            if (b[s + i] != name.charAt(i)) return false;
        }
        return true;
    }

    private boolean same(int s, int l, byte[] name) {
        if (l != name.length) return false;
        for (int i = 0; i < l; i++) {
            if (b[s + i] != name[i]) return false;
        }
        return true;
    }

    private boolean same(int a, int c, int l) {
        for (int i = 0; i < l; i++) {
            if (b[a + i] != b[c + i]) return false;
        }
        return true;
    }

    private String str(int s, int l) {
        return new String(b, s, l, StandardCharsets.UTF_8);
    }

    private String value(int s, int l, boolean plain) {
        if (plain) return new String(b, s, l, StandardCharsets.ISO_8859_1);
        return XmlText.unescape(new String(b, s, l, StandardCharsets.UTF_8));
    }

    private double number(String what, int s, int l, boolean plain) throws CotRejected {
        if (l == 0 || l > 32) throw new CotRejected("'" + what + "' is not a number");
        try {
            double d = Double.parseDouble(value(s, l, plain));
            if (!Double.isFinite(d)) throw new CotRejected("'" + what + "' is not a finite number");
            return d;
        } catch (NumberFormatException e) {
            throw new CotRejected("'" + what + "' is not a number: " + str(s, l));
        }
    }

    private int version(int s, int l, boolean plain) throws CotRejected {
        double d = number("version", s, l, plain);
        if (d < 0 || d > 1000 || d != Math.rint(d)) throw new CotRejected("protocol version is not a small integer");
        return (int) d;
    }

    private long timeValue(String what, int s, int l, boolean plain) throws CotRejected {
        long t = CotTime.parse(value(s, l, plain));
        if (t == Long.MIN_VALUE) throw new CotRejected("'" + what + "' is not an ISO 8601 UTC time: " + str(s, Math.min(l, 40)));
        return t;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
