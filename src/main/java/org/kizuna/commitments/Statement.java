package org.kizuna.commitments;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * A joint statement (or an event the commitments refer to) with its sources and how far it is verified, and the
 * commitments made in it that the reader may read.
 *
 * @param date      the date as the sources give it ({@code 2015-11} when the day is not known)
 * @param kind      {@code joint-statement} or {@code event}
 * @param forumNote where the forum is not in the reference facts, what it rests on
 */
public record Statement(String id, String date, LocalDate day, String kind, String forum, @Nullable String forumNote, String title, String summary,
        List<Source> sources, String verification, Label label, List<Commitment> commitments) implements Labelled {
}
