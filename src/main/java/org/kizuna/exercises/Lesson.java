package org.kizuna.exercises;

import java.time.Instant;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * A lesson drawn from an issue: its owner (a user of a participating nation), its status, and the series it is
 * kept for, so the next exercise of the series finds it.
 */
public record Lesson(String id, String exercise, String series, String issue, String title, String text, String owner, String ownerNation,
        Status status, Label label, String recordedBy, Instant updated) implements Labelled {

    /** Where a lesson stands: identified, being acted on, or closed (learned). */
    public enum Status {
        OPEN,
        ACTION,
        CLOSED
    }
}
