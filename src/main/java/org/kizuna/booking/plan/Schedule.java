package org.kizuna.booking.plan;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

/** The planner's solution: every request's slot and the score (hard rules, unbooked priority, soft cost). */
@PlanningSolution
public class Schedule {

    @PlanningEntityCollectionProperty
    private List<Slot> slots;
    @PlanningScore
    private HardMediumSoftScore score;

    public Schedule() {
    }

    public Schedule(List<Slot> slots) {
        this.slots = slots;
    }

    public List<Slot> getSlots() {
        return slots;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }
}
