package org.kizuna.booking.internal;

import static org.kizuna.federation.SharedFields.instant;
import static org.kizuna.federation.SharedFields.optional;
import static org.kizuna.federation.SharedFields.requiredInstant;
import static org.kizuna.federation.SharedFields.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kizuna.booking.BookingRequest;
import org.kizuna.booking.RequestState;
import org.kizuna.federation.Shareable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A booking request as federation carries it (kind {@code booking}), and back: one part {@code booking} under the
 * request's label, its content the request and its booking (facility and times when booked), the text the guard
 * inspects what a reader reads (unit, facilities and the planner's reason).
 */
final class BookingShares {

    static final String KIND = "booking";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private BookingShares() {
    }

    static Shareable shareable(BookingRequest b, String node, long version) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("unit", b.unit());
        m.put("nation", b.nation());
        m.put("requesterZone", b.requesterZone());
        m.put("facilities", b.facilities());
        m.put("durationMinutes", b.durationMinutes());
        m.put("earliestStart", b.earliestStart().toString());
        m.put("latestStart", b.latestStart().toString());
        m.put("preferredStart", b.preferredStart().toString());
        m.put("priority", b.priority());
        m.put("noisy", b.noisy());
        m.put("state", b.state().name());
        m.put("reason", b.reason());
        m.put("facility", b.facility());
        m.put("start", b.start() == null ? null : b.start().toString());
        m.put("end", b.end() == null ? null : b.end().toString());
        m.put("confirmed", b.confirmed());
        m.put("requestedBy", b.requestedBy());
        String text = b.unit() + "\n" + String.join(", ", b.facilities()) + (b.reason() == null ? "" : "\n" + b.reason());
        return new Shareable(KIND, b.id(), node, node, version, Map.of(),
                List.of(new Shareable.Part("booking", b.label().banner(), text, JSON.writeValueAsString(m))));
    }

    /** The replica's request from what arrived; throws IllegalArgumentException (or a parse error) when it is not a well-formed request. */
    static BookingRequest replica(Shareable item, String from) {
        Shareable.Part part = item.part("booking");
        JsonNode m = JSON.readTree(part.content());
        List<String> facilities = new ArrayList<>();
        m.path("facilities").forEach(f -> facilities.add(f.asString("")));
        if (facilities.isEmpty() || facilities.stream().anyMatch(f -> f.isBlank() || f.contains(","))) throw new IllegalArgumentException("facilities");
        String facility = optional(m, "facility");
        if (facility != null && !facilities.contains(facility)) throw new IllegalArgumentException("booked at a facility it did not ask for");
        int duration = m.path("durationMinutes").asInt(0);
        if (duration < 30 || duration % 30 != 0) throw new IllegalArgumentException("durationMinutes " + duration);
        RequestState state = RequestState.valueOf(text(m, "state"));
        Instant start = instant(m, "start"), end = instant(m, "end");
        if (state == RequestState.BOOKED && (facility == null || start == null || end == null)) throw new IllegalArgumentException("a booking with no place");
        return new BookingRequest(item.id(), text(m, "unit"), text(m, "nation"), text(m, "requesterZone"), List.copyOf(facilities), duration,
                requiredInstant(m, "earliestStart"), requiredInstant(m, "latestStart"), requiredInstant(m, "preferredStart"),
                m.path("priority").asInt(0), m.path("noisy").asBoolean(false), part.label(), state, optional(m, "reason"), facility, start, end,
                m.path("confirmed").asBoolean(false), text(m, "requestedBy"), from);
    }
}
