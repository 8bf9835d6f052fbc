package org.kizuna.picture;

import java.time.Instant;
import java.util.List;

/**
 * One track of the picture as one reader may see it: WGS84 position, velocity as speed (m/s) and course
 * (degrees true), MIL-STD-2525 affiliation ({@code f}, {@code h}, {@code u}, {@code n}...) and dimension
 * ({@code A} air, {@code S} sea surface, {@code G} ground), the CoT type, the banner of its label, the
 * nations whose contributions the reader may know of, when it was last updated and when it goes stale.
 */
public record TrackView(String id, double lat, double lon, double altitude, double speed, double course,
        String affiliation, String dimension, String type, String callsign, String banner,
        List<String> nations, boolean selfReported, Instant lastUpdate, Instant stale) {
}
