package org.kizuna.plans;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/** A plan in a list: what the reader may read of its title, its nations, its newest version's status, and its banner. */
public record PlanSummary(String id, @Nullable String title, PlanKind kind, List<String> nations, int latestVersion, VersionStatus latestStatus,
        @Nullable Integer approvedVersion, Instant updatedAt, Label label) implements Labelled {
}
