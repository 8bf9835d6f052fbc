package org.kizuna.booking.plan;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The planner's view of one request: which of its feasible choices it gets, if any. Pinned when confirmed. */
@PlanningEntity
public class Slot {

    @PlanningId private Integer request;
    private int priority;
    private List<Choice> options;
    @PlanningPin private boolean pinned;
    @PlanningVariable(allowsUnassigned = true, valueRangeProviderRefs = "options") private @Nullable Choice choice;

    @SuppressWarnings("NullAway.Init") // Timefold's solution cloner fills the fields
    public Slot() {
    }

    public Slot(int request, int priority, List<Choice> options, @Nullable Choice choice, boolean pinned) {
        this.request = request;
        this.priority = priority;
        this.options = options;
        this.choice = choice;
        this.pinned = pinned;
    }

    // What the request brings.

    @ValueRangeProvider(id = "options")
    public List<Choice> getOptions() {
        return options;
    }

    public Integer getRequest() {
        return request;
    }

    public int priority() {
        return priority;
    }

    // Where and when the choice books the request (facility -1 while it is not booked).

    public int facility() {
        return choice == null ? -1 : choice.facility();
    }

    public int start() {
        return choice == null ? 0 : choice.start();
    }

    public int end() {
        return choice == null ? 0 : choice.end();
    }

    /** What the choice spends from noise budgets (nothing while the slot is not booked). */
    public java.util.List<NoiseBudgets.NoiseShare> noise() {
        return choice == null ? java.util.List.of() : choice.noise();
    }

    // The planner's choice; the solver leaves it as it is while the slot is pinned (a confirmed booking).

    public @Nullable Choice getChoice() {
        return choice;
    }

    public void setChoice(Choice choice) {
        this.choice = choice;
    }

    public boolean isPinned() {
        return pinned;
    }
}
