package org.kizuna.plans;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * Two versions side by side, over the sections the reader may read in each: one row per section, in the newer
 * version's order with removed sections where they stood; {@code label} is the banner of what the diff shows.
 */
public record PlanDiff(String plan, int from, int to, List<Row> rows, Label label) implements Labelled {

    public enum Change {
        ADDED,
        REMOVED,
        CHANGED,
        UNCHANGED
    }

    /**
     * One section in both columns: {@code left} as it was in {@code from}, {@code right} as it is in {@code to} (either
     * absent when the section was added or removed), the text cut into pieces with the changed words marked.
     */
    public record Row(String key, Change change, @Nullable Side left, @Nullable Side right) {
    }

    /** A section in one column: its heading and label (each flagged when it changed) and its text in pieces. */
    public record Side(String heading, boolean headingChanged, Label label, boolean labelChanged, List<Piece> text) {
    }

    /** A run of text; {@code changed} marks words removed (left column) or added (right column). */
    public record Piece(String text, boolean changed) {
    }
}
