package org.kizuna.label.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the label module's versioned configuration ({@code label/*.yaml} on the classpath) into plain
 * records. Read once at start-up; nothing here is on a decision path.
 */
public final class LabelData {

    /** One level of a policy, lowest first in its list. */
    public record LevelRow(String code, String national, String english) {
    }

    /** A national (or NATO) classification policy. */
    public record PolicyRow(String id, String name, List<LevelRow> levels) {
    }

    /** A restrictive control and where it is written in a marking. */
    public record ControlRow(String name, String portion, boolean sci) {
    }

    /** A member of a tetragraph from {@code from} (inclusive) until {@code until} (exclusive, or open). */
    public record MemberRow(String country, LocalDate from, @Nullable LocalDate until) {
        public boolean memberOn(LocalDate day) {
            return !day.isBefore(from) && (until == null || day.isBefore(until));
        }
    }

    /** A coalition tetragraph with its membership over time. */
    public record TetragraphRow(String code, String name, List<MemberRow> members) {
    }

    /** A versioned table of membership, as read from one resource. */
    public record Membership(String version, List<TetragraphRow> tetragraphs) {
    }

    /** One bilateral equivalence table; rows pair a level name of policy {@code a} with one of {@code b}. */
    public record EquivalenceRow(String a, String b, String version, String source, String note, boolean assumption,
            List<List<String>> rows) {
    }

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private LabelData() {
    }

    public static JsonNode read(String resource) {
        try (InputStream in = LabelData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("label configuration " + resource + " is missing from the classpath");
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public static List<PolicyRow> policies() {
        List<PolicyRow> out = new ArrayList<>();
        for (JsonNode p : read("label/policies.yaml").path("policies")) {
            List<LevelRow> levels = new ArrayList<>();
            for (JsonNode l : p.path("levels")) {
                levels.add(new LevelRow(text(l, "code"), text(l, "national"), text(l, "english")));
            }
            out.add(new PolicyRow(text(p, "id"), text(p, "name"), List.copyOf(levels)));
        }
        return out;
    }

    public static List<String> countries() {
        List<String> out = new ArrayList<>();
        for (JsonNode c : read("label/countries.yaml").path("countries")) {
            out.add(text(c, "code"));
        }
        return out;
    }

    public static List<ControlRow> controls() {
        List<ControlRow> out = new ArrayList<>();
        for (JsonNode c : read("label/controls.yaml").path("controls")) {
            String category = text(c, "category");
            if (!category.equals("sci") && !category.equals("dissem")) {
                throw new IllegalStateException("control " + text(c, "name") + " has unknown category " + category);
            }
            out.add(new ControlRow(text(c, "name"), text(c, "portion"), category.equals("sci")));
        }
        return out;
    }

    public static List<String> codewords() {
        List<String> out = new ArrayList<>();
        for (JsonNode c : read("label/controls.yaml").path("codewords")) {
            out.add(c.asString());
        }
        return out;
    }

    /** The shipped tetragraph membership table. */
    public static Membership membership() {
        return membership("label/tetragraphs.yaml");
    }

    /** A tetragraph membership table from a classpath resource (another version of the shipped one). */
    public static Membership membership(String resource) {
        JsonNode root = read(resource);
        List<TetragraphRow> out = new ArrayList<>();
        for (JsonNode t : root.path("tetragraphs")) {
            List<MemberRow> members = new ArrayList<>();
            for (JsonNode m : t.path("members")) {
                JsonNode until = m.get("until");
                members.add(new MemberRow(text(m, "country"), LocalDate.parse(text(m, "from")),
                        until == null || until.isNull() ? null : LocalDate.parse(until.asString())));
            }
            out.add(new TetragraphRow(text(t, "code"), text(t, "name"), List.copyOf(members)));
        }
        return new Membership(text(root, "version"), List.copyOf(out));
    }

    public static List<EquivalenceRow> equivalences() {
        return equivalences("label/equivalences.yaml");
    }

    public static List<EquivalenceRow> equivalences(String resource) {
        List<EquivalenceRow> out = new ArrayList<>();
        for (JsonNode t : read(resource).path("tables")) {
            JsonNode pair = t.path("pair");
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode r : t.path("rows")) {
                if (r.size() != 2) {
                    throw new IllegalStateException("equivalence row " + r + " must pair exactly two levels");
                }
                rows.add(List.of(r.get(0).asString(), r.get(1).asString()));
            }
            JsonNode note = t.get("note");
            out.add(new EquivalenceRow(pair.get(0).asString(), pair.get(1).asString(), text(t, "version"), text(t, "source"),
                    note == null ? "" : note.asString(), t.path("assumption").asBoolean(false), List.copyOf(rows)));
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalStateException("label configuration: field '" + field + "' missing in " + node);
        }
        return v.asString();
    }
}
