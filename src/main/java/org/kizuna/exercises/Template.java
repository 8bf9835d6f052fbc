package org.kizuna.exercises;

import java.util.List;
import java.util.Optional;

/**
 * The stages an exercise goes through, in order, each with the products that must exist before it closes
 * (docs/exercises.md, "Templates and their stages").
 */
public enum Template {

    /** The joint exercise life cycle: design, the concept development and the initial, main and final planning conferences, execution, after-action review, lessons. */
    JOINT(List.of(
            new StageDefinition("design", "Design", List.of("exercise-specification")),
            new StageDefinition("cdc", "Concept development conference", List.of("concept-document")),
            new StageDefinition("ipc", "Initial planning conference", List.of("exercise-plan-draft")),
            new StageDefinition("mpc", "Main planning conference", List.of("msel-draft", "facility-requests")),
            new StageDefinition("fpc", "Final planning conference", List.of("final-msel")),
            new StageDefinition("execution", "Execution", List.of("play-log")),
            new StageDefinition("aar", "After-action review", List.of("after-action-report")),
            new StageDefinition("lessons", "Lessons", List.of("lessons-list")))),

    /** NATO's exercise process in four stages (Bi-SC Collective Training and Exercise Directive 075-003; see docs/exercises.md). */
    NATO(List.of(
            new StageDefinition("specification", "Stage 1: concept and specification development", List.of("exercise-specification")),
            new StageDefinition("planning", "Stage 2: planning and product development", List.of("exercise-plan", "final-msel", "facility-requests")),
            new StageDefinition("execution", "Stage 3: operational conduct", List.of("play-log")),
            new StageDefinition("analysis", "Stage 4: analysis and reporting", List.of("after-action-report", "lessons-list"))));

    /** The stage in which injects are played and observations are made, in every template. */
    public static final String EXECUTION = "execution";

    @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable
    private final List<StageDefinition> stages;

    Template(List<StageDefinition> stages) {
        this.stages = stages;
    }

    public List<StageDefinition> stages() {
        return stages;
    }

    public Optional<StageDefinition> stage(String id) {
        return stages.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Every product kind some stage of this template requires. */
    public List<String> productKinds() {
        return stages.stream().flatMap(s -> s.requiredProducts().stream()).distinct().toList();
    }

    /**
     * One stage of a template.
     *
     * @param id               the stage's id in paths ({@code mpc})
     * @param title            what it is called
     * @param requiredProducts the kinds of product that must exist before the stage closes
     */
    public record StageDefinition(String id, String title, List<String> requiredProducts) {

        public StageDefinition {
            requiredProducts = List.copyOf(requiredProducts);
        }
    }
}
