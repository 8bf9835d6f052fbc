package org.kizuna.intel;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a release request did: {@code RELEASED} (the portion now carries {@code marking}) or {@code PENDING} (one
 * releaser has approved; a second, different releaser of the same nation completes it by making the same request).
 *
 * @param portion the portion released (for a tear line: its id once released, null while pending)
 */
public record ReleaseOutcome(String release, State state, String reportId, @Nullable String portion, List<String> to, String marking,
        List<String> approvedBy) {

    public ReleaseOutcome {
        to = List.copyOf(to);
        approvedBy = List.copyOf(approvedBy);
    }

    public enum State {
        PENDING,
        RELEASED
    }
}
