package org.kizuna.exercises.internal;

import static org.kizuna.federation.SharedFields.date;
import static org.kizuna.federation.SharedFields.instant;
import static org.kizuna.federation.SharedFields.optional;
import static org.kizuna.federation.SharedFields.requiredInstant;
import static org.kizuna.federation.SharedFields.strings;
import static org.kizuna.federation.SharedFields.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kizuna.exercises.Exercise;
import org.kizuna.exercises.Inject;
import org.kizuna.exercises.Issue;
import org.kizuna.exercises.Lesson;
import org.kizuna.exercises.Observation;
import org.kizuna.exercises.Product;
import org.kizuna.exercises.Template;
import org.kizuna.federation.Shareable;
import org.kizuna.label.Label;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An exercise as federation carries it (kind {@code exercise}), and back: the part {@code exercise} (the exercise with
 * its stages, under the exercise's label) and one part for each product, inject, observation, issue and lesson
 * ({@code inject/IN-...}), each under its own label, so the guard releases to each partner node the records its nation
 * may read. The text the guard inspects is what a reader reads of the record.
 */
final class ExerciseShares {

    static final String KIND = "exercise";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private ExerciseShares() {
    }

    record Records(Exercise exercise, Instant createdAt, List<Product> products, List<Inject> injects, List<Observation> observations, List<Issue> issues,
            List<Lesson> lessons) {
    }

    static Shareable shareable(Records r, String node, long version) {
        Exercise e = r.exercise();
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("series", e.series());
        m.put("name", e.name());
        m.put("template", e.template().name());
        m.put("nations", e.nations());
        m.put("units", e.units());
        m.put("domains", e.domains());
        m.put("objectives", e.objectives());
        m.put("leadPlanners", e.leadPlanners());
        m.put("start", string(e.start()));
        m.put("end", string(e.end()));
        m.put("location", e.location());
        m.put("notes", e.notes());
        m.put("sources", e.sources());
        m.put("verification", e.verification());
        m.put("createdBy", e.createdBy());
        m.put("createdAt", r.createdAt().toString());
        List<Map<String, @Nullable Object>> stages = new ArrayList<>();
        for (Exercise.Stage s : e.stages()) {
            Map<String, @Nullable Object> x = new LinkedHashMap<>();
            x.put("id", s.id());
            x.put("ordinal", s.ordinal());
            x.put("plannedStart", string(s.plannedStart()));
            x.put("plannedEnd", string(s.plannedEnd()));
            x.put("closedAt", string(s.closedAt()));
            x.put("closedBy", s.closedBy());
            stages.add(x);
        }
        m.put("stages", stages);
        List<Shareable.Part> parts = new ArrayList<>();
        parts.add(part("exercise", e.label(), String.join("\n", e.name(), String.join("\n", e.objectives()), String.join("\n", e.domains()),
                e.location() == null ? "" : e.location(), e.notes() == null ? "" : e.notes()), m));
        for (Product p : r.products()) {
            parts.add(part("product/" + p.id(), p.label(), p.title() + "\n" + (p.text() == null ? "" : p.text()), map("stage", p.stage(), "kind", p.kind(),
                    "title", p.title(), "text", p.text(), "reference", p.reference(), "addedBy", p.addedBy(), "addedAt", p.addedAt().toString())));
        }
        for (Inject i : r.injects()) {
            parts.add(part("inject/" + i.id(), i.label(), String.join("\n", i.audience(), i.expectedAction(), i.text()),
                    map("at", i.at().toString(), "ownerNation", i.ownerNation(), "owner", i.owner(), "audience", i.audience(), "expectedAction",
                            i.expectedAction(), "text", i.text(), "playedAt", string(i.playedAt()), "playedBy", i.playedBy())));
        }
        for (Observation o : r.observations()) {
            parts.add(part("observation/" + o.id(), o.label(), o.text(), map("inject", o.inject(), "text", o.text(), "nation", o.nation(), "observedBy",
                    o.observedBy(), "observedAt", o.observedAt().toString())));
        }
        for (Issue i : r.issues()) {
            parts.add(part("issue/" + i.id(), i.label(), i.title() + "\n" + i.text(), map("observation", i.observation(), "title", i.title(), "text",
                    i.text(), "raisedBy", i.raisedBy(), "raisedAt", i.raisedAt().toString())));
        }
        for (Lesson l : r.lessons()) {
            parts.add(part("lesson/" + l.id(), l.label(), l.title() + "\n" + l.text(), map("issue", l.issue(), "title", l.title(), "text", l.text(), "owner",
                    l.owner(), "ownerNation", l.ownerNation(), "status", l.status().name(), "recordedBy", l.recordedBy(), "updated", l.updated().toString())));
        }
        return new Shareable(KIND, e.id(), node, node, version, Map.of("series", e.series()), parts);
    }

    private static Shareable.Part part(String id, Label label, String text, Map<String, @Nullable Object> content) {
        return new Shareable.Part(id, label.banner(), text, JSON.writeValueAsString(content));
    }

    private static Map<String, @Nullable Object> map(@Nullable Object... keyValues) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        return m;
    }

    private static @Nullable String string(@Nullable Object o) {
        return o == null ? null : o.toString();
    }

    /**
     * The replica's records from what arrived: only those released to this node, and of those only the ones whose
     * parent arrived too (an issue of an observation this node was not sent is not kept, nor a lesson of such an issue).
     * Throws IllegalArgumentException (or a parse error) when the item is not a well-formed exercise.
     */
    static Records replica(Shareable item) {
        Shareable.Part ex = item.part("exercise");
        JsonNode m = JSON.readTree(ex.content());
        Template template = Template.valueOf(text(m, "template"));
        List<Exercise.Stage> stages = new ArrayList<>();
        for (JsonNode s : m.path("stages")) {
            String id = text(s, "id");
            Template.StageDefinition d = template.stage(id).orElseThrow(() -> new IllegalArgumentException("no stage '" + id + "' in " + template));
            stages.add(new Exercise.Stage(id, d.title(), s.path("ordinal").asInt(0), d.requiredProducts(), date(s, "plannedStart"), date(s, "plannedEnd"),
                    instant(s, "closedAt"), optional(s, "closedBy")));
        }
        Map<String, String> leads = new LinkedHashMap<>();
        m.path("leadPlanners").properties().forEach(x -> leads.put(x.getKey(), x.getValue().asString("")));
        String current = stages.stream().filter(s -> !s.closed()).map(Exercise.Stage::id).findFirst().orElse(null);
        Exercise e = new Exercise(item.id(), text(m, "series"), text(m, "name"), template, strings(m.path("nations")), strings(m.path("units")),
                strings(m.path("domains")), strings(m.path("objectives")), leads, date(m, "start"), date(m, "end"), optional(m, "location"),
                optional(m, "notes"),
                strings(m.path("sources")), optional(m, "verification"), ex.label(), text(m, "createdBy"), stages, current);
        List<Product> products = new ArrayList<>();
        List<Inject> injects = new ArrayList<>();
        List<Observation> observations = new ArrayList<>();
        List<Issue> issues = new ArrayList<>();
        List<Lesson> lessons = new ArrayList<>();
        for (Shareable.Part p : item.parts()) {
            int slash = p.id().indexOf('/');
            if (slash < 0) continue;
            String kind = p.id().substring(0, slash), id = p.id().substring(slash + 1);
            if (!id.matches("[A-Za-z0-9-]{1,40}")) throw new IllegalArgumentException("a record id '" + id + "'");
            JsonNode c = JSON.readTree(p.content());
            switch (kind) {
                case "product" -> products.add(new Product(id, e.id(), text(c, "stage"), text(c, "kind"), text(c, "title"), optional(c, "text"),
                        optional(c, "reference"), p.label(), text(c, "addedBy"), requiredInstant(c, "addedAt")));
                case "inject" -> injects.add(new Inject(id, e.id(), requiredInstant(c, "at"), text(c, "ownerNation"), text(c, "owner"), text(c, "audience"),
                        text(c, "expectedAction"), text(c, "text"), p.label(), instant(c, "playedAt"), optional(c, "playedBy")));
                case "observation" -> observations.add(new Observation(id, e.id(), optional(c, "inject"), text(c, "text"), text(c, "nation"),
                        text(c, "observedBy"), requiredInstant(c, "observedAt"), p.label()));
                case "issue" -> issues.add(new Issue(id, e.id(), text(c, "observation"), text(c, "title"), text(c, "text"), p.label(), text(c, "raisedBy"),
                        requiredInstant(c, "raisedAt")));
                case "lesson" -> lessons.add(new Lesson(id, e.id(), e.series(), text(c, "issue"), text(c, "title"), text(c, "text"), text(c, "owner"),
                        text(c, "ownerNation"), Lesson.Status.valueOf(text(c, "status")), p.label(), text(c, "recordedBy"), requiredInstant(c, "updated")));
                default -> throw new IllegalArgumentException("an exercise has no record of kind '" + kind + "'");
            }
        }
        Set<String> held = new java.util.HashSet<>();
        observations.forEach(o -> held.add(o.id()));
        issues.removeIf(i -> !held.contains(i.observation()));
        issues.forEach(i -> held.add(i.id()));
        lessons.removeIf(l -> !held.contains(l.issue()));
        return new Records(e, requiredInstant(m, "createdAt"), products, injects, observations, issues, lessons);
    }
}
