package org.kizuna.picture;

/**
 * A registered sensor: its id (also the prefix of the uids of its reports, {@code ID.track}), the nation
 * that operates it, the platform and kind (radar, ship, aircraft...), the label its reports carry when
 * they are not marked, its one-sigma position accuracy in metres, where it is, and whether its position
 * was surveyed ({@code surveyed}): the reports of a surveyed sensor are taken as they come, a reference
 * against which the tracker estimates the registration bias of the others (see {@link SensorRegistration}).
 * A sensor registered without saying (JSON without {@code surveyed}) is not surveyed.
 */
public record Sensor(String id, String nation, String platform, String kind, String defaultLabel,
        double accuracyMetres, double lat, double lon, boolean surveyed) {

    /** A sensor whose position was not surveyed: its registration bias is estimated. */
    public Sensor(String id, String nation, String platform, String kind, String defaultLabel, double accuracyMetres, double lat, double lon) {
        this(id, nation, platform, kind, defaultLabel, accuracyMetres, lat, lon, false);
    }
}
