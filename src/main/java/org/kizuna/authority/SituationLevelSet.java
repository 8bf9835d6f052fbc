package org.kizuna.authority;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;

/**
 * Published in the transaction that stores a level setting; delivered once it commits (the authority module's own
 * listener appends the setting's audit record then, so a setting that never took effect leaves none).
 */
public record SituationLevelSet(String id, String region, String level, String setBy, Instant at, Label label, @Nullable String note) {
}
