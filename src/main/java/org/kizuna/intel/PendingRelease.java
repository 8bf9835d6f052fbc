package org.kizuna.intel;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * A release waiting for its second releaser; {@code label} is the portion's current label (a tear line's proposed one),
 * under which it is decided for the reader.
 *
 * @param kind {@code widen} or {@code tear-line}
 */
public record PendingRelease(String id, String reportId, @Nullable String portion, String kind, List<String> to, String marking,
        String firstReleaser, Instant requestedAt, Label label) implements Labelled {

    public PendingRelease {
        to = List.copyOf(to);
    }
}
