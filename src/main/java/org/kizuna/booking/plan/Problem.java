package org.kizuna.booking.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A booking problem in grains: facilities with their zone and closed grains, requests with the
 * facilities they accept, duration, start window, preferred start, priority and noise. The app builds
 * one from its requests and the registry; the benchmark reads one from an ABB file. {@code noise}: the facilities'
 * monthly noise budgets, a rule that depends on other bookings as double-booking does.
 */
public record Problem(Horizon horizon, List<Facility> facilities, List<Request> requests, NoiseBudgets noise) {

    /** A problem in which no facility has a noise budget. */
    public Problem(Horizon horizon, List<Facility> facilities, List<Request> requests) {
        this(horizon, facilities, requests, NoiseBudgets.none());
    }

    /** A facility: its zone, and per grain whether it is closed (maintenance, closure, outside agreed periods). */
    public record Facility(String id, ZoneId zone, boolean[] closed) {
    }

    /** A request; windows are grain indices, inclusive. {@code facilities} index into the problem's list. */
    public record Request(String id, String nation, ZoneId requesterZone, int[] facilities, int duration, int earliest,
            int latest, int preferred, int priority, boolean noisy, boolean @Nullable [][] closedFor) {

        /** A request with no rules of its own beyond its facilities' closures. */
        public Request(String id, String nation, ZoneId requesterZone, int[] facilities, int duration, int earliest,
                int latest, int preferred, int priority, boolean noisy) {
            this(id, nation, requesterZone, facilities, duration, earliest, latest, preferred, priority, noisy, null);
        }

        /** Whether grain g of its k-th accepted facility is closed to this requester (joint-use periods, access agreements). */
        public boolean closedToRequester(int k, int g) {
            return closedFor != null && closedFor[k] != null && closedFor[k][g];
        }
    }

    /** Reads an ABB benchmark instance, checking that every reference resolves. */
    public static Problem readAbb(Path file) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(file.toFile());
        Horizon h = new Horizon(Instant.parse(root.get("horizonStart").asString()), Instant.parse(root.get("horizonEnd").asString()),
                root.get("grainMinutes").asInt());
        List<Facility> facilities = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (JsonNode f : root.get("facilities")) {
            boolean[] closed = new boolean[h.grains()];
            for (JsonNode m : f.get("maintenance")) {
                h.mark(closed, Instant.parse(m.get("start").asString()), Instant.parse(m.get("end").asString()), true);
            }
            index.put(f.get("id").asString(), facilities.size());
            facilities.add(new Facility(f.get("id").asString(), ZoneId.of(f.get("zone").asString()), closed));
        }
        List<Request> requests = new ArrayList<>();
        for (JsonNode r : root.get("requests")) {
            JsonNode fs = r.get("facilities");
            int[] fi = new int[fs.size()];
            for (int k = 0; k < fi.length; k++) {
                Integer i = index.get(fs.get(k).asString());
                if (i == null) throw new IOException(file + ": request " + r.get("id").asString() + " names unknown facility " + fs.get(k).asString());
                fi[k] = i;
            }
            int duration = (int) Math.ceil(r.get("durationMinutes").asInt() / (double) h.grainMinutes());
            requests.add(new Request(r.get("id").asString(), r.get("nation").asString(), ZoneId.of(r.get("requesterZone").asString()), fi,
                    duration, h.grainOf(Instant.parse(r.get("earliestStart").asString())), h.grainOf(Instant.parse(r.get("latestStart").asString())),
                    h.grainOf(Instant.parse(r.get("preferredStart").asString())), r.get("priority").asInt(), r.get("noisy").asBoolean()));
        }
        return new Problem(h, facilities, requests);
    }
}
