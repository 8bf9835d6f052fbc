package org.kizuna.registry;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/** One force posture figure (such as US personnel in Japan) for the date it describes, with its source. */
public record ForcePosture(String metric, double value, @Nullable String unit, LocalDate asOf,
        Organization.Provenance provenance, Label label) implements Labelled {
}
