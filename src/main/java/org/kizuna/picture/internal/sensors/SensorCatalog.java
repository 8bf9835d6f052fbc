package org.kizuna.picture.internal.sensors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.kizuna.label.InvalidMarkingException;
import org.kizuna.label.Label;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.Sensors;

/**
 * The sensors known to the picture, in memory (the ingest path looks a sensor up for every report). The
 * database-backed registry keeps it filled; the benchmark and tests use it alone. Validation lives here
 * so that every way in checks the same things.
 */
public class SensorCatalog implements Sensors {

    private static final Pattern ID = Pattern.compile("[A-Z]{3}-[A-Za-z0-9_-]{1,60}");
    private static final Pattern NATION = Pattern.compile("[A-Z]{3}");
    private static final java.util.Set<String> KINDS = java.util.Set.of("radar", "ship", "aircraft", "satellite", "sonar", "esm", "eo");

    private final ConcurrentHashMap<String, Sensor> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> registeredBy = new ConcurrentHashMap<>();

    @Override
    public List<Sensor> all() {
        List<Sensor> list = new ArrayList<>(byId.values());
        list.sort(Comparator.comparing(Sensor::id));
        return list;
    }

    @Override
    public Optional<Sensor> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Sensor register(Sensor s) {
        validate(s);
        if (byId.putIfAbsent(s.id(), s) != null) throw new IllegalArgumentException("a sensor with id '" + s.id() + "' is already registered");
        return s;
    }

    /** Registers a sensor on behalf of a user (the owner an unauthenticated source must be to report for it). */
    public Sensor register(Sensor s, String by) {
        register(s);
        registeredBy.put(s.id(), by);
        return s;
    }

    @Override
    public boolean registeredBy(String id, String username) {
        return username.equals(registeredBy.get(id));
    }

    /** Puts a sensor read back from storage (already validated when it was registered). */
    public void load(Sensor s) {
        byId.put(s.id(), s);
    }

    /** Puts a sensor read back from storage with the user who registered it. */
    public void load(Sensor s, String by) {
        byId.put(s.id(), s);
        registeredBy.put(s.id(), by);
    }

    public static void validate(Sensor s) {
        if (s.id() == null || !ID.matcher(s.id()).matches()) {
            throw new IllegalArgumentException(
                    "sensor id must be the operating nation's code, '-' and 1-60 letters, digits, '_' or '-' (such as JPN-FPS5-SADO); got '" + s.id() + "'");
        }
        if (s.nation() == null || !NATION.matcher(s.nation()).matches()) {
            throw new IllegalArgumentException("nation must be an ISO 3166 alpha-3 code such as JPN; got '" + s.nation() + "'");
        }
        if (!s.id().startsWith(s.nation() + "-")) {
            throw new IllegalArgumentException("sensor id '" + s.id() + "' must start with its nation " + s.nation() + "-");
        }
        if (s.platform() == null || s.platform().isBlank() || s.platform().length() > 120) {
            throw new IllegalArgumentException("platform must be 1-120 characters (such as 'FPS-5 radar, Sado')");
        }
        if (s.kind() == null || !KINDS.contains(s.kind())) {
            throw new IllegalArgumentException("kind must be one of " + new java.util.TreeSet<>(KINDS) + "; got '" + s.kind() + "'");
        }
        if (s.defaultLabel() == null) throw new IllegalArgumentException("a sensor needs a default label such as 'SECRET//REL TO USA, JPN'");
        try {
            Label l = Label.parse(s.defaultLabel());
            if (!l.banner().equals(s.defaultLabel())) {
                throw new IllegalArgumentException("default label must be written as its banner '" + l.banner() + "'");
            }
        } catch (InvalidMarkingException e) {
            throw new IllegalArgumentException("default label does not parse: " + e.getMessage());
        }
        if (!(s.accuracyMetres() > 0 && s.accuracyMetres() <= 100_000)) {
            throw new IllegalArgumentException("accuracy must be between 0 and 100000 metres; got " + s.accuracyMetres());
        }
        if (!(s.lat() >= -90 && s.lat() <= 90 && s.lon() >= -180 && s.lon() <= 180)) {
            throw new IllegalArgumentException("position out of range: lat " + s.lat() + ", lon " + s.lon());
        }
    }
}
