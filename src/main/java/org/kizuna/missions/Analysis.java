package org.kizuna.missions;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The matrix of one day for one reader, and what the reader can know from it: every cell (area by region) with the
 * assignments the reader may read, its coverage, the gaps and duplications, and the assignments that began or ended
 * after {@code since} and up to {@code asOf}. Nothing in it depends on assignments the reader may not read: a cell
 * whose only lead the reader may not read is a gap for that reader.
 */
public record Analysis(LocalDate asOf, @Nullable LocalDate since, List<MissionArea> areas, List<MissionRegion> regions,
        List<Cell> cells, List<Finding> gaps, List<Finding> duplications, List<Change> changes) {

    public enum Coverage {
        GAP,
        COVERED,
        DUPLICATED
    }

    /** One area in one region on {@code asOf}: its coverage and the readable assignments in it. */
    public record Cell(String area, String region, Coverage coverage, List<Assignment> assignments) {
    }

    /** What a finding is: no lead, two or more leads, or two nations on one task with no division recorded. */
    public enum Kind {
        GAP,
        TWO_LEADS,
        UNDIVIDED_TASK
    }

    /** A gap or a duplication in a cell, in words, with the ids of the (readable) assignments involved. */
    public record Finding(Kind kind, String area, String region, String text, List<String> assignments) {
    }

    /** An assignment that began ({@code BEGAN}, its valid-from) or ended ({@code ENDED}, its valid-to) on {@code day}. */
    public record Change(String kind, LocalDate day, Assignment assignment) {
    }
}
