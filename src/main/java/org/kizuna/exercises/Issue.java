package org.kizuna.exercises;

import java.time.Instant;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/** An issue raised from an observation, to be worked into a lesson. */
public record Issue(String id, String exercise, String observation, String title, String text, Label label, String raisedBy, Instant raisedAt)
        implements Labelled {
}
