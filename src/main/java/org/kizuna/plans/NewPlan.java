package org.kizuna.plans;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A plan as its first author drafts it; it becomes version 1, a draft.
 *
 * @param title     the plan's title
 * @param marking   the title's own label (portion mark or banner)
 * @param kind      contingency plan, exercise plan or realignment roadmap
 * @param nations   the participating nations (ISO 3166 alpha-3), 2 to 8, the author's own among them
 * @param approvers the designated approver of each participating nation: a user name of that nation with the planner or
 *                  releaser role
 * @param sections  the plan's sections in order, 1 to 50
 */
public record NewPlan(
        @NotBlank(message = "{plans.invalid.a-plan-needs-a-title}") @Size(max = 200, message = "{plans.invalid.a-title-is-at-most-200-characters}") String title,
        @NotBlank(message = "{plans.invalid.give-the-title-s-marking-such-as-u}") @Size(max = 200, message = "{plans.invalid.a-marking-is-at-most-200-characters}") String marking,
        @NotNull(message = "{plans.invalid.is-required-contingency-exercise-or-realignment-roadmap}") PlanKind kind,
        @NotNull(message = "{plans.invalid.name-the-participating-nations}") @Size(min = 2, max = 8, message = "{plans.invalid.a-plan-has-2-to-8-participating-nations}") List<@NotNull(message = "{plans.invalid.a-nation-may-not-be-null}") @Pattern(regexp = "[A-Z]{3}", message = "{plans.invalid.a-nation-is-an-iso-3166-alpha-3}") String> nations,
        @NotNull(message = "{plans.invalid.name-each-participating-nation-s-designated-approver}") @Size(max = 8, message = "{plans.invalid.at-most-8-approvers}") Map<String, @NotBlank(message = "{plans.invalid.an-approver-s-user-name-may-not-be}") @Size(max = 64, message = "{plans.invalid.a-user-name-is-at-most-64-characters}") String> approvers,
        @NotEmpty(message = "{plans.invalid.a-plan-needs-at-least-one-section}") @Size(max = 50, message = "{plans.invalid.a-plan-has-at-most-50-sections}") List<@NotNull(message = "{plans.invalid.a-section-may-not-be-null}") @Valid SectionInput> sections) {
}
