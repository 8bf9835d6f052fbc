package org.kizuna.picture;

import java.util.List;
import java.util.Optional;

/** The registry of sensors whose reports feed the picture. */
public interface Sensors {

    List<Sensor> all();

    Optional<Sensor> find(String id);

    /** Registers a sensor; throws {@link IllegalArgumentException} saying what is wrong, changing nothing. */
    Sensor register(Sensor sensor);

    /** Whether the sensor was registered by this user (what an unauthenticated source may report for). */
    default boolean registeredBy(String id, String username) {
        return false;
    }
}
