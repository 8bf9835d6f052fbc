package org.kizuna.commitments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One change of a commitment: when, by whom ({@code reference data} for the facts loaded with the node), the status,
 * deadline and evidence before and after (each where it changed), a note, and for the facts their sources and
 * verification.
 *
 * @param dated the date as the source gives it ({@code 2019-12} when the day is not known)
 */
public record CommitmentChange(Instant at, String dated, String by, @Nullable CommitmentStatus statusFrom, @Nullable CommitmentStatus statusTo,
        boolean deadlineChanged, @Nullable LocalDate deadlineFrom, @Nullable LocalDate deadlineTo, @Nullable Evidence evidence, @Nullable String note,
        List<Source> sources, @Nullable String verification) {
}
