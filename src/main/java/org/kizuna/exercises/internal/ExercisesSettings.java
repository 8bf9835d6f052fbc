package org.kizuna.exercises.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The exercises module's settings (prefix {@code kizuna.exercises}).
 *
 * @param workdayStart      the hour working hours start in every participant's zone (0 to 23; default 8, 08:00 local)
 * @param workdayEnd        the hour working hours end in every participant's zone (1 to 24; default 18, 18:00 local)
 * @param maxSlots          a conference time answer lists at most this many slots (1 to 100)
 * @param maxPerExercise    an exercise holds at most this many products, injects, observations, issues and lessons each
 *                          (10 to 100000)
 */
@Validated
@ConfigurationProperties("kizuna.exercises")
record ExercisesSettings(@DefaultValue("8") @Min(value = 0, message = "must be 0 to 23") @Max(value = 23, message = "must be 0 to 23") int workdayStart,
        @DefaultValue("18") @Min(value = 1, message = "must be 1 to 24") @Max(value = 24, message = "must be 1 to 24") int workdayEnd,
        @DefaultValue("12") @Min(value = 1, message = "must be 1 to 100") @Max(value = 100, message = "must be 1 to 100") int maxSlots,
        @DefaultValue("2000") @Min(value = 10, message = "must be 10 to 100000") @Max(value = 100_000, message = "must be 10 to 100000") int maxPerExercise) {

    ExercisesSettings {
        if (workdayEnd <= workdayStart) throw new IllegalArgumentException("kizuna.exercises.workday-end must be after workday-start");
    }
}
