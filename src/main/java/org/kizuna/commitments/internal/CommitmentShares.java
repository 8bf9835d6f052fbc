package org.kizuna.commitments.internal;

import static org.kizuna.federation.SharedFields.date;
import static org.kizuna.federation.SharedFields.optional;
import static org.kizuna.federation.SharedFields.requiredInstant;
import static org.kizuna.federation.SharedFields.strings;
import static org.kizuna.federation.SharedFields.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kizuna.commitments.Commitment;
import org.kizuna.commitments.CommitmentChange;
import org.kizuna.commitments.CommitmentStatus;
import org.kizuna.commitments.Evidence;
import org.kizuna.commitments.Source;
import org.kizuna.commitments.Statement;
import org.kizuna.federation.Shareable;
import org.kizuna.label.Label;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A commitment as federation carries it (kind {@code commitment}), and back: the part {@code commitment} (its text,
 * state, evidence and history, under the commitment's label; the text the guard inspects is everything a reader reads)
 * and the part {@code statement} (the statement it was made in, under the statement's label), so a partner's node
 * that does not hold the statement can still hold the commitment.
 */
final class CommitmentShares {

    static final String KIND = "commitment";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private CommitmentShares() {
    }

    static Shareable shareable(Commitment c, Statement s, List<CommitmentChange> history, String node, long version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statement", c.statement());
        m.put("text", c.text());
        m.put("owner", c.owner());
        m.put("organization", c.organization());
        m.put("organizationNote", c.organizationNote());
        m.put("deadline", c.deadline() == null ? null : c.deadline().toString());
        m.put("deadlineNote", c.deadlineNote());
        m.put("status", c.status().name());
        m.put("evidence", c.evidence() == null ? null : c.evidence().text());
        m.put("evidenceUrl", c.evidence() == null ? null : c.evidence().url());
        m.put("sources", c.sources().stream().map(Source::id).toList());
        m.put("verification", c.verification());
        m.put("note", c.note());
        m.put("updated", c.updated().toString());
        List<Map<String, Object>> changes = new ArrayList<>();
        StringBuilder inspected = new StringBuilder(c.text());
        append(inspected, c.organizationNote(), c.deadlineNote(), c.evidence() == null ? null : c.evidence().text(), c.note());
        for (CommitmentChange h : history) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("at", h.at().toString());
            x.put("dated", h.dated());
            x.put("by", h.by());
            x.put("statusFrom", h.statusFrom() == null ? null : h.statusFrom().name());
            x.put("statusTo", h.statusTo() == null ? null : h.statusTo().name());
            x.put("deadlineChanged", h.deadlineChanged());
            x.put("deadlineFrom", h.deadlineFrom() == null ? null : h.deadlineFrom().toString());
            x.put("deadlineTo", h.deadlineTo() == null ? null : h.deadlineTo().toString());
            x.put("evidence", h.evidence() == null ? null : h.evidence().text());
            x.put("evidenceUrl", h.evidence() == null ? null : h.evidence().url());
            x.put("note", h.note());
            x.put("sources", h.sources().stream().map(Source::id).toList());
            x.put("verification", h.verification());
            changes.add(x);
            append(inspected, h.evidence() == null ? null : h.evidence().text(), h.note());
        }
        m.put("history", changes);
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("date", s.date());
        st.put("kind", s.kind());
        st.put("forum", s.forum());
        st.put("forumNote", s.forumNote());
        st.put("title", s.title());
        st.put("summary", s.summary());
        st.put("sources", s.sources().stream().map(Source::id).toList());
        st.put("verification", s.verification());
        List<Shareable.Part> parts = List.of(
                new Shareable.Part("commitment", c.label().banner(), inspected.toString(), JSON.writeValueAsString(m)),
                new Shareable.Part("statement", s.label().banner(), s.title() + "\n" + s.summary() + (s.forumNote() == null ? "" : "\n" + s.forumNote()),
                        JSON.writeValueAsString(st)));
        return new Shareable(KIND, c.id(), c.owner(), node, version, Map.of("statement", c.statement()), parts);
    }

    private static void append(StringBuilder b, @Nullable String... texts) {
        for (String t : texts) {
            if (t != null && !t.isBlank()) b.append('\n').append(t);
        }
    }

    /** A replica's commitment and its history, as it arrived. */
    record Replica(Commitment commitment, List<CommitmentChange> history, @Nullable StatementRow statement) {
    }

    /** A statement as it arrived with a commitment (its label that of the part). */
    record StatementRow(String id, String date, LocalDate day, String kind, String forum, @Nullable String forumNote, String title, String summary,
            List<String> sources, String verification, Label label) {
    }

    /** Decodes what arrived; throws IllegalArgumentException (or a parse error) when it is not a well-formed commitment. */
    static Replica replica(Shareable item) {
        Shareable.Part part = item.part("commitment");
        JsonNode m = JSON.readTree(part.content());
        List<CommitmentChange> history = new ArrayList<>();
        for (JsonNode h : m.path("history")) {
            history.add(new CommitmentChange(requiredInstant(h, "at"), text(h, "dated"), text(h, "by"), status(h, "statusFrom"), status(h, "statusTo"),
                    h.path("deadlineChanged").asBoolean(false), date(h, "deadlineFrom"), date(h, "deadlineTo"), evidence(h), optional(h, "note"),
                    sources(h), optional(h, "verification")));
        }
        Commitment c = new Commitment(item.id(), text(m, "statement"), LocalDate.EPOCH, text(m, "text"), text(m, "owner"), text(m, "organization"),
                optional(m, "organizationNote"), date(m, "deadline"), optional(m, "deadlineNote"), CommitmentStatus.valueOf(text(m, "status")), evidence(m),
                sources(m), text(m, "verification"), optional(m, "note"), requiredInstant(m, "updated"), part.label(), null);
        if (!c.owner().equals(item.ownerNation())) throw new IllegalArgumentException("the commitment's owner is not the item's owner nation");
        StatementRow statement = item.findPart("statement").map(p -> {
            JsonNode s = JSON.readTree(p.content());
            String date = text(s, "date");
            return new StatementRow(c.statement(), date, ReferenceStatements.day(date), text(s, "kind"), text(s, "forum"), optional(s, "forumNote"),
                    text(s, "title"), text(s, "summary"), strings(s.path("sources")), text(s, "verification"), p.label());
        }).orElse(null);
        return new Replica(c, history, statement);
    }

    private static @Nullable CommitmentStatus status(JsonNode n, String field) {
        return n.hasNonNull(field) ? CommitmentStatus.valueOf(n.path(field).asString("")) : null;
    }

    private static @Nullable Evidence evidence(JsonNode n) {
        return n.hasNonNull("evidence") ? new Evidence(n.path("evidence").asString(""), optional(n, "evidenceUrl")) : null;
    }

    /** Sources by id only (the receiving node shows those it knows, as it does its own). */
    private static List<Source> sources(JsonNode n) {
        return strings(n.path("sources")).stream().map(id -> new Source(id, "", "", null)).toList();
    }
}
