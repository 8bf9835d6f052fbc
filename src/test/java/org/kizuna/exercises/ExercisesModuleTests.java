package org.kizuna.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.UserDirectory;
import org.kizuna.identity.WriteRefused;
import org.kizuna.search.SearchSource;
import org.kizuna.search.SearchableChanged;
import org.kizuna.testing.ModuleOnH2;
import org.kizuna.testing.Readers;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.web.ErrorResponseException;

/**
 * The exercises module, started with the modules it uses on a real H2 database with the registry's reference data and
 * the demo users: a Keen Sword exercise goes from design to lessons, and its lesson is published to the search.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = {"node", "federation"}, verifyAutomatically = false)
@ModuleOnH2
class ExercisesModuleTests {

    final Exercises exercises;
    final UserDirectory users;
    final SearchSource lessons;

    ExercisesModuleTests(Exercises exercises, UserDirectory users, SearchSource lessons) {
        this.exercises = exercises;
        this.users = users;
        this.lessons = lessons;
    }

    @Test
    void aKeenSwordExerciseGoesFromDesignToLessonsAndItsLessonIsSearchable(Scenario scenario) {
        KizunaUser usa = users.find("usa.officer").orElseThrow(), jpn = users.find("jpn.officer").orElseThrow();
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        Exercise e = exercises.create(new NewExercise("keen-sword", "Keen Sword 27", null, List.of("USA", "JPN"), List.of("usfj", "usindopacom", "jjoc"),
                List.of("joint"), List.of("Bilateral command and control"), Map.of("USA", "usa.officer", "JPN", "jpn.officer"), day, day.plusDays(9), null,
                "SECRET//REL TO USA, JPN"), usa);
        assertThat(e.currentStage()).isEqualTo("design");

        assertThatThrownBy(() -> exercises.closeStage(e.id(), "design", usa)).isInstanceOfSatisfying(ErrorResponseException.class, x -> {
            assertThat(x.getStatusCode().value()).isEqualTo(409);
            assertThat(x.getBody().getDetail()).contains("missing products exercise-specification");
        });
        ConferenceTimes times = exercises.conferenceTimes(e.id(), day, 1, 2, usa.reader()).orElseThrow();
        assertThat(times.participants()).extracting(ConferenceTimes.Participant::city).containsOnly("Tokyo", "Honolulu", "Washington");
        assertThat(times.found()).isFalse();
        assertThat(times.statement()).startsWith("No 2-hour slot");

        String inject = null, lessonTitle = "Pre-configure the alternate satellite path";
        for (Exercise.Stage stage : e.stages()) {
            for (String kind : stage.requiredProducts()) {
                exercises.addProduct(e.id(), new NewProduct(stage.id(), kind, kind, null, "UNCLASSIFIED"), jpn);
            }
            if (stage.id().equals("fpc")) {
                inject = exercises.addInject(e.id(), new NewInject(day.atStartOfDay(ZoneOffset.UTC).toInstant(), "JJOC J6", "shift", "link lost",
                        "SECRET//REL TO USA, JPN"), usa).id();
            }
            if (stage.id().equals("execution")) {
                Inject played = exercises.play(e.id(), inject, usa);
                assertThat(played.playedAt()).isNotNull().isBeforeOrEqualTo(Instant.now());
                Observation o = exercises.observe(e.id(), new NewObservation("the shift took 40 minutes", inject, "SECRET//REL TO USA, JPN"), jpn);
                Issue issue = exercises.raiseIssue(e.id(), o.id(), new NewIssue("Alternate path too slow", "40 against 10 minutes", "SECRET//REL TO USA, JPN"),
                        jpn);
                String issueId = issue.id();
                scenario.stimulate(() -> exercises.recordLesson(e.id(), issueId, new NewLesson(lessonTitle, "Configure it before STARTEX", "jpn.officer",
                        null, "SECRET//REL TO USA, JPN"), usa))
                        .andWaitForEventOfType(SearchableChanged.class)
                        .matching(c -> c.record().kind().equals("lesson"))
                        .toArriveAndVerify((event, lesson) -> {
                            assertThat(event.record().id()).isEqualTo(lesson.id());
                            assertThat(event.record().parts()).extracting(p -> p.label().banner()).containsOnly("SECRET//REL TO USA, JPN");
                            assertThat(event.record().link()).startsWith("/exercises/");
                        });
            }
            exercises.closeStage(e.id(), stage.id(), stage.ordinal() % 2 == 0 ? usa : jpn);
        }
        assertThat(exercises.find(e.id(), Readers.jpn()).orElseThrow().exercise().currentStage()).isNull();
        assertThat(exercises.seriesLessons("keen-sword", Readers.jpn()).orElseThrow()).extracting(Lesson::title).contains(lessonTitle);
        assertThat(exercises.seriesLessons("keen-sword", Readers.aus()).orElseThrow()).extracting(Lesson::title).doesNotContain(lessonTitle);
        try (var all = lessons.all()) {
            assertThat(all.filter(s -> s.kind().equals("lesson")).map(s -> s.parts().getFirst().text())).contains(lessonTitle);
        }
    }

    @Test
    void aPlannerOfANonParticipatingNationMayNotCreateOne() {
        KizunaUser aus = users.find("aus.officer").orElseThrow();
        int before = exercises.exercises("keen-sword", Readers.usa()).size();
        assertThatThrownBy(() -> exercises.create(new NewExercise("keen-sword", "Keen Sword 27", null, List.of("USA", "JPN"), null, null, null, null, null,
                null, null, "UNCLASSIFIED"), aus)).isInstanceOf(WriteRefused.class);
        assertThat(exercises.exercises("keen-sword", Readers.usa())).hasSize(before);
    }
}
