package org.kizuna.search.internal;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The search's input checks, for its controller: what is refused, naming the parameter. */
public final class Refusals {

    private Refusals() {
    }

    /** Why these arguments of a search are refused, naming the parameter, or null when they are not. */
    public static @Nullable String of(@Nullable String query, Set<String> kinds, int page, int size) {
        return NodeSearch.refusal(query, kinds, page, size);
    }
}
