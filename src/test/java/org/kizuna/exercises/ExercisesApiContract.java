package org.kizuna.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import org.kizuna.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Exercises through the API on whichever database the subclass runs the node: the life cycle, labels, bad input and refused writes. */
abstract class ExercisesApiContract {

    @LocalServerPort int port;

    @Autowired JdbcClient jdbc;

    Api usa() {
        return Api.on(port).as("usa.officer", "demo");
    }

    Api jpn() {
        return Api.on(port).as("jpn.officer", "demo");
    }

    Api aus() {
        return Api.on(port).as("aus.officer", "demo");
    }

    /** A Tuesday about 60 days ahead: inside the booking horizon, clear of the demo bookings of the coming week. */
    static final LocalDate DAY_0 = LocalDate.now(ZoneOffset.UTC).plusDays(60).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));

    static String keenSword(String label) {
        return """
                {"series": "keen-sword", "name": "Keen Sword 27", "nations": ["USA", "JPN"], "units": ["usfj", "usindopacom", "jjoc"],
                 "domains": ["land", "maritime", "air"], "objectives": ["Bilateral command and control between USFJ and JJOC"],
                 "leadPlanners": {"USA": "usa.officer", "JPN": "jpn.officer"}, "start": "%s", "end": "%s",
                 "stageDates": [{"stage": "execution", "start": "%s", "end": "%s"}], "label": "%s"}"""
                .formatted(DAY_0, DAY_0.plusDays(9), DAY_0, DAY_0.plusDays(9), label);
    }

    static String product(String stage, String kind) {
        return """
                {"stage": "%s", "kind": "%s", "title": "%s of Keen Sword 27", "text": "agreed", "label": "UNCLASSIFIED"}""".formatted(stage, kind, kind);
    }

    static String inject(String at, String label) {
        return """
                {"at": "%s", "audience": "USFJ J6 and JJOC J6", "expectedAction": "shift to the alternate path", "text": "link lost", "label": "%s"}"""
                .formatted(at, label);
    }

    String create(Api api, String label) {
        Api.Response r = api.post("/api/v1/exercises", keenSword(label));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    void close(String id, String stage) {
        Api.Response r = usa().post("/api/v1/exercises/" + id + "/stages/" + stage + "/close", "");
        assertThat(r.status()).as(stage + ": " + r.body()).isEqualTo(200);
    }

    void addAndClose(String id, String stage, String... kinds) {
        for (String kind : kinds) assertThat(jpn().post("/api/v1/exercises/" + id + "/products", product(stage, kind)).status()).isEqualTo(201);
        close(id, stage);
    }

    long rows(String table, String exercise) {
        return jdbc.sql("select count(*) from " + table + " where exercise_id = ?").param(exercise).query(Long.class).single();
    }

    @Test
    void aKeenSwordExerciseIsCarriedFromDesignToLessons() {
        String id = create(usa(), "SECRET//REL TO USA, JPN");
        JsonNode view = usa().get("/api/v1/exercises/" + id).json();
        assertThat(view.get("exercise").get("currentStage").asString()).isEqualTo("design");
        assertThat(view.get("exercise").get("stages")).hasSize(8);

        // a stage does not close before its products exist, and says which are missing
        Api.Response refused = usa().post("/api/v1/exercises/" + id + "/stages/design/close", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("missing products exercise-specification");
        // nor out of order
        assertThat(usa().post("/api/v1/exercises/" + id + "/stages/cdc/close", "").json().get("detail").asString()).contains("close stage design");

        addAndClose(id, "design", "exercise-specification");
        addAndClose(id, "cdc", "concept-document");

        // the initial planning conference: Tokyo, Honolulu and Washington share no working hour, and the answer says so
        JsonNode times = usa().get("/api/v1/exercises/" + id + "/conference-times?date=" + DAY_0 + "&hours=2").json();
        assertThat(times.get("found").asBoolean()).isFalse();
        assertThat(times.get("statement").asString()).startsWith("No 2-hour slot").contains("Tokyo", "Honolulu", "Washington");
        JsonNode least = times.get("leastBad");
        assertThat(least.get("start").asString()).isEqualTo(DAY_0.atTime(23, 0).toInstant(ZoneOffset.UTC).toString());
        LocalTime washington = DAY_0.atTime(23, 0).atZone(ZoneOffset.UTC).withZoneSameInstant(ZoneId.of("America/New_York")).toLocalTime();
        for (JsonNode l : least.get("local")) {
            String start = l.get("start").asString();
            switch (l.get("city").asString()) {
                case "Tokyo" -> assertThat(start).isEqualTo(DAY_0.plusDays(1) + "T08:00:00");
                case "Honolulu" -> assertThat(start).isEqualTo(DAY_0 + "T13:00:00");
                case "Washington" -> {
                    assertThat(start).isEqualTo(DAY_0 + "T" + washington + ":00");
                    assertThat(l.get("minutesOutside").asInt()).isEqualTo(120);
                }
                default -> throw new AssertionError("unexpected participant " + l);
            }
        }
        addAndClose(id, "ipc", "exercise-plan-draft");

        // the main planning conference: a facility request through the booking module, and the MSEL draft
        String at = DAY_0.atTime(1, 0).toInstant(ZoneOffset.UTC).toString();
        Api.Response facility = usa().post("/api/v1/exercises/" + id + "/facility-requests", """
                {"unit": "usfj", "facilities": ["camp-schwab"], "durationMinutes": 120, "earliestStart": "%s", "latestStart": "%s",
                 "preferredStart": "%s", "priority": 3, "noisy": false, "label": "UNCLASSIFIED"}""".formatted(at, at, at));
        assertThat(facility.status()).as(facility.body()).isEqualTo(201);
        String booking = facility.json().get("reference").asString();
        assertThat(facility.json().get("kind").asString()).isEqualTo("facility-requests");
        assertThat(usa().get("/api/v1/booking/requests/" + booking).json().get("unit").asString()).isEqualTo("usfj");
        String inject = usa().post("/api/v1/exercises/" + id + "/injects", inject(DAY_0.atTime(2, 0).toInstant(ZoneOffset.UTC).toString(),
                "SECRET//REL TO USA, JPN")).json().get("id").asString();
        assertThat(jpn().post("/api/v1/exercises/" + id + "/injects", inject(DAY_0.atTime(3, 0).toInstant(ZoneOffset.UTC).toString(), "UNCLASSIFIED"))
                .json().get("ownerNation").asString()).isEqualTo("JPN");
        // injects are played during execution only
        assertThat(usa().post("/api/v1/exercises/" + id + "/injects/" + inject + "/play", "").status()).isEqualTo(409);
        addAndClose(id, "mpc", "msel-draft");
        addAndClose(id, "fpc", "final-msel");

        // execution: an inject is played, an observation made
        JsonNode played = usa().post("/api/v1/exercises/" + id + "/injects/" + inject + "/play", "").json();
        assertThat(played.get("playedBy").asString()).isEqualTo("usa.officer");
        assertThat(played.has("playedAt")).isTrue();
        JsonNode observation = jpn().post("/api/v1/exercises/" + id + "/observations", """
                {"text": "JJOC took 40 minutes to shift to the alternate path", "inject": "%s", "label": "SECRET//REL TO USA, JPN"}""".formatted(inject))
                .json();
        assertThat(observation.get("nation").asString()).isEqualTo("JPN");
        addAndClose(id, "execution", "play-log");
        assertThat(jpn().post("/api/v1/exercises/" + id + "/observations", """
                {"text": "late", "label": "UNCLASSIFIED"}""").status()).isEqualTo(409);

        // after-action review: the observation becomes an issue, the issue a lesson with an owner and a status
        JsonNode issue = jpn().post("/api/v1/exercises/" + id + "/observations/" + observation.get("id").asString() + "/issues", """
                {"title": "Alternate path too slow", "text": "The shift took 40 minutes against 10 planned", "label": "SECRET//REL TO USA, JPN"}""").json();
        addAndClose(id, "aar", "after-action-report");
        Api.Response lesson = usa().post("/api/v1/exercises/" + id + "/issues/" + issue.get("id").asString() + "/lessons", """
                {"title": "Pre-configure the alternate satellite path", "text": "Keep the alternate path configured at both ends before STARTEX",
                 "owner": "jpn.officer", "label": "SECRET//REL TO USA, JPN"}""");
        assertThat(lesson.status()).as(lesson.body()).isEqualTo(201);
        assertThat(lesson.json().get("status").asString()).isEqualTo("OPEN");
        String lessonId = lesson.json().get("id").asString();
        assertThat(usa().post("/api/v1/exercises/" + id + "/lessons/" + lessonId + "/status", "{\"status\": \"ACTION\"}").json().get("status").asString())
                .isEqualTo("ACTION");
        addAndClose(id, "lessons", "lessons-list");
        assertThat(usa().get("/api/v1/exercises/" + id).json().get("exercise").has("currentStage")).isFalse();

        // the lesson is there for the next exercise of the series, for both nations, and not for a reader it is not released to
        assertThat(jpn().get("/api/v1/exercises/series/keen-sword/lessons").body()).contains(lessonId).contains("ACTION");
        assertThat(aus().get("/api/v1/exercises/series/keen-sword/lessons").body()).doesNotContain(lessonId);
        assertThat(aus().get("/api/v1/exercises/" + id).status()).isEqualTo(404);
        // and the node's one search finds it for the next exercise's planners, by a word of its text
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> jpn().get("/api/v1/search?q=STARTEX&kind=lesson").body().contains(lessonId));
        assertThat(aus().get("/api/v1/search?q=STARTEX&kind=lesson").json().get("total").asLong()).isZero();
    }

    @Test
    void aJapaneseReaderNeverSeesANofornInject() {
        String id = create(usa(), "UNCLASSIFIED");
        String secret = usa().post("/api/v1/exercises/" + id + "/injects", inject(DAY_0.atTime(4, 0).toInstant(ZoneOffset.UTC).toString(), "SECRET//NOFORN"))
                .json().get("id").asString();
        String shared = usa().post("/api/v1/exercises/" + id + "/injects",
                inject(DAY_0.atTime(5, 0).toInstant(ZoneOffset.UTC).toString(), "SECRET//REL TO USA, JPN")).json().get("id").asString();
        assertThat(usa().get("/api/v1/exercises/" + id + "/injects").body()).contains(secret, shared);
        assertThat(usa().get("/api/v1/exercises/" + id).json().get("injects").asLong()).isEqualTo(2);

        assertThat(jpn().get("/api/v1/exercises/" + id + "/injects").body()).contains(shared).doesNotContain(secret).doesNotContain("NOFORN");
        assertThat(jpn().get("/api/v1/exercises/" + id).json().get("injects").asLong()).isEqualTo(1);
        Api.Response hidden = jpn().get("/api/v1/exercises/" + id + "/injects/" + secret);
        Api.Response missing = jpn().get("/api/v1/exercises/" + id + "/injects/IN-00000000");
        assertThat(hidden.status()).isEqualTo(404).isEqualTo(missing.status());
        assertThat(hidden.json().get("detail").asString().replace(secret, "X")).isEqualTo(missing.json().get("detail").asString().replace("IN-00000000", "X"));
        // nor can a JPN planner play it: not found, as an inject that does not exist
        assertThat(jpn().post("/api/v1/exercises/" + id + "/injects/" + secret + "/play", "").status()).isEqualTo(404);

        // a NOFORN exercise is not found for the JPN reader, exactly like one that does not exist
        String us = create(usa(), "SECRET//NOFORN");
        Api.Response unreadable = jpn().get("/api/v1/exercises/" + us);
        Api.Response none = jpn().get("/api/v1/exercises/EX-00000000");
        assertThat(unreadable.status()).isEqualTo(404);
        assertThat(unreadable.json().get("detail").asString().replace(us, "X")).isEqualTo(none.json().get("detail").asString().replace("EX-00000000", "X"));
        assertThat(jpn().get("/api/v1/exercises?series=keen-sword").body()).doesNotContain(us);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        long before = jdbc.sql("select count(*) from exercise").query(Long.class).single();
        Api.Response nations = usa().post("/api/v1/exercises", keenSword("UNCLASSIFIED").replace("[\"USA\", \"JPN\"]", "[\"usa\"]"));
        Api.Response unit = usa().post("/api/v1/exercises", keenSword("UNCLASSIFIED").replace("\"usindopacom\"", "\"no-such-unit\""));
        Api.Response lead = usa().post("/api/v1/exercises", keenSword("UNCLASSIFIED").replace("\"JPN\": \"jpn.officer\"", "\"JPN\": \"usa.clerk\""));
        Api.Response label = usa().post("/api/v1/exercises", keenSword("secret//rel to usa"));
        for (Api.Response r : new Api.Response[]{nations, unit, lead, label}) {
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(nations.json().get("detail").asString()).startsWith("nations");
        assertThat(unit.json().get("detail").asString()).startsWith("units").contains("no-such-unit");
        assertThat(lead.json().get("detail").asString()).startsWith("leadPlanners");
        assertThat(label.json().get("detail").asString()).startsWith("label");
        assertThat(jdbc.sql("select count(*) from exercise").query(Long.class).single()).isEqualTo(before);

        String id = create(usa(), "UNCLASSIFIED");
        Api.Response noTime = usa().post("/api/v1/exercises/" + id + "/injects", """
                {"audience": "JJOC", "expectedAction": "act", "text": "x", "label": "UNCLASSIFIED"}""");
        assertThat(noTime.status()).isEqualTo(400);
        assertThat(noTime.json().get("detail").asString()).startsWith("at:");
        Api.Response kind = usa().post("/api/v1/exercises/" + id + "/products", product("design", "poster"));
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.json().get("detail").asString()).startsWith("kind:");
        Api.Response hours = usa().get("/api/v1/exercises/" + id + "/conference-times?date=" + DAY_0 + "&hours=30");
        assertThat(hours.status()).isEqualTo(400);
        assertThat(hours.json().get("detail").asString()).startsWith("hours");
        assertThat(rows("exercise_inject", id) + rows("exercise_product", id)).isZero();
    }

    @Test
    void aPlannerOfANonParticipatingNationIsRefusedAndChangesNothing() {
        long before = jdbc.sql("select count(*) from exercise").query(Long.class).single();
        Api.Response create = aus().post("/api/v1/exercises", keenSword("UNCLASSIFIED"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.sql("select count(*) from exercise").query(Long.class).single()).isEqualTo(before);

        String id = create(usa(), "UNCLASSIFIED");
        Api.Response product = aus().post("/api/v1/exercises/" + id + "/products", product("design", "exercise-specification"));
        Api.Response inject = aus().post("/api/v1/exercises/" + id + "/injects",
                inject(DAY_0.atTime(6, 0).toInstant(ZoneOffset.UTC).toString(), "UNCLASSIFIED"));
        Api.Response viewer = Api.on(port).as("usa.clerk", "demo").post("/api/v1/exercises/" + id + "/products", product("design", "exercise-specification"));
        Api.Response releaser = Api.on(port).as("usa.releaser", "demo").post("/api/v1/exercises/" + id + "/products",
                product("design", "exercise-specification"));
        Api.Response admin = Api.on(port).as("usa.admin", "demo").post("/api/v1/exercises/" + id + "/stages/design/close", "");
        for (Api.Response r : new Api.Response[]{product, inject, viewer, releaser, admin}) {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(product.json().get("detail").asString()).contains("planning an exercise").contains("aus.officer");
        assertThat(rows("exercise_product", id) + rows("exercise_inject", id)).isZero();
        // and reading stays open to the partner where the label allows it
        assertThat(aus().get("/api/v1/exercises/" + id).status()).isEqualTo(200);
        // the write matrix's planner cell: a planner of a participating nation, whatever the clearance that reads the label
        assertThat(Api.on(port).as("usa.planner", "demo").post("/api/v1/exercises/" + id + "/products", product("design", "exercise-specification"))
                .status()).isEqualTo(201);
    }

    @Test
    void theDemoHoldsTheReferenceExercisesWithTheirSources() {
        JsonNode series = jpn().get("/api/v1/exercises/series").json();
        assertThat(series.findValuesAsString("id")).contains("keen-sword", "keen-edge", "yama-sakura", "talisman-sabre", "cope-north");
        JsonNode ks25 = jpn().get("/api/v1/exercises/keen-sword-25").json().get("exercise");
        assertThat(ks25.get("start").asString()).isEqualTo("2024-10-23");
        assertThat(ks25.get("end").asString()).isEqualTo("2024-11-01");
        assertThat(ks25.get("verification").asString()).isEqualTo("verified");
        assertThat(ks25.get("sources").toString()).contains("dvids-ks25");
        JsonNode keenSword = null;
        for (JsonNode s : series) if (s.get("id").asString().equals("keen-sword")) keenSword = s;
        assertThat(keenSword).isNotNull();
        assertThat(keenSword.get("sources").toString()).contains("https://www.dvidshub.net/news/484408");
        // the next Keen Sword in planning, its NOFORN inject hidden from JPN
        JsonNode planned = null;
        for (JsonNode e : jpn().get("/api/v1/exercises?series=keen-sword").json()) {
            if (e.has("currentStage") && e.path("notes").asString("").startsWith("demo data")) planned = e;
        }
        assertThat(planned).isNotNull();
        assertThat(planned.get("currentStage").asString()).isEqualTo("ipc");
        String id = planned.get("id").asString();
        assertThat(usa().get("/api/v1/exercises/" + id + "/injects").json()).hasSize(3);
        assertThat(jpn().get("/api/v1/exercises/" + id + "/injects").json()).hasSize(2);
    }

    @Test
    void everyOperationIsInTheOpenApiDescriptionWithASummary() {
        JsonNode paths = jpn().get("/api/v1/openapi").json().get("paths");
        JsonNode times = paths.get("/api/v1/exercises/{id}/conference-times").get("get");
        assertThat(times.get("summary").asString()).contains("working hours");
        int operations = 0;
        for (String path : paths.propertyNames()) {
            if (!path.startsWith("/api/v1/exercises")) continue;
            for (JsonNode operation : paths.get(path)) {
                operations++;
                assertThat(operation.path("summary").asString("")).as(path).isNotBlank();
            }
        }
        assertThat(operations).isEqualTo(20);
    }
}
