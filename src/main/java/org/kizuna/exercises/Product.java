package org.kizuna.exercises;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * A product of a stage (an exercise specification, a MSEL draft, a facility request ...).
 *
 * @param kind      one of the product kinds the exercise's template knows ({@code msel-draft})
 * @param reference what the product points at elsewhere, such as the booking request id of a facility request
 */
public record Product(String id, String exercise, String stage, String kind, String title, @Nullable String text, @Nullable String reference,
        Label label, String addedBy, Instant addedAt) implements Labelled {
}
