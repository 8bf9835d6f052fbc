package org.kizuna.authority.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kizuna.authority.SupportRequest;
import org.kizuna.federation.PeerRequest;
import org.kizuna.federation.Shareable;
import org.kizuna.label.Label;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A support request as federation carries it to the supporting nation's node (kind {@code support}, addressed to that
 * nation, about the nation): one part {@code support} under the request's label, its text the description the guard
 * inspects, its content the request.
 */
final class SupportShares {

    static final String KIND = "support";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SupportShares() {
    }

    static PeerRequest request(SupportRequest r, String to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", r.fromNation());
        m.put("to", r.toNation());
        m.put("kind", r.kind());
        m.put("region", r.region());
        m.put("neededFrom", r.neededFrom().toString());
        m.put("neededTo", r.neededTo().toString());
        m.put("description", r.description());
        m.put("requestedBy", r.requestedBy());
        return PeerRequest.addressed(to, KIND, r.id(), "nation", to, Map.of(),
                List.of(new Shareable.Part("support", r.label().banner(), r.description(), JSON.writeValueAsString(m))));
    }

    /** What a partner's support request asks; throws IllegalArgumentException (or a parse error) when it is not well formed. */
    record Asked(String from, String to, String kind, String region, String neededFrom, String neededTo, String description, String requestedBy,
            Label label) {
    }

    static Asked asked(PeerRequest r) {
        Shareable.Part part = r.parts().stream().filter(p -> p.id().equals("support")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a support request has no part 'support'"));
        JsonNode m = JSON.readTree(part.content());
        String description = text(m, "description", 1000).strip();
        if (description.isEmpty()) throw new IllegalArgumentException("description");
        String by = text(m, "requestedBy", 64);
        if (!by.matches("[A-Za-z0-9._@-]{1,64}")) throw new IllegalArgumentException("requestedBy");
        return new Asked(text(m, "from", 3), text(m, "to", 3), text(m, "kind", 64), text(m, "region", 64), text(m, "neededFrom", 10),
                text(m, "neededTo", 10), description, by, part.label());
    }

    private static String text(JsonNode m, String field, int max) {
        String v = m.path(field).asString("");
        if (v.isEmpty() || v.length() > max) throw new IllegalArgumentException(field);
        return v;
    }
}
