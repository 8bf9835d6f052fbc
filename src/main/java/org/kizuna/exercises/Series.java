package org.kizuna.exercises;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * A recurring exercise programme ({@code keen-sword}) with its cadence, and where its facts come from.
 *
 * @param verification how far the facts were checked: verified, reported or unverified
 */
public record Series(String id, String name, String cadence, @Nullable String domain, @Nullable String participants, List<Source> sources,
        String verification, Label label) implements Labelled {

    public Series {
        sources = List.copyOf(sources);
    }

    /** A public source of a fact. */
    public record Source(String id, String url, @Nullable String publisher, @Nullable String date) {
    }
}
