package org.kizuna.plans.internal;

import static org.kizuna.node.Columns.requiredInstant;
import static org.kizuna.node.Columns.utc;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kizuna.label.Label;
import org.kizuna.plans.PlanKind;
import org.kizuna.plans.Section;
import org.kizuna.plans.VersionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plans in the node's database (raw: every read for a user goes through the read path in {@link PlanService}). */
@Repository
class JdbcPlans {

    private final JdbcClient jdbc;

    JdbcPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertPlan(String id, String title, Label titleLabel, PlanKind kind, String salt, List<Stored.Nation> nations, String by, Instant at) {
        jdbc.sql("insert into plan (id, title, title_label, kind, salt, next_section, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, 1, ?, ?, ?)")
                .params(id, title, titleLabel.banner(), kind.name(), salt, by, utc(at), utc(at)).update();
        for (int i = 0; i < nations.size(); i++) {
            jdbc.sql("insert into plan_nation (plan_id, position, nation, approver) values (?, ?, ?, ?)")
                    .params(id, i, nations.get(i).nation(), nations.get(i).approver()).update();
        }
    }

    void setNextSection(String id, int next, Instant at) {
        jdbc.sql("update plan set next_section = ?, updated_at = ? where id = ?").params(next, utc(at), id).update();
    }

    void insertVersion(String id, int number, String hash, List<Section> sections, String by, Instant at) {
        jdbc.sql("insert into plan_version (plan_id, number, status, hash, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, number, VersionStatus.DRAFT.name(), hash, by, utc(at), utc(at)).update();
        insertSections(id, number, sections);
    }

    /** Replaces a draft's sections (a draft no nation approved yet). */
    void amendVersion(String id, int number, String hash, List<Section> sections, Instant at) {
        jdbc.sql("delete from plan_section where plan_id = ? and version = ?").params(id, number).update();
        insertSections(id, number, sections);
        jdbc.sql("update plan_version set hash = ?, updated_at = ? where plan_id = ? and number = ?").params(hash, utc(at), id, number).update();
    }

    private void insertSections(String id, int number, List<Section> sections) {
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            jdbc.sql("insert into plan_section (plan_id, version, position, section_key, heading, label, body) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, number, i, s.key(), s.heading(), s.label().banner(), s.text()).update();
        }
    }

    void setStatus(String id, int number, VersionStatus status, Instant at) {
        jdbc.sql("update plan_version set status = ?, updated_at = ? where plan_id = ? and number = ?").params(status.name(), utc(at), id, number).update();
    }

    void insertApproval(String id, int number, String nation, String approver, String hash, Instant at) {
        jdbc.sql("insert into plan_approval (plan_id, version, nation, approver, hash, approved_at) values (?, ?, ?, ?, ?, ?)")
                .params(id, number, nation, approver, hash, utc(at)).update();
    }

    void touch(String id, Instant at) {
        jdbc.sql("update plan set updated_at = ? where id = ?").params(utc(at), id).update();
    }

    void insertHistory(String id, String actor, String action, int version, @org.jspecify.annotations.Nullable String note,
            List<Stored.SectionChange> sections, Instant at) {
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from plan_history where plan_id = ?").param(id).query(Integer.class).single();
        jdbc.sql("insert into plan_history (plan_id, seq, changed_at, actor, action, version, note) values (?, ?, ?, ?, ?, ?, ?)")
                .param(id).param(seq).param(utc(at)).param(actor).param(action).param(version).param(note).update();
        for (int i = 0; i < sections.size(); i++) {
            Stored.SectionChange c = sections.get(i);
            jdbc.sql("insert into plan_history_section (plan_id, seq, position, section_key, change, heading, label) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, seq, i, c.key(), c.change(), c.heading(), c.label().banner()).update();
        }
    }

    /** Raises the plan's share version (the version its partners' nodes replace their replica by) and answers it. */
    long bumpShareVersion(String id) {
        jdbc.sql("update plan set share_version = share_version + 1 where id = ?").param(id).update();
        return jdbc.sql("select share_version from plan where id = ?").param(id).query(Long.class).single();
    }

    /** The ids of the plans this node owns and has shared, after {@code afterId} in id order, at most {@code limit}. */
    List<String> ownSharedIds(String afterId, int limit) {
        return jdbc.sql("select id from plan where replica_of is null and share_version > 0 and id > ? order by id limit ?").params(afterId, limit)
                .query((rs, n) -> rs.getString(1)).list();
    }

    long shareVersion(String id) {
        return jdbc.sql("select share_version from plan where id = ?").param(id).query(Long.class).optional().orElse(0L);
    }

    void insertComment(String planId, Stored.Comment c) {
        jdbc.sql("insert into plan_comment (plan_id, id, nation, author, label, body, via, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)").param(planId)
                .param(c.id()).param(c.nation()).param(c.author()).param(c.label().banner()).param(c.text()).param(c.via()).param(utc(c.at())).update();
    }

    /** Removes a plan and everything of it (a replica replaced by a newer version, or withdrawn). */
    void delete(String id) {
        for (String table : List.of("plan_comment", "plan_history_section", "plan_history", "plan_approval", "plan_section", "plan_version", "plan_nation")) {
            jdbc.sql("delete from " + table + " where plan_id = ?").param(id).update();
        }
        jdbc.sql("delete from plan where id = ?").param(id).update();
    }

    /** A replica of a partner's plan, stored whole as it arrived (its versions, approvals and history as the partner's node holds them). */
    void insertReplica(Stored p, long shareVersion) {
        jdbc.sql("""
                insert into plan (id, title, title_label, kind, salt, next_section, created_by, created_at, updated_at, share_version, replica_of, title_held)
                values (?, ?, ?, ?, '', 0, ?, ?, ?, ?, ?, ?)""").param(p.id()).param(p.title()).param(p.titleLabel().banner()).param(p.kind().name())
                .param(p.createdBy()).param(utc(p.createdAt())).param(utc(p.updatedAt())).param(shareVersion).param(p.replicaOf()).param(p.titleHeld())
                .update();
        for (int i = 0; i < p.nations().size(); i++) {
            jdbc.sql("insert into plan_nation (plan_id, position, nation, approver) values (?, ?, ?, ?)")
                    .params(p.id(), i, p.nations().get(i).nation(), p.nations().get(i).approver()).update();
        }
        for (Stored.Version v : p.versions()) {
            jdbc.sql("insert into plan_version (plan_id, number, status, hash, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(p.id(), v.number(), v.status().name(), v.hash(), v.createdBy(), utc(v.createdAt()), utc(v.updatedAt())).update();
            insertSections(p.id(), v.number(), v.sections());
            for (Stored.Approval a : v.approvals().values()) insertApproval(p.id(), v.number(), a.nation(), a.approver(), a.hash(), a.at());
        }
        for (Stored.History h : p.history()) {
            jdbc.sql("insert into plan_history (plan_id, seq, changed_at, actor, action, version, note) values (?, ?, ?, ?, ?, ?, ?)").param(p.id())
                    .param(h.seq()).param(utc(h.at())).param(h.actor()).param(h.action()).param(h.version()).param(h.note()).update();
        }
        for (Stored.Comment c : p.comments()) insertComment(p.id(), c);
    }

    List<String> ids() {
        return jdbc.sql("select id from plan order by created_at, id").query((rs, n) -> rs.getString("id")).list();
    }

    long count() {
        return jdbc.sql("select count(*) from plan").query(Long.class).single();
    }

    /** Every plan with all of its parts, newest change first. */
    List<Stored> all() {
        return ids().stream().map(this::find).flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(Stored::updatedAt).reversed().thenComparing(Stored::id)).toList();
    }

    Optional<Stored> find(String id) {
        record Head(String title, Label label, PlanKind kind, String salt, int next, String by, Instant created, Instant updated,
                @org.jspecify.annotations.Nullable String replicaOf, boolean titleHeld) {
        }
        Optional<Head> head = jdbc.sql("select * from plan where id = ?").param(id).query((rs, n) -> new Head(rs.getString("title"),
                Label.parse(rs.getString("title_label")), PlanKind.valueOf(rs.getString("kind")), rs.getString("salt"), rs.getInt("next_section"),
                rs.getString("created_by"), requiredInstant(rs, "created_at"), requiredInstant(rs, "updated_at"), rs.getString("replica_of"),
                rs.getBoolean("title_held")))
                .optional();
        if (head.isEmpty()) return Optional.empty();
        Head h = head.get();
        List<Stored.Nation> nations = jdbc.sql("select nation, approver from plan_nation where plan_id = ? order by position").param(id)
                .query((rs, n) -> new Stored.Nation(rs.getString("nation"), rs.getString("approver"))).list();
        Map<Integer, List<Section>> sections = new HashMap<>();
        jdbc.sql("select * from plan_section where plan_id = ? order by version, position").param(id).query((ResultSet rs) -> {
            sections.computeIfAbsent(rs.getInt("version"), k -> new ArrayList<>()).add(new Section(rs.getString("section_key"), rs.getString("heading"),
                    Label.parse(rs.getString("label")), rs.getString("body")));
        });
        Map<Integer, Map<String, Stored.Approval>> approvals = new HashMap<>();
        jdbc.sql("select * from plan_approval where plan_id = ? order by approved_at").param(id).query((ResultSet rs) -> {
            approvals.computeIfAbsent(rs.getInt("version"), k -> new LinkedHashMap<>()).put(rs.getString("nation"),
                    new Stored.Approval(rs.getString("nation"), rs.getString("approver"), rs.getString("hash"), requiredInstant(rs, "approved_at")));
        });
        List<Stored.Version> versions = jdbc.sql("select * from plan_version where plan_id = ? order by number").param(id)
                .query((rs, n) -> new Stored.Version(rs.getInt("number"), VersionStatus.valueOf(rs.getString("status")), rs.getString("hash"),
                        rs.getString("created_by"), requiredInstant(rs, "created_at"), requiredInstant(rs, "updated_at"),
                        List.copyOf(sections.getOrDefault(rs.getInt("number"), List.of())), Map.copyOf(approvals.getOrDefault(rs.getInt("number"), Map.of()))))
                .list();
        Map<Integer, List<Stored.SectionChange>> changes = new HashMap<>();
        jdbc.sql("select * from plan_history_section where plan_id = ? order by seq, position").param(id).query((ResultSet rs) -> {
            changes.computeIfAbsent(rs.getInt("seq"), k -> new ArrayList<>()).add(new Stored.SectionChange(rs.getString("section_key"),
                    rs.getString("change"), rs.getString("heading"), Label.parse(rs.getString("label"))));
        });
        List<Stored.History> history = jdbc.sql("select * from plan_history where plan_id = ? order by seq").param(id)
                .query((rs, n) -> new Stored.History(rs.getInt("seq"), requiredInstant(rs, "changed_at"), rs.getString("actor"), rs.getString("action"),
                        rs.getInt("version"), rs.getString("note"), List.copyOf(changes.getOrDefault(rs.getInt("seq"), List.of()))))
                .list();
        List<Stored.Comment> comments = jdbc.sql("select * from plan_comment where plan_id = ? order by created_at, id").param(id)
                .query((rs, n) -> new Stored.Comment(rs.getString("id"), rs.getString("nation"), rs.getString("author"), Label.parse(rs.getString("label")),
                        rs.getString("body"), rs.getString("via"), requiredInstant(rs, "created_at")))
                .list();
        return Optional.of(new Stored(id, h.title(), h.label(), h.kind(), h.salt(), h.next(), nations, h.by(), h.created(), h.updated(), versions, history,
                h.replicaOf(), h.titleHeld(), comments));
    }
}
