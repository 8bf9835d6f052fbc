package org.kizuna.plans.internal;

import static org.kizuna.federation.SharedFields.optional;
import static org.kizuna.federation.SharedFields.requiredInstant;
import static org.kizuna.federation.SharedFields.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kizuna.federation.Shareable;
import org.kizuna.label.Label;
import org.kizuna.plans.PlanKind;
import org.kizuna.plans.Section;
import org.kizuna.plans.VersionStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plan as federation carries it (kind {@code plan}), and back. The parts are the title ({@code title}), every section
 * of every version ({@code v2/s3}: text the heading and the section's text, for the guard to inspect) and every comment
 * ({@code comment/<id>}), each under its own label, so the guard releases to each partner node only what its nation may
 * read. The header holds what every reader of the plan sees whatever parts it may read: the kind, the nations and their
 * designated approvers, each version's number, status, hash and approvals, and the history's actions (who, when, which
 * version); never the salt, the history's notes or which sections a change touched.
 */
final class PlanShares {

    static final String KIND = "plan", APPROVAL = "plan-approval", COMMENT = "comment";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private PlanShares() {
    }

    static String sectionPart(int version, String key) {
        return "v" + version + "/" + key;
    }

    static Shareable shareable(Stored p, String node, long version) {
        List<Shareable.Part> parts = new ArrayList<>();
        parts.add(new Shareable.Part("title", p.titleLabel().banner(), p.title(), ""));
        for (Stored.Version v : p.versions()) {
            for (Section s : v.sections()) {
                parts.add(new Shareable.Part(sectionPart(v.number(), s.key()), s.label().banner(), s.heading() + "\n" + s.text(),
                        JSON.writeValueAsString(Map.of("heading", s.heading()))));
            }
        }
        for (Stored.Comment c : p.comments()) {
            Map<String, String> content = new LinkedHashMap<>();
            content.put("author", c.author());
            content.put("nation", c.nation());
            content.put("at", c.at().toString());
            if (c.via() != null) content.put("via", c.via());
            parts.add(new Shareable.Part("comment/" + c.id(), c.label().banner(), c.text(), JSON.writeValueAsString(content)));
        }
        Map<String, String> header = new LinkedHashMap<>();
        header.put("kind", p.kind().name());
        header.put("createdBy", p.createdBy());
        header.put("createdAt", p.createdAt().toString());
        header.put("updatedAt", p.updatedAt().toString());
        header.put("nations", JSON.writeValueAsString(p.nations().stream().map(n -> Map.of("nation", n.nation(), "approver", n.approver())).toList()));
        List<Map<String, Object>> versions = new ArrayList<>();
        for (Stored.Version v : p.versions()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("number", v.number());
            x.put("status", v.status().name());
            x.put("hash", v.hash());
            x.put("createdBy", v.createdBy());
            x.put("createdAt", v.createdAt().toString());
            x.put("updatedAt", v.updatedAt().toString());
            x.put("approvals", v.approvals().values().stream()
                    .map(a -> Map.of("nation", a.nation(), "approver", a.approver(), "hash", a.hash(), "at", a.at().toString())).toList());
            versions.add(x);
        }
        header.put("versions", JSON.writeValueAsString(versions));
        header.put("history", JSON.writeValueAsString(p.history().stream().map(h -> Map.of("at", h.at().toString(), "actor", h.actor(),
                "action", h.action(), "version", h.version())).toList()));
        return new Shareable(KIND, p.id(), node, node, version, header, parts);
    }

    /** The newest version (number and hash) of a plan as the header of what was sent gives it. */
    record Newest(int number, String hash) {
    }

    static Newest newest(Map<String, String> header) {
        JsonNode versions = JSON.readTree(header.getOrDefault("versions", "[]"));
        if (versions.isEmpty()) throw new IllegalArgumentException("the header names no version");
        JsonNode last = versions.get(versions.size() - 1);
        return new Newest(last.path("number").asInt(0), last.path("hash").asString(""));
    }

    /**
     * A replica of a partner's plan from what arrived: the parts this node was sent, the header's versions, approvals
     * and history. Throws IllegalArgumentException when the item is not a well-formed plan.
     */
    static Stored replica(Shareable item, String from) {
        Map<String, String> h = item.header();
        String title = "";
        Label titleLabel = Label.UNCLASSIFIED;
        boolean titleHeld = false;
        Map<Integer, List<Section>> sections = new LinkedHashMap<>();
        List<Stored.Comment> comments = new ArrayList<>();
        for (Shareable.Part part : item.parts()) {
            String id = part.id();
            if (id.equals("title")) {
                title = part.text();
                titleLabel = part.label();
                titleHeld = true;
            } else if (id.startsWith("comment/")) {
                JsonNode c = JSON.readTree(part.content());
                comments.add(new Stored.Comment(id.substring("comment/".length()), text(c, "nation"), text(c, "author"), part.label(), part.text(),
                        optional(c, "via"), requiredInstant(c, "at")));
            } else if (id.matches("v[0-9]{1,6}/s[0-9]{1,6}")) {
                int v = Integer.parseInt(id.substring(1, id.indexOf('/')));
                String heading = text(JSON.readTree(part.content()), "heading");
                if (!part.text().startsWith(heading + "\n")) throw new IllegalArgumentException("section " + id + " does not start with its heading");
                sections.computeIfAbsent(v, k -> new ArrayList<>())
                        .add(new Section(id.substring(id.indexOf('/') + 1), heading, part.label(), part.text().substring(heading.length() + 1)));
            } else {
                throw new IllegalArgumentException("a plan has no part '" + id + "'");
            }
        }
        List<Stored.Nation> nations = new ArrayList<>();
        for (JsonNode n : JSON.readTree(h.getOrDefault("nations", "[]"))) nations.add(new Stored.Nation(text(n, "nation"), text(n, "approver")));
        if (nations.size() < 2) throw new IllegalArgumentException("a plan has at least two nations");
        List<Stored.Version> versions = new ArrayList<>();
        for (JsonNode v : JSON.readTree(h.getOrDefault("versions", "[]"))) {
            int number = v.path("number").asInt(0);
            if (number != versions.size() + 1) throw new IllegalArgumentException("the versions are not numbered 1, 2, ...");
            Map<String, Stored.Approval> approvals = new LinkedHashMap<>();
            for (JsonNode a : v.path("approvals")) {
                approvals.put(text(a, "nation"), new Stored.Approval(text(a, "nation"), text(a, "approver"), text(a, "hash"), requiredInstant(a, "at")));
            }
            versions.add(new Stored.Version(number, VersionStatus.valueOf(text(v, "status")), text(v, "hash"), text(v, "createdBy"),
                    requiredInstant(v, "createdAt"), requiredInstant(v, "updatedAt"), List.copyOf(sections.getOrDefault(number, List.of())),
                    Map.copyOf(approvals)));
        }
        if (versions.isEmpty()) throw new IllegalArgumentException("a plan has at least one version");
        if (sections.keySet().stream().anyMatch(v -> v > versions.size())) throw new IllegalArgumentException("a section of a version the plan lacks");
        List<Stored.History> history = new ArrayList<>();
        for (JsonNode x : JSON.readTree(h.getOrDefault("history", "[]"))) {
            history.add(new Stored.History(history.size() + 1, requiredInstant(x, "at"), text(x, "actor"), text(x, "action"),
                    x.path("version").asInt(0), null, List.of()));
        }
        return new Stored(item.id(), title, titleLabel, PlanKind.valueOf(h.getOrDefault("kind", "")), "", 0, nations, h.getOrDefault("createdBy", ""),
                Instant.parse(h.getOrDefault("createdAt", "")), Instant.parse(h.getOrDefault("updatedAt", "")), versions, history, from, titleHeld,
                comments);
    }
}
