package org.kizuna.booking.plan;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The planner's solution: every request's slot and the score (hard rules, unbooked priority, soft cost). */
@PlanningSolution
public class Schedule {

    @PlanningEntityCollectionProperty private List<Slot> slots;
    @PlanningScore private @Nullable HardMediumSoftScore score;

    @SuppressWarnings("NullAway.Init") // Timefold's solution cloner fills the fields
    public Schedule() {
    }

    public Schedule(List<Slot> slots) {
        this.slots = slots;
    }

    public List<Slot> getSlots() {
        return slots;
    }

    public @Nullable HardMediumSoftScore getScore() {
        return score;
    }
}
