package org.kizuna.picture;

/**
 * A registered sensor: its id (also the prefix of the uids of its reports, {@code ID.track}), the nation
 * that operates it, the platform and kind (radar, ship, aircraft...), the label its reports carry when
 * they are not marked, its one-sigma position accuracy in metres and where it is.
 */
public record Sensor(String id, String nation, String platform, String kind, String defaultLabel,
        double accuracyMetres, double lat, double lon) {
}
