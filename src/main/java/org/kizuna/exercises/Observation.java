package org.kizuna.exercises;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/** What an observer saw during execution, perhaps in answer to an inject. */
public record Observation(String id, String exercise, @Nullable String inject, String text, String nation, String observedBy, Instant observedAt,
        Label label) implements Labelled {
}
