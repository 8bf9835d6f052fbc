package org.kizuna.authority;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/** The level in force in a region: the latest setting, or peacetime ({@code since} null) where none was ever set. */
public record LevelInForce(String region, String level, @Nullable Instant since, @Nullable String setBy, @Nullable String note, Label label)
        implements Labelled {
}
