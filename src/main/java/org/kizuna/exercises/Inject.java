package org.kizuna.exercises;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * An event of the master scenario events list: when it is delivered, who owns it (the planner who wrote it and that
 * planner's nation), the training audience it goes to, the action expected of them and its text; once played, when
 * and by whom.
 */
public record Inject(String id, String exercise, Instant at, String ownerNation, String owner, String audience, String expectedAction, String text,
        Label label, @Nullable Instant playedAt, @Nullable String playedBy) implements Labelled {
}
