package org.kizuna.picture.internal.sensors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.kizuna.label.InvalidMarkingException;
import org.kizuna.label.Label;
import org.kizuna.node.Problems;
import org.kizuna.picture.Sensor;
import org.kizuna.picture.Sensors;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

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
        if (byId.putIfAbsent(s.id(), s) != null) throw Problems.coded(HttpStatus.BAD_REQUEST, "picture.sensor.taken", s.id());
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

    /** Refuses a sensor record that is not well formed, as a 400 problem told in the reader's language ({@code picture.sensor.*}). */
    public static void validate(Sensor s) {
        if (s.id() == null || !ID.matcher(s.id()).matches()) throw refused("picture.sensor.id", String.valueOf(s.id()));
        if (s.nation() == null || !NATION.matcher(s.nation()).matches()) throw refused("picture.sensor.nation", String.valueOf(s.nation()));
        if (!s.id().startsWith(s.nation() + "-")) throw refused("picture.sensor.id-nation", s.id(), s.nation());
        if (s.platform() == null || s.platform().isBlank() || s.platform().length() > 120) throw refused("picture.sensor.platform");
        if (s.kind() == null || !KINDS.contains(s.kind())) {
            throw refused("picture.sensor.kind", String.valueOf(new java.util.TreeSet<>(KINDS)), String.valueOf(s.kind()));
        }
        if (s.defaultLabel() == null) throw refused("picture.sensor.label.missing");
        try {
            Label l = Label.parse(s.defaultLabel());
            if (!l.banner().equals(s.defaultLabel())) throw refused("picture.sensor.label.banner", l.banner());
        } catch (InvalidMarkingException e) {
            throw refused("picture.sensor.label.parse", e.reason());
        }
        if (!(s.accuracyMetres() > 0 && s.accuracyMetres() <= 100_000)) throw refused("picture.sensor.accuracy", String.valueOf(s.accuracyMetres()));
        if (!(s.lat() >= -90 && s.lat() <= 90 && s.lon() >= -180 && s.lon() <= 180)) {
            throw refused("picture.sensor.position", String.valueOf(s.lat()), String.valueOf(s.lon()));
        }
    }

    private static ErrorResponseException refused(String code, Object... args) {
        return Problems.coded(HttpStatus.BAD_REQUEST, code, args);
    }
}
