package org.kizuna.picture.internal.tracking;

/**
 * How far the engine trusts where a source says a target is. A partner's radar carries a registration
 * error of its own (an offset of a few hundred metres is common), which the engine estimates and takes
 * out; a surveyed sensor and a unit's own position (GPS) are the yardsticks those estimates are made
 * against.
 */
public enum SensorRole {
    /** A sensor whose registration is unknown: its bias is estimated and its reports corrected. */
    ESTIMATED,
    /** A sensor whose registration was surveyed: its reports are taken as they come, a reference for the others. */
    SURVEYED,
    /**
     * Units' self-reported positions: a reference like a surveyed sensor, but only for tracks that exist
     * already (a unit's own report starts no fused track; the picture shows it as a self-reported track).
     */
    SELF_REPORTS;

    /** Whether reports of this role are a yardstick for the registration of the others. */
    public boolean reference() {
        return this != ESTIMATED;
    }
}
