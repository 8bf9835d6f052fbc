package org.kizuna.exercises.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kizuna.console.DeskSection;
import org.kizuna.exercises.Exercise;
import org.kizuna.exercises.Exercises;
import org.kizuna.exercises.Template;
import org.kizuna.identity.KizunaUser;
import org.springframework.stereotype.Component;

/**
 * The exercises part of the desk: the exercises the user's nation takes part in that are in a planning stage (their
 * current stage comes before execution), as the user may read them, by the planned end of that stage; a stage whose
 * planned end has passed (the node clock's UTC day) is overdue.
 */
@Component
class ExercisesDesk extends DeskSection.OfModule {

    private final Exercises exercises;
    private final Clock clock;

    ExercisesDesk(Exercises exercises, Clock clock) {
        super("exercises", 50);
        this.exercises = exercises;
        this.clock = clock;
    }

    private record Planning(Exercise exercise, Exercise.Stage stage) {
    }

    @Override
    public Optional<Content> section(KizunaUser user, Locale language) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Planning> planning = new ArrayList<>();
        for (Exercise e : exercises.exercises(null, user.reader())) {
            if (!e.nations().contains(user.nation())) continue;
            Exercise.Stage stage = planningStage(e);
            if (stage != null) planning.add(new Planning(e, stage));
        }
        List<Item> items = planning.stream()
                .sorted(Comparator.comparing((Planning p) -> Objects.requireNonNullElse(p.stage().plannedEnd(), LocalDate.MAX))
                        .thenComparing(p -> p.exercise().name()))
                .map(p -> {
                    LocalDate end = p.stage().plannedEnd();
                    return Item.due("exercises.desk.stage." + p.stage().id(), List.of(p.exercise().name()),
                            page("series", p.exercise().series(), "exercise", p.exercise().id()), end, end != null && end.isBefore(today),
                            List.of(p.exercise().label().banner()));
                }).toList();
        return Optional.of(content(items));
    }

    /** The exercise's current stage while it comes before execution; null once execution (or a later stage) is reached. */
    static Exercise.@Nullable Stage planningStage(Exercise e) {
        String current = e.currentStage();
        if (current == null) return null;
        for (Exercise.Stage s : e.stages()) {
            if (s.id().equals(Template.EXECUTION)) return null;
            if (s.id().equals(current)) return s;
        }
        return null;
    }
}
