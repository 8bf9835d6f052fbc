package org.kizuna.authority;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/** A level set for a region by a designated user at {@code setAt} (the node's clock). Levels are public: UNCLASSIFIED. */
public record LevelSetting(String id, String region, String level, @Nullable String note, String setBy, Instant setAt, Label label)
        implements Labelled {
}
