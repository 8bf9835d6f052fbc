package org.kizuna.exercises.internal;

import static org.kizuna.node.Columns.date;
import static org.kizuna.node.Columns.instant;
import static org.kizuna.node.Columns.requiredInstant;
import static org.kizuna.node.Columns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.kizuna.exercises.Exercise;
import org.kizuna.exercises.Inject;
import org.kizuna.exercises.Issue;
import org.kizuna.exercises.Lesson;
import org.kizuna.exercises.Observation;
import org.kizuna.exercises.Product;
import org.kizuna.exercises.Series;
import org.kizuna.exercises.Template;
import org.kizuna.label.Label;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Series, exercises and their records in the node's database (raw: reads for users go through the read path in the service). */
@Repository
class JdbcExercises {

    /** The width of every label column (V90__exercises.sql). */
    static final int LABEL_LENGTH = 200;

    private final JdbcClient jdbc;
    private final Map<String, Label> labels = new ConcurrentHashMap<>();

    JdbcExercises(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The values of a statement's parameters, some of them null. */
    private static List<@Nullable Object> row(@Nullable Object... values) {
        return Arrays.asList(values);
    }

    private Label label(ResultSet rs) throws SQLException {
        return labels.computeIfAbsent(rs.getString("label"), Label::parse);
    }

    private static List<String> split(@Nullable String s, String separator) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(separator, -1));
    }

    // ---- series

    void insertSeries(Series s) {
        String sources = s.sources().stream().map(x -> String.join("|", x.id(), x.url(), x.publisher() == null ? "" : x.publisher(),
                x.date() == null ? "" : x.date())).collect(Collectors.joining("\n"));
        jdbc.sql("insert into exercise_series (id, name, cadence, domain, participants, sources, verification, label) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row(s.id(), s.name(), s.cadence(), s.domain(), s.participants(), sources, s.verification(), s.label().banner())).update();
    }

    List<Series> series() {
        return jdbc.sql("select * from exercise_series order by name").query((rs, n) -> series(rs)).list();
    }

    Optional<Series> series(String id) {
        return jdbc.sql("select * from exercise_series where id = ?").param(id).query((rs, n) -> series(rs)).optional();
    }

    long seriesCount() {
        return jdbc.sql("select count(*) from exercise_series").query(Long.class).single();
    }

    private Series series(ResultSet rs) throws SQLException {
        List<Series.Source> sources = new ArrayList<>();
        for (String line : split(rs.getString("sources"), "\n")) {
            String[] p = line.split("\\|", -1);
            if (p.length < 2) continue;
            sources.add(new Series.Source(p[0], p[1], p.length > 2 && !p[2].isEmpty() ? p[2] : null, p.length > 3 && !p[3].isEmpty() ? p[3] : null));
        }
        return new Series(rs.getString("id"), rs.getString("name"), rs.getString("cadence"), rs.getString("domain"), rs.getString("participants"),
                sources, rs.getString("verification"), label(rs));
    }

    // ---- exercises and stages

    void insertExercise(Exercise e, Instant createdAt) {
        String leads = e.leadPlanners().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(x -> x.getKey() + "=" + x.getValue())
                .collect(Collectors.joining(","));
        jdbc.sql("""
                insert into exercise (id, series_id, name, template, nations, units, domains, objectives, lead_planners, starts_on, ends_on,
                    location, notes, sources, verification, label, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row(e.id(), e.series(), e.name(), e.template().name(), String.join(",", e.nations()), String.join(",", e.units()),
                        String.join("\n", e.domains()), String.join("\n", e.objectives()), leads, e.start(), e.end(), e.location(), e.notes(),
                        String.join("\n", e.sources()), e.verification(), e.label().banner(), e.createdBy(), utc(createdAt)))
                .update();
        for (Exercise.Stage s : e.stages()) {
            jdbc.sql("insert into exercise_stage (exercise_id, stage, ordinal, planned_start, planned_end, closed_at, closed_by) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(row(e.id(), s.id(), s.ordinal(), s.plannedStart(), s.plannedEnd(), utc(s.closedAt()), s.closedBy())).update();
        }
    }

    List<Exercise> exercises() {
        Map<String, List<Exercise.Stage>> stages = new LinkedHashMap<>();
        jdbc.sql("select * from exercise_stage order by exercise_id, ordinal").query(rs -> {
            stages.computeIfAbsent(rs.getString("exercise_id"), k -> new ArrayList<>()).add(stageRow(rs));
        });
        return jdbc.sql("select * from exercise order by starts_on desc nulls last, name")
                .query((rs, n) -> exercise(rs, stages.getOrDefault(rs.getString("id"), List.of()))).list();
    }

    Optional<Exercise> exercise(String id) {
        List<Exercise.Stage> stages = jdbc.sql("select * from exercise_stage where exercise_id = ? order by ordinal").param(id)
                .query((rs, n) -> stageRow(rs)).list();
        return jdbc.sql("select * from exercise where id = ?").param(id).query((rs, n) -> exercise(rs, stages)).optional();
    }

    /** A stage row; the title and required products are the template's, filled in by {@link #exercise}. */
    private static Exercise.Stage stageRow(ResultSet rs) throws SQLException {
        return new Exercise.Stage(rs.getString("stage"), "", rs.getInt("ordinal"), List.of(), date(rs, "planned_start"), date(rs, "planned_end"),
                instant(rs, "closed_at"), rs.getString("closed_by"));
    }

    private Exercise exercise(ResultSet rs, List<Exercise.Stage> rows) throws SQLException {
        Template template = Template.valueOf(rs.getString("template"));
        List<Exercise.Stage> stages = rows.stream().map(s -> template.stage(s.id())
                .map(d -> new Exercise.Stage(s.id(), d.title(), s.ordinal(), d.requiredProducts(), s.plannedStart(), s.plannedEnd(), s.closedAt(),
                        s.closedBy()))
                .orElse(s)).toList();
        Map<String, String> leads = new LinkedHashMap<>();
        for (String pair : split(rs.getString("lead_planners"), ",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) leads.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        String current = stages.stream().filter(s -> !s.closed()).map(Exercise.Stage::id).findFirst().orElse(null);
        return new Exercise(rs.getString("id"), rs.getString("series_id"), rs.getString("name"), template, split(rs.getString("nations"), ","),
                split(rs.getString("units"), ","), split(rs.getString("domains"), "\n"), split(rs.getString("objectives"), "\n"), leads,
                date(rs, "starts_on"), date(rs, "ends_on"), rs.getString("location"), rs.getString("notes"), split(rs.getString("sources"), "\n"),
                rs.getString("verification"), label(rs), rs.getString("created_by"), stages, current);
    }

    void closeStage(String exercise, String stage, Instant at, String by) {
        jdbc.sql("update exercise_stage set closed_at = ?, closed_by = ? where exercise_id = ? and stage = ? and closed_at is null")
                .params(row(utc(at), by, exercise, stage)).update();
    }

    /** How many rows of one of the exercise's record tables it holds (for the per-exercise bound). */
    long count(String table, String exercise) {
        if (!List.of("exercise_product", "exercise_inject", "exercise_observation", "exercise_issue", "exercise_lesson").contains(table)) {
            throw new IllegalArgumentException("not a record table: " + table);
        }
        return jdbc.sql("select count(*) from " + table + " where exercise_id = ?").param(exercise).query(Long.class).single();
    }

    // ---- federation

    /** How this node holds an exercise: whether it shares it, its share version, and the node whose replica it is (null for its own). */
    record Held(boolean shared, long shareVersion, @Nullable String replicaOf, Instant createdAt) {
    }

    Optional<Held> held(String id) {
        return jdbc.sql("select shared, share_version, replica_of, created_at from exercise where id = ?").param(id)
                .query((rs, n) -> new Held(rs.getBoolean(1), rs.getLong(2), rs.getString(3), requiredInstant(rs, "created_at"))).optional();
    }

    /** The ids of the exercises this node owns and has shared, after {@code afterId} in id order, at most {@code limit}. */
    List<String> ownSharedIds(String afterId, int limit) {
        return jdbc.sql("select id from exercise where shared = true and replica_of is null and share_version > 0 and id > ? order by id limit ?")
                .params(afterId, limit).query((rs, n) -> rs.getString(1)).list();
    }

    void markShared(String id) {
        jdbc.sql("update exercise set shared = true where id = ?").param(id).update();
    }

    long bumpShareVersion(String id) {
        jdbc.sql("update exercise set share_version = share_version + 1 where id = ?").param(id).update();
        return jdbc.sql("select share_version from exercise where id = ?").param(id).query(Long.class).single();
    }

    void markReplica(String id, String of, long version) {
        jdbc.sql("update exercise set replica_of = ?, share_version = ? where id = ?").params(row(of, version, id)).update();
    }

    /** Removes an exercise and all of its records (a replica replaced by a newer version, or withdrawn). */
    void delete(String id) {
        for (String table : List.of("exercise_lesson", "exercise_issue", "exercise_observation", "exercise_inject", "exercise_product", "exercise_stage")) {
            jdbc.sql("delete from " + table + " where exercise_id = ?").param(id).update();
        }
        jdbc.sql("delete from exercise where id = ?").param(id).update();
    }

    // ---- products

    void insertProduct(Product p) {
        jdbc.sql(
                "insert into exercise_product (id, exercise_id, stage, kind, title, text, reference, label, added_by, added_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row(p.id(), p.exercise(), p.stage(), p.kind(), p.title(), p.text(), p.reference(), p.label().banner(), p.addedBy(), utc(p.addedAt())))
                .update();
    }

    List<Product> products(String exercise) {
        return jdbc.sql("select * from exercise_product where exercise_id = ? order by added_at, id").param(exercise)
                .query((rs, n) -> new Product(rs.getString("id"), rs.getString("exercise_id"), rs.getString("stage"), rs.getString("kind"),
                        rs.getString("title"), rs.getString("text"), rs.getString("reference"), label(rs), rs.getString("added_by"),
                        requiredInstant(rs, "added_at")))
                .list();
    }

    // ---- injects

    void insertInject(Inject i, Instant createdAt) {
        jdbc.sql("""
                insert into exercise_inject (id, exercise_id, inject_at, owner_nation, owner, audience, expected_action, text, label, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row(i.id(), i.exercise(), utc(i.at()), i.ownerNation(), i.owner(), i.audience(), i.expectedAction(), i.text(), i.label().banner(),
                        utc(createdAt)))
                .update();
    }

    List<Inject> injects(String exercise) {
        return jdbc.sql("select * from exercise_inject where exercise_id = ? order by inject_at, id").param(exercise).query((rs, n) -> inject(rs)).list();
    }

    Optional<Inject> inject(String exercise, String id) {
        return jdbc.sql("select * from exercise_inject where exercise_id = ? and id = ?").params(row(exercise, id)).query((rs, n) -> inject(rs)).optional();
    }

    void play(String id, Instant at, String by) {
        jdbc.sql("update exercise_inject set played_at = ?, played_by = ? where id = ?").params(row(utc(at), by, id)).update();
    }

    private Inject inject(ResultSet rs) throws SQLException {
        return new Inject(rs.getString("id"), rs.getString("exercise_id"), requiredInstant(rs, "inject_at"), rs.getString("owner_nation"),
                rs.getString("owner"),
                rs.getString("audience"), rs.getString("expected_action"), rs.getString("text"), label(rs), instant(rs, "played_at"),
                rs.getString("played_by"));
    }

    // ---- observations, issues, lessons

    void insertObservation(Observation o) {
        jdbc.sql("insert into exercise_observation (id, exercise_id, inject_id, text, nation, observed_by, observed_at, label) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row(o.id(), o.exercise(), o.inject(), o.text(), o.nation(), o.observedBy(), utc(o.observedAt()), o.label().banner())).update();
    }

    List<Observation> observations(String exercise) {
        return jdbc.sql("select * from exercise_observation where exercise_id = ? order by observed_at, id").param(exercise)
                .query((rs, n) -> new Observation(rs.getString("id"), rs.getString("exercise_id"), rs.getString("inject_id"), rs.getString("text"),
                        rs.getString("nation"), rs.getString("observed_by"), requiredInstant(rs, "observed_at"), label(rs)))
                .list();
    }

    void insertIssue(Issue i) {
        jdbc.sql("insert into exercise_issue (id, exercise_id, observation_id, title, text, label, raised_by, raised_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row(i.id(), i.exercise(), i.observation(), i.title(), i.text(), i.label().banner(), i.raisedBy(), utc(i.raisedAt()))).update();
    }

    List<Issue> issues(String exercise) {
        return jdbc.sql("select * from exercise_issue where exercise_id = ? order by raised_at, id").param(exercise)
                .query((rs, n) -> new Issue(rs.getString("id"), rs.getString("exercise_id"), rs.getString("observation_id"), rs.getString("title"),
                        rs.getString("text"), label(rs), rs.getString("raised_by"), requiredInstant(rs, "raised_at")))
                .list();
    }

    void insertLesson(Lesson l) {
        jdbc.sql("""
                insert into exercise_lesson (id, exercise_id, series_id, issue_id, title, text, owner, owner_nation, status, label, recorded_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row(l.id(), l.exercise(), l.series(), l.issue(), l.title(), l.text(), l.owner(), l.ownerNation(), l.status().name(), l.label().banner(),
                        l.recordedBy(), utc(l.updated())))
                .update();
    }

    void setLessonStatus(String id, Lesson.Status status, Instant at) {
        jdbc.sql("update exercise_lesson set status = ?, updated_at = ? where id = ?").params(row(status.name(), utc(at), id)).update();
    }

    List<Lesson> lessons(String exercise) {
        return jdbc.sql("select * from exercise_lesson where exercise_id = ? order by updated_at desc, id").param(exercise).query((rs, n) -> lesson(rs)).list();
    }

    List<Lesson> seriesLessons(String series) {
        return jdbc.sql("select * from exercise_lesson where series_id = ? order by updated_at desc, id").param(series).query((rs, n) -> lesson(rs)).list();
    }

    /** Every lesson, for the search index; the caller closes the stream. */
    Stream<Lesson> allLessons() {
        return jdbc.sql("select * from exercise_lesson order by id").query((rs, n) -> lesson(rs)).stream();
    }

    private Lesson lesson(ResultSet rs) throws SQLException {
        return new Lesson(rs.getString("id"), rs.getString("exercise_id"), rs.getString("series_id"), rs.getString("issue_id"), rs.getString("title"),
                rs.getString("text"), rs.getString("owner"), rs.getString("owner_nation"), Lesson.Status.valueOf(rs.getString("status")), label(rs),
                rs.getString("recorded_by"), requiredInstant(rs, "updated_at"));
    }
}
