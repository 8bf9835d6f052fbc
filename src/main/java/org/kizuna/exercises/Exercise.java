package org.kizuna.exercises;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * One exercise of a series ({@code Keen Sword 27}): its participating nations and units (registry organization ids),
 * domains, objectives, the lead planner of each nation, its template and its stages in order.
 *
 * @param leadPlanners the lead planner (a user name of that nation) by nation
 * @param start        the first day of execution (local), if set
 * @param end          the last day of execution (local), if set
 * @param currentStage the first stage not yet closed; null once every stage is closed
 * @param sources      ids of the public sources of a reference exercise (empty for one planned on the node)
 * @param verification how far a reference exercise's facts were checked, null for one planned on the node
 */
public record Exercise(String id, String series, String name, Template template, List<String> nations, List<String> units, List<String> domains,
        List<String> objectives, Map<String, String> leadPlanners, @Nullable LocalDate start, @Nullable LocalDate end, @Nullable String location,
        @Nullable String notes, List<String> sources, @Nullable String verification, Label label, String createdBy, List<Stage> stages,
        @Nullable String currentStage) implements Labelled {

    public Exercise {
        nations = List.copyOf(nations);
        units = List.copyOf(units);
        domains = List.copyOf(domains);
        objectives = List.copyOf(objectives);
        leadPlanners = Map.copyOf(leadPlanners);
        sources = List.copyOf(sources);
        stages = List.copyOf(stages);
    }

    /**
     * A stage of the exercise, with its planned dates and whether it is closed.
     *
     * @param requiredProducts the kinds of product that must exist before it closes
     */
    public record Stage(String id, String title, int ordinal, List<String> requiredProducts, @Nullable LocalDate plannedStart,
            @Nullable LocalDate plannedEnd, @Nullable Instant closedAt, @Nullable String closedBy) {

        public Stage {
            requiredProducts = List.copyOf(requiredProducts);
        }

        public boolean closed() {
            return closedAt != null;
        }
    }
}
