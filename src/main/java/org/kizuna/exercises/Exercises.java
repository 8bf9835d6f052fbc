package org.kizuna.exercises;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kizuna.booking.NewRequest;
import org.kizuna.identity.KizunaUser;
import org.kizuna.label.Reader;

/**
 * Exercise series and exercises for one reader. Every read goes through the label module's read path as one audited
 * query: an exercise the reader may not read is empty exactly like one that does not exist, and so are its injects,
 * products, observations, issues and lessons; every list and count holds only what the reader may read. Every write
 * is {@link org.kizuna.identity.Write#PLAN_EXERCISE}, by a planner of a participating nation, after the exercise is
 * found among what the user may read; writes on an exercise that is not found throw a 404 problem.
 */
public interface Exercises {

    List<Series> series(Reader reader);

    List<Exercise> exercises(@Nullable String series, Reader reader);

    Optional<ExerciseView> find(String id, Reader reader);

    Exercise create(NewExercise exercise, KizunaUser planner);

    Product addProduct(String exercise, NewProduct product, KizunaUser planner);

    /** Closes the exercise's current stage; refused (409) while one of its products is missing or an earlier stage is open. */
    Exercise closeStage(String exercise, String stage, KizunaUser planner);

    /** Times for a planning conference starting on {@code date} (UTC) for {@code days} days, {@code hours} long. */
    default Optional<ConferenceTimes> conferenceTimes(String exercise, LocalDate date, int days, int hours, Reader reader) {
        return conferenceTimes(exercise, date, ZoneOffset.UTC, days, hours, reader);
    }

    /**
     * Times for a planning conference starting on {@code date} as a day of {@code zone} (a reader's own calendar) for
     * {@code days} days, {@code hours} long.
     */
    Optional<ConferenceTimes> conferenceTimes(String exercise, LocalDate date, ZoneId zone, int days, int hours, Reader reader);

    /** Files a facility request with the booking module on the planner's behalf and records it as a product of the exercise. */
    Product requestFacility(String exercise, NewRequest request, KizunaUser planner);

    Optional<List<Inject>> injects(String exercise, Reader reader);

    Optional<Inject> inject(String exercise, String inject, Reader reader);

    Inject addInject(String exercise, NewInject inject, KizunaUser planner);

    /** Marks an inject delivered at the node clock's time; only during the execution stage. */
    Inject play(String exercise, String inject, KizunaUser planner);

    Optional<List<Observation>> observations(String exercise, Reader reader);

    /** Records an observation; only during the execution stage. */
    Observation observe(String exercise, NewObservation observation, KizunaUser planner);

    Optional<List<Issue>> issues(String exercise, Reader reader);

    Issue raiseIssue(String exercise, String observation, NewIssue issue, KizunaUser planner);

    Optional<List<Lesson>> lessons(String exercise, Reader reader);

    Lesson recordLesson(String exercise, String issue, NewLesson lesson, KizunaUser planner);

    Lesson setLessonStatus(String exercise, String lesson, Lesson.Status status, KizunaUser planner);

    /** The lessons of every exercise of a series that the reader may read, newest first, for the next exercise of the series. */
    Optional<List<Lesson>> seriesLessons(String series, Reader reader);
}
