package org.kizuna.exercises.internal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.booking.NewRequest;
import org.kizuna.exercises.ConferenceTimes;
import org.kizuna.exercises.Exercise;
import org.kizuna.exercises.ExerciseView;
import org.kizuna.exercises.Exercises;
import org.kizuna.exercises.Inject;
import org.kizuna.exercises.Issue;
import org.kizuna.exercises.Lesson;
import org.kizuna.exercises.NewExercise;
import org.kizuna.exercises.NewInject;
import org.kizuna.exercises.NewIssue;
import org.kizuna.exercises.NewLesson;
import org.kizuna.exercises.NewObservation;
import org.kizuna.exercises.NewProduct;
import org.kizuna.exercises.Observation;
import org.kizuna.exercises.Product;
import org.kizuna.exercises.Series;
import org.kizuna.identity.KizunaUser;
import org.kizuna.label.Reader;
import org.kizuna.node.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exercises API: series, exercises and their stages, products, conference times, facility requests, the master
 * scenario events list, observations, issues and lessons. Every answer is what the signed-in user may read; an
 * exercise the user may not read is 404 with the words of one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/exercises")
class ExercisesController {

    private final Exercises exercises;
    private final Clock clock;

    ExercisesController(Exercises exercises, Clock clock) {
        this.exercises = exercises;
        this.clock = clock;
    }

    private static <T> T found(java.util.Optional<T> value, String id) {
        return value.orElseThrow(() -> ExerciseService.notFound(id));
    }

    @Operation(summary = "List the exercise series (recurring programmes with their cadence and sources)")
    @GetMapping("/series")
    List<Series> series(Reader reader) {
        return exercises.series(reader);
    }

    @Operation(summary = "List a series' lessons, for the next exercise of the series")
    @GetMapping("/series/{series}/lessons")
    List<Lesson> seriesLessons(@PathVariable String series, Reader reader) {
        return exercises.seriesLessons(series, reader)
                .orElseThrow(() -> Problems.notFound("exercises.problem.no-series", series));
    }

    @Operation(summary = "List exercises, of one series or all")
    @GetMapping
    List<Exercise> list(@RequestParam(required = false) @Nullable String series, Reader reader) {
        return exercises.exercises(series, reader);
    }

    @Operation(summary = "Create an exercise of a series (a planner of a participating nation)")
    @PostMapping
    ResponseEntity<Exercise> create(@Valid @RequestBody NewExercise exercise, KizunaUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(exercises.create(exercise, user));
    }

    @Operation(summary = "An exercise with its stages, the products the reader may read and counts of its records")
    @GetMapping("/{id}")
    ExerciseView exercise(@PathVariable String id, Reader reader) {
        return found(exercises.find(id, reader), id);
    }

    @Operation(summary = "Add a product to a stage that is still open")
    @PostMapping("/{id}/products")
    ResponseEntity<Product> addProduct(@PathVariable String id, @Valid @RequestBody NewProduct product, KizunaUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(exercises.addProduct(id, product, user));
    }

    @Operation(summary = "Close the current stage; refused (409) while a required product is missing")
    @PostMapping("/{id}/stages/{stage}/close")
    Exercise closeStage(@PathVariable String id, @PathVariable String stage, KizunaUser user) {
        return exercises.closeStage(id, stage, user);
    }

    /** @param zone the zone whose calendar {@code date} is a day of (a reader's own, {@code Asia/Tokyo}); UTC when absent */
    @Operation(summary = "Planning conference times inside every participant's working hours, or a statement that none exists")
    @GetMapping("/{id}/conference-times")
    ConferenceTimes conferenceTimes(@PathVariable String id, @RequestParam(required = false) @Nullable LocalDate date,
            @RequestParam(defaultValue = "2") int hours, @RequestParam(defaultValue = "1") int days,
            @RequestParam(required = false) @Nullable String zone, Reader reader) {
        ZoneId calendar = ZoneOffset.UTC;
        if (zone != null) {
            try {
                calendar = ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw Problems.badRequest("exercises.problem.zone", Problems.shown(zone, 64));
            }
        }
        LocalDate day = date != null ? date : LocalDate.ofInstant(clock.instant(), calendar);
        return found(exercises.conferenceTimes(id, day, calendar, days, hours, reader), id);
    }

    @Operation(summary = "Request a facility through the booking module for a participating unit; recorded as a product")
    @PostMapping("/{id}/facility-requests")
    ResponseEntity<Product> requestFacility(@PathVariable String id, @Valid @RequestBody NewRequest request, KizunaUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(exercises.requestFacility(id, request, user));
    }

    @Operation(summary = "The master scenario events list: the injects the reader may read")
    @GetMapping("/{id}/injects")
    List<Inject> injects(@PathVariable String id, Reader reader) {
        return found(exercises.injects(id, reader), id);
    }

    @Operation(summary = "One inject of the master scenario events list")
    @GetMapping("/{id}/injects/{inject}")
    Inject inject(@PathVariable String id, @PathVariable String inject, Reader reader) {
        return exercises.inject(id, inject, reader)
                .orElseThrow(() -> ExerciseService.notFound("inject", inject, id));
    }

    @Operation(summary = "Add an inject to the master scenario events list")
    @PostMapping("/{id}/injects")
    ResponseEntity<Inject> addInject(@PathVariable String id, @Valid @RequestBody NewInject inject, KizunaUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(exercises.addInject(id, inject, user));
    }

    @Operation(summary = "Play an inject: marked delivered now, during the execution stage only")
    @PostMapping("/{id}/injects/{inject}/play")
    Inject play(@PathVariable String id, @PathVariable String inject, KizunaUser user) {
        return exercises.play(id, inject, user);
    }

    @Operation(summary = "The observations the reader may read")
    @GetMapping("/{id}/observations")
    List<Observation> observations(@PathVariable String id, Reader reader) {
        return found(exercises.observations(id, reader), id);
    }

    @Operation(summary = "Record an observation, during the execution stage only")
    @PostMapping("/{id}/observations")
    ResponseEntity<Observation> observe(@PathVariable String id, @Valid @RequestBody NewObservation observation, KizunaUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(exercises.observe(id, observation, user));
    }

    @Operation(summary = "Raise an issue from an observation")
    @PostMapping("/{id}/observations/{observation}/issues")
    ResponseEntity<Issue> raiseIssue(@PathVariable String id, @PathVariable String observation, @Valid @RequestBody NewIssue issue, KizunaUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(exercises.raiseIssue(id, observation, issue, user));
    }

    @Operation(summary = "The issues the reader may read")
    @GetMapping("/{id}/issues")
    List<Issue> issues(@PathVariable String id, Reader reader) {
        return found(exercises.issues(id, reader), id);
    }

    @Operation(summary = "Record a lesson from an issue, with its owner and status; published to the search")
    @PostMapping("/{id}/issues/{issue}/lessons")
    ResponseEntity<Lesson> recordLesson(@PathVariable String id, @PathVariable String issue, @Valid @RequestBody NewLesson lesson, KizunaUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(exercises.recordLesson(id, issue, lesson, user));
    }

    @Operation(summary = "The lessons of an exercise the reader may read")
    @GetMapping("/{id}/lessons")
    List<Lesson> lessons(@PathVariable String id, Reader reader) {
        return found(exercises.lessons(id, reader), id);
    }

    /** @param status the lesson's new status: OPEN, ACTION or CLOSED */
    record StatusChange(@NotNull(message = "{exercises.invalid.is-required-open-action-or-closed}") Lesson.Status status) {
    }

    @Operation(summary = "Change a lesson's status (OPEN, ACTION, CLOSED)")
    @PostMapping("/{id}/lessons/{lesson}/status")
    Lesson setLessonStatus(@PathVariable String id, @PathVariable String lesson, @Valid @RequestBody StatusChange change, KizunaUser user) {
        return exercises.setLessonStatus(id, lesson, change.status(), user);
    }
}
