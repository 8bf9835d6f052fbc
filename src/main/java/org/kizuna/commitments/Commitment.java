package org.kizuna.commitments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * A commitment as it stands: made in a statement, owned by a nation, with a responsible registry organization, its
 * deadline (none when none is set), status and evidence, and how far its facts are verified.
 *
 * @param due          {@code overdue}, {@code due} (deadline within the node's due window), {@code done}, or absent, by the node's clock
 * @param deadlineNote what the deadline rests on where it is not a day the source gives
 */
public record Commitment(String id, String statement, LocalDate statementDay, String text, String owner, String organization,
        @Nullable String organizationNote, @Nullable LocalDate deadline, @Nullable String deadlineNote, CommitmentStatus status,
        @Nullable Evidence evidence, List<Source> sources, String verification, @Nullable String note, Instant updated, Label label,
        @Nullable String due) implements Labelled {
}
