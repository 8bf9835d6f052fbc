package org.kizuna.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kizuna.writes.Cells.as;
import static org.kizuna.writes.Cells.assertAnswer;
import static org.kizuna.writes.Cells.assertLikeNonexistent;
import static org.kizuna.writes.Cells.count;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kizuna.testing.Api;
import org.kizuna.testing.H2Node;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The exercises row of the write matrix (docs/architecture.md, "Who may write what"), over HTTP on a whole node:
 * creating an exercise of USA and JPN and adding a product to one. A refused write is a 403 problem+json and changes
 * nothing; an exercise the user may not read answers exactly as one that does not exist.
 */
@H2Node
class WhoMayWriteWhatInExercisesTests {

    private static final LocalDate DAY_0 = LocalDate.now(ZoneOffset.UTC).plusDays(70).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    static String exercise(String label) {
        return """
                {"series": "keen-sword", "name": "Keen Sword matrix", "nations": ["USA", "JPN"], "units": ["usfj", "jjoc"],
                 "domains": ["land"], "objectives": ["Bilateral command and control"],
                 "leadPlanners": {"USA": "usa.officer", "JPN": "jpn.officer"}, "start": "%s", "end": "%s", "label": "%s"}"""
                .formatted(DAY_0, DAY_0.plusDays(4), label);
    }

    static final String PRODUCT = """
            {"stage": "design", "kind": "exercise-specification", "title": "Specification", "text": "agreed", "label": "UNCLASSIFIED"}""";

    String create(String label) {
        Api.Response r = as(port, "usa.officer").post("/api/v1/exercises", exercise(label));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    @ParameterizedTest(name = "{0} creates an exercise of USA and JPN: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            usa.officer  | 201
            usa.planner  | 201
            usa.clerk    | 403
            usa.releaser | 403
            usa.admin    | 403
            jpn.officer  | 201
            aus.officer  | 403
            """)
    void createAnExercise(String user, int expected) {
        long before = count(jdbc, "select count(*) from exercise");
        assertAnswer(as(port, user).post("/api/v1/exercises", exercise("UNCLASSIFIED")), expected);
        assertThat(count(jdbc, "select count(*) from exercise")).isEqualTo(expected == 201 ? before + 1 : before);
    }

    @ParameterizedTest(name = "{0} adds a product to a {1} exercise: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            usa.officer  | UNCLASSIFIED   | 201
            usa.planner  | UNCLASSIFIED   | 201
            usa.clerk    | UNCLASSIFIED   | 403
            usa.releaser | UNCLASSIFIED   | 403
            usa.admin    | UNCLASSIFIED   | 403
            jpn.officer  | UNCLASSIFIED   | 201
            aus.officer  | UNCLASSIFIED   | 403
            usa.officer  | SECRET//NOFORN | 201
            jpn.officer  | SECRET//NOFORN | 404
            aus.officer  | SECRET//NOFORN | 404
            usa.planner  | SECRET//NOFORN | 404
            usa.clerk    | SECRET//NOFORN | 403
            """)
    void addAProduct(String user, String label, int expected) {
        String id = create(label);
        Api.Response r = as(port, user).post("/api/v1/exercises/" + id + "/products", PRODUCT);
        assertAnswer(r, expected);
        assertThat(count(jdbc, "select count(*) from exercise_product where exercise_id = ?", id)).isEqualTo(expected == 201 ? 1L : 0L);
        if (expected != 201 && !label.equals("UNCLASSIFIED")) {
            // the role is checked before the exercise is looked for: a viewer's 403 is the same for every id, so it confirms nothing
            assertLikeNonexistent(r, id, as(port, user).post("/api/v1/exercises/EX-nothere/products", PRODUCT), "EX-nothere");
        }
    }
}
