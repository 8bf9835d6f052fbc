package org.kizuna.search.internal;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The search's input checks, for its controller: what is refused, naming the parameter. */
public final class Refusals {

    private Refusals() {
    }

    /**
     * Why a search is refused: the message code of the catalogues ({@code search.refused.*}) with its arguments, so the
     * reader is told in the reader's language, and the English text (the service's own exception says that).
     */
    public record Refusal(String code, String text, Object... args) {
    }

    /** Why these arguments of a search are refused, naming the parameter, or null when they are not. */
    public static @Nullable Refusal of(@Nullable String query, Set<String> kinds, int page, int size) {
        return NodeSearch.refusal(query, kinds, page, size);
    }
}
