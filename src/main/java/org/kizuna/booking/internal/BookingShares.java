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
import org.kizuna.booking.NewRequest;
import org.kizuna.booking.RequestState;
import org.kizuna.federation.PeerRequest;
import org.kizuna.federation.Shareable;
import org.kizuna.label.Label;
import org.kizuna.node.Reason;
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
        m.put("reasonCode", b.reasonCode());
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
                m.path("confirmed").asBoolean(false), text(m, "requestedBy"), from, trusted(optional(m, "reasonCode")));
    }

    /**
     * A partner's reason code, kept where this node can tell it in each reader's language: a planner's refusal
     * ({@code booking.refused.*}) whose every code is in this node's catalogues; else null (its English text is shown).
     */
    static @Nullable String trusted(@Nullable String stored) {
        Reason r = Reason.fromStored(stored);
        return r != null && r.code().startsWith("booking.refused.") && r.toldByCatalogues(code -> code.startsWith("booking.refused.")) ? r.stored() : null;
    }

    // ---- requests to the host's node

    /** Kind of the request a node sends the node of its facilities' host nation, which plans it. */
    static final String REQUEST = "booking";
    /** A cancellation of a request the requesting node sent its host's node ({@code request} in the header names it). */
    static final String CANCEL = "booking-cancel";

    /**
     * A request filed on this node for facilities another nation hosts, as a request to that nation's node (addressed,
     * about its first facility): one part {@code booking} under the request's label, the text the guard inspects (unit
     * and facilities), its content what the host plans it by.
     */
    static PeerRequest request(String id, NewRequest r, Label label, String requestedBy, String host) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("unit", r.unit());
        m.put("facilities", r.facilities());
        m.put("durationMinutes", r.durationMinutes());
        m.put("earliestStart", r.earliestStart().toString());
        m.put("latestStart", r.latestStart().toString());
        m.put("preferredStart", r.preferredStart().toString());
        m.put("priority", r.priority());
        m.put("noisy", r.noisy());
        m.put("requestedBy", requestedBy);
        String text = r.unit() + "\n" + String.join(", ", r.facilities());
        return PeerRequest.addressed(host, REQUEST, id, "facility", r.facilities().getFirst(), Map.of(),
                List.of(new Shareable.Part("booking", label.banner(), text, JSON.writeValueAsString(m))));
    }

    /** The cancellation of request {@code b}, which this node sent to {@code host}'s node, asked by {@code by}. */
    static PeerRequest cancellation(String id, BookingRequest b, String host, String by) {
        String facility = b.facility() != null ? b.facility() : b.facilities().getFirst();
        return PeerRequest.addressed(host, CANCEL, id, "facility", facility, Map.of("request", b.id(), "by", by), List.of());
    }

    /** What a peer's booking request asks for, and who asked; throws IllegalArgumentException (or a parse error) when it is not well formed. */
    record Asked(NewRequest request, String requestedBy) {
    }

    static Asked asked(PeerRequest r) {
        Shareable.Part part = r.parts().stream().filter(p -> p.id().equals("booking")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a booking request has no part 'booking'"));
        JsonNode m = JSON.readTree(part.content());
        List<String> facilities = new ArrayList<>();
        m.path("facilities").forEach(f -> facilities.add(f.asString("")));
        if (facilities.size() > 100) throw new IllegalArgumentException("facilities");
        String by = text(m, "requestedBy");
        if (!by.matches("[A-Za-z0-9._@-]{1,64}")) throw new IllegalArgumentException("requestedBy");
        return new Asked(new NewRequest(text(m, "unit"), List.copyOf(facilities), m.path("durationMinutes").asInt(0), requiredInstant(m, "earliestStart"),
                requiredInstant(m, "latestStart"), requiredInstant(m, "preferredStart"), m.path("priority").asInt(0), m.path("noisy").asBoolean(false),
                part.marking()), by);
    }
}
