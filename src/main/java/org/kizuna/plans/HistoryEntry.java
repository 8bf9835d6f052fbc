package org.kizuna.plans;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * One change of a plan: who, when, what ({@code CREATED}, {@code AMENDED} a draft, {@code NEW_VERSION},
 * {@code APPROVED} by one nation, {@code VERSION_APPROVED} by all), the version it concerns, and the sections it
 * touched that the reader may read.
 */
public record HistoryEntry(Instant at, String by, String action, int version, @Nullable String note, List<SectionChange> sections) {

    /** A section the change added, changed or removed, under the section's label. */
    public record SectionChange(String key, String change, String heading, Label label) implements Labelled {
    }
}
