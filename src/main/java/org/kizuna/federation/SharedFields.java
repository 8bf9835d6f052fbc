package org.kizuna.federation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The fields of a part's JSON content ({@link Shareable.Part#content()}) as an owner module reads a replica from what
 * arrived: a field it needs that is missing is an IllegalArgumentException naming the field (a malformed value, a
 * parse error), so that the module keeps no replica of an item that is not well formed.
 */
public final class SharedFields {

    private SharedFields() {
    }

    /** The field's text; refused when the field is missing or null. */
    public static String text(JsonNode n, String field) {
        if (!n.hasNonNull(field)) throw new IllegalArgumentException("'" + field + "' is missing");
        return n.path(field).asString("");
    }

    /** The field's text, or null when the field is missing or null. */
    public static @Nullable String optional(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.path(field).asString("") : null;
    }

    /** The field's instant (ISO-8601); refused when the field is missing or null. */
    public static Instant requiredInstant(JsonNode n, String field) {
        return Instant.parse(text(n, field));
    }

    /** The field's instant (ISO-8601), or null when the field is missing or null. */
    public static @Nullable Instant instant(JsonNode n, String field) {
        return n.hasNonNull(field) ? Instant.parse(n.path(field).asString("")) : null;
    }

    /** The field's day (ISO-8601), or null when the field is missing or null. */
    public static @Nullable LocalDate date(JsonNode n, String field) {
        return n.hasNonNull(field) ? LocalDate.parse(n.path(field).asString("")) : null;
    }

    /** The texts of an array (none when it is missing). */
    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asString("")));
        return out;
    }
}
