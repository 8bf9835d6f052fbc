package org.kizuna.picture;

import org.jspecify.annotations.Nullable;

/**
 * One Cursor-on-Target event as it crosses the wire, in either encoding (XML or TAK protocol). Times
 * are milliseconds since the Unix epoch; {@code hae}, {@code ce} and {@code le} use 9999999 for unknown
 * as CoT does; {@code speed} (m/s) and {@code course} (degrees true) are NaN when the event has no track.
 * The label attributes are kept as TAK composes them ({@code access}, {@code caveat}, {@code releasableTo}).
 * {@code detail} holds the event's other {@code <detail>} elements as the client sent them (team colour
 * {@code __group}, {@code contact} with its endpoint, {@code takv}, {@code status}, {@code precisionlocation},
 * {@code remarks} ...), a well-formed XML fragment checked by the parser; null when there are none.
 */
public record CotEvent(String uid, String type, String how, long timeMs, long startMs, long staleMs,
        double lat, double lon, double hae, double ce, double le,
        @Nullable String access, @Nullable String caveat, @Nullable String releasableTo,
        double speed, double course, @Nullable String callsign,
        @Nullable TakControl control, @Nullable String detail) {

    /** Value CoT uses for an unknown height or error. */
    public static final double UNKNOWN = 9999999.0;

    /** An event without further detail elements. */
    public CotEvent(String uid, String type, String how, long timeMs, long startMs, long staleMs,
            double lat, double lon, double hae, double ce, double le,
            @Nullable String access, @Nullable String caveat, @Nullable String releasableTo,
            double speed, double course, @Nullable String callsign, @Nullable TakControl control) {
        this(uid, type, how, timeMs, startMs, staleMs, lat, lon, hae, ce, le, access, caveat, releasableTo, speed, course, callsign, control, null);
    }

    /** This event with other detail elements. */
    public CotEvent withDetail(@Nullable String otherDetail) {
        return new CotEvent(uid, type, how, timeMs, startMs, staleMs, lat, lon, hae, ce, le, access, caveat, releasableTo, speed, course, callsign,
                control, otherDetail);
    }

    /** True for a client's keep-alive ({@code t-x-c-t}), which a TAK server answers with {@code t-x-c-t-r}. */
    public boolean isPing() {
        return type.equals("t-x-c-t");
    }

    /** True for the protocol negotiation messages of a TAK server ({@code t-x-takp-*}). */
    public boolean isNegotiation() {
        return type.startsWith("t-x-takp-");
    }

    /** True for position reports ({@code a-...} atoms). */
    public boolean isPosition() {
        return type.startsWith("a-");
    }

    /** True when the event has a track (speed and course). */
    public boolean hasTrack() {
        return !Double.isNaN(speed) && !Double.isNaN(course);
    }

    /**
     * The {@code <TakControl>} content of a negotiation event: the versions a server supports
     * ({@code t-x-takp-v}, with the server's version), the version a client asks for ({@code -q}) or the server's
     * answer ({@code -r}).
     */
    public record TakControl(int supportedVersion, int requestedVersion, @Nullable Boolean responseStatus, @Nullable String serverVersion) {

        public TakControl(int supportedVersion, int requestedVersion, @Nullable Boolean responseStatus) {
            this(supportedVersion, requestedVersion, responseStatus, null);
        }
    }
}
