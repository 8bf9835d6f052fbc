package org.kizuna.commitments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the owner nation records about a commitment: a new status, a new deadline (or {@code noDeadline} to clear it),
 * new evidence, any of them, and always a note saying why.
 */
public record CommitmentUpdate(@Nullable CommitmentStatus status, @Nullable LocalDate deadline, @Nullable Boolean noDeadline,
        @Nullable @Valid Evidence evidence,
        @NotBlank(message = "{commitments.invalid.say-why-in-a-note}") @Size(max = 1000, message = "{commitments.invalid.a-note-is-at-most-1000-characters}") String note) {
}
