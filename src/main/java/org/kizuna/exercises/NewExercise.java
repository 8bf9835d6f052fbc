package org.kizuna.exercises;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A new exercise of a series. Checked where it comes in ({@code @Valid}, naming each field) and again by the service,
 * which also checks what needs the registry, the users and the labels.
 *
 * @param series       the series it belongs to ({@code keen-sword})
 * @param name         what it is called ({@code Keen Sword 27})
 * @param template     {@code JOINT} (default) or {@code NATO}
 * @param nations      the participating nations, ISO 3166 alpha-3 codes known to the registry
 * @param units        participating units: registry organization ids of participating nations
 * @param leadPlanners the lead planner of each participating nation: a user of that nation
 * @param start        the first day of execution
 * @param end          the last day of execution
 * @param stageDates   planned dates of some stages
 * @param label        the exercise's label; the creator must be able to read it and it must cover the units' labels
 */
public record NewExercise(
        @NotBlank(message = "{exercises.invalid.name-the-series-such-as-keen-sword}") @Size(max = 64, message = "{exercises.invalid.is-at-most-64-characters}") String series,
        @NotBlank(message = "{exercises.invalid.give-the-exercise-s-name-such-as-keen}") @Size(max = 200, message = "{exercises.invalid.is-at-most-200-characters}") String name,
        @Nullable Template template,
        @NotEmpty(message = "{exercises.invalid.name-at-least-one-participating-nation}") @Size(max = 12, message = "{exercises.invalid.name-at-most-12-nations}") List<@NotNull(message = NATION) @Pattern(regexp = "[A-Z]{3}", message = NATION) String> nations,
        @Size(max = 50, message = "{exercises.invalid.name-at-most-50-units}") @Nullable List<@NotBlank(message = "{exercises.invalid.a-unit-id-may-not-be-blank}") @Size(max = 64, message = "{exercises.invalid.a-unit-id-is-at-most-64-characters}") String> units,
        @Size(max = 10, message = "{exercises.invalid.name-at-most-10-domains}") @Nullable List<@NotBlank(message = "{exercises.invalid.a-domain-may-not-be-blank}") @Size(max = 100, message = "{exercises.invalid.a-domain-is-at-most-100-characters}") String> domains,
        @Size(max = 20, message = "{exercises.invalid.give-at-most-20-objectives}") @Nullable List<@NotBlank(message = "{exercises.invalid.an-objective-may-not-be-blank}") @Size(max = 500, message = "{exercises.invalid.an-objective-is-at-most-500-characters}") String> objectives,
        @Size(max = 12, message = "{exercises.invalid.name-at-most-12-lead-planners}") @Nullable Map<@Pattern(regexp = "[A-Z]{3}", message = NATION) String, @NotBlank(message = "{exercises.invalid.name-the-lead-planner}") @Size(max = 64, message = "{exercises.invalid.a-user-name-is-at-most-64-characters}") String> leadPlanners,
        @Nullable LocalDate start, @Nullable LocalDate end,
        @Size(max = 8, message = "{exercises.invalid.give-dates-for-at-most-8-stages}") @Nullable List<@Valid StageDates> stageDates,
        @NotBlank(message = "{exercises.invalid.give-the-exercise-s-label-such-as-unclassified}") @Size(max = 200, message = "{exercises.invalid.is-at-most-200-characters}") String label) {

    private static final String NATION = "{exercises.invalid.must-be-an-iso-3166-alpha-3-code}";

    /** The planned dates of one stage. */
    public record StageDates(
            @NotBlank(message = "{exercises.invalid.name-the-stage-such-as-mpc}") @Size(max = 20, message = "{exercises.invalid.is-at-most-20-characters}") String stage,
            @NotNull(message = "{exercises.invalid.is-required-a-date-such-as-2027-03}") LocalDate start,
            @NotNull(message = "{exercises.invalid.is-required-a-date-such-as-2027-03}") LocalDate end) {
    }
}
