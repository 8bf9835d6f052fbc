package org.kizuna.picture;

import org.jspecify.annotations.Nullable;

/**
 * One Cursor-on-Target event as it crosses the wire, in either encoding (XML or TAK protocol). Times
 * are milliseconds since the Unix epoch; {@code hae}, {@code ce} and {@code le} use 9999999 for unknown
 * as CoT does; {@code speed} (m/s) and {@code course} (degrees true) are NaN when the event has no track.
 * The label attributes are kept as TAK composes them ({@code access}, {@code caveat}, {@code releasableTo}).
 */
public record CotEvent(String uid, String type, String how, long timeMs, long startMs, long staleMs,
        double lat, double lon, double hae, double ce, double le,
        @Nullable String access, @Nullable String caveat, @Nullable String releasableTo,
        double speed, double course, @Nullable String callsign,
        @Nullable TakControl control) {

    /** Value CoT uses for an unknown height or error. */
    public static final double UNKNOWN = 9999999.0;

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
     * ({@code t-x-takp-v}), the version a client asks for ({@code -q}) or the server's answer ({@code -r}).
     */
    public record TakControl(int supportedVersion, int requestedVersion, @Nullable Boolean responseStatus) {
    }
}
