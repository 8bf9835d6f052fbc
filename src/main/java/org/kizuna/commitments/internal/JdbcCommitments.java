package org.kizuna.commitments.internal;

import static org.kizuna.node.Columns.date;
import static org.kizuna.node.Columns.requiredDate;
import static org.kizuna.node.Columns.requiredInstant;
import static org.kizuna.node.Columns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kizuna.commitments.Commitment;
import org.kizuna.commitments.CommitmentChange;
import org.kizuna.commitments.CommitmentStatus;
import org.kizuna.commitments.Evidence;
import org.kizuna.commitments.Source;
import org.kizuna.commitments.Statement;
import org.kizuna.label.Label;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Statements, commitments and their changes in the node's database (raw: reads for users go through the read path). */
@Repository
class JdbcCommitments {

    private final JdbcClient jdbc;

    JdbcCommitments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("select count(*) from commitment_statement").query(Long.class).single();
    }

    void insertSource(ReferenceStatements.SourceEntry s) {
        jdbc.sql("insert into commitment_source (id, url, publisher, published) values (?, ?, ?, ?)").param(s.id()).param(s.url()).param(s.publisher())
                .param(s.date()).update();
    }

    void insertStatement(ReferenceStatements.StatementEntry s, Label label) {
        jdbc.sql("""
                insert into commitment_statement (id, stated, stated_day, kind, forum, forum_note, title, summary, sources, verification, label)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").param(s.id()).param(s.date()).param(ReferenceStatements.day(s.date())).param(s.kind())
                .param(s.forum()).param(s.forumNote()).param(s.title()).param(s.summary()).param(String.join(",", s.sources())).param(s.verification())
                .param(label.banner()).update();
    }

    void insertCommitment(String statement, ReferenceStatements.CommitmentEntry c, Label label, Instant at) {
        jdbc.sql("""
                insert into commitment (id, statement_id, body, owner_nation, organization_id, organization_note, deadline, deadline_note, status,
                    sources, verification, note, label, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").param(c.id()).param(statement).param(c.text()).param(c.owner())
                .param(c.organization()).param(c.organizationNote()).param(c.deadline()).param(c.deadlineNote()).param(c.status().name())
                .param(String.join(",", c.sources())).param(c.verification()).param(c.note()).param(label.banner()).param(utc(at)).update();
    }

    /** Sets the commitment's state and appends the change to its history. */
    void record(String id, CommitmentStatus status, @Nullable LocalDate deadline, @Nullable Evidence evidence, CommitmentChange change) {
        jdbc.sql("update commitment set status = ?, deadline = ?, evidence = ?, evidence_url = ?, updated_at = ? where id = ?").param(status.name())
                .param(deadline).param(evidence == null ? null : evidence.text()).param(evidence == null ? null : evidence.url()).param(utc(change.at()))
                .param(id).update();
        int seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from commitment_change where commitment_id = ?").param(id).query(Integer.class).single();
        insertChange(id, seq, change);
    }

    private void insertChange(String id, int seq, CommitmentChange change) {
        jdbc.sql("""
                insert into commitment_change (commitment_id, seq, changed_at, dated, actor, status_from, status_to, deadline_changed, deadline_from,
                    deadline_to, evidence, evidence_url, note, sources, verification)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").param(id).param(seq).param(utc(change.at())).param(change.dated())
                .param(change.by()).param(name(change.statusFrom())).param(name(change.statusTo())).param(change.deadlineChanged())
                .param(change.deadlineFrom()).param(change.deadlineTo()).param(change.evidence() == null ? null : change.evidence().text())
                .param(change.evidence() == null ? null : change.evidence().url()).param(change.note())
                .param(String.join(",", change.sources().stream().map(Source::id).toList())).param(change.verification()).update();
    }

    // ---- federation

    /** Raises the commitment's share version (the version partners' nodes replace their replica by) and answers it. */
    long bumpShareVersion(String id) {
        jdbc.sql("update commitment set share_version = share_version + 1 where id = ?").param(id).update();
        return jdbc.sql("select share_version from commitment where id = ?").param(id).query(Long.class).single();
    }

    /**
     * The ids of the commitments of {@code owner} (this node's nation) this node holds as its own and has shared, after
     * {@code afterId} in id order, at most {@code limit}.
     */
    List<String> ownSharedIds(String owner, String afterId, int limit) {
        return jdbc.sql("select id from commitment where owner_nation = ? and replica_of is null and share_version > 0 and id > ? order by id limit ?")
                .params(owner, afterId, limit).query((rs, n) -> rs.getString(1)).list();
    }

    /** How this node holds a commitment: its owner nation, the node whose replica it is (null for its own copy) and the share version. */
    record Held(String owner, @Nullable String replicaOf, long shareVersion) {
    }

    Optional<Held> held(String id) {
        return jdbc.sql("select owner_nation, replica_of, share_version from commitment where id = ?").param(id)
                .query((rs, n) -> new Held(rs.getString(1), rs.getString(2), rs.getLong(3))).optional();
    }

    boolean statementExists(String id) {
        return jdbc.sql("select count(*) from commitment_statement where id = ?").param(id).query(Long.class).single() > 0;
    }

    void insertStatement(CommitmentShares.StatementRow s) {
        jdbc.sql("""
                insert into commitment_statement (id, stated, stated_day, kind, forum, forum_note, title, summary, sources, verification, label)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").param(s.id()).param(s.date()).param(s.day()).param(s.kind()).param(s.forum())
                .param(s.forumNote()).param(s.title()).param(s.summary()).param(String.join(",", s.sources())).param(s.verification())
                .param(s.label().banner()).update();
    }

    /** Stores a replica of the owner node's commitment over what this node held of it (its history replaced whole). */
    void storeReplica(Commitment c, List<CommitmentChange> history, String from, long version, boolean existed) {
        if (existed) {
            jdbc.sql("delete from commitment_change where commitment_id = ?").param(c.id()).update();
            jdbc.sql("delete from commitment where id = ?").param(c.id()).update();
        }
        jdbc.sql("""
                insert into commitment (id, statement_id, body, owner_nation, organization_id, organization_note, deadline, deadline_note, status,
                    evidence, evidence_url, sources, verification, note, label, updated_at, share_version, replica_of)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""").param(c.id()).param(c.statement()).param(c.text()).param(c.owner())
                .param(c.organization()).param(c.organizationNote()).param(c.deadline()).param(c.deadlineNote()).param(c.status().name())
                .param(c.evidence() == null ? null : c.evidence().text()).param(c.evidence() == null ? null : c.evidence().url())
                .param(String.join(",", c.sources().stream().map(Source::id).toList())).param(c.verification()).param(c.note()).param(c.label().banner())
                .param(utc(c.updated())).param(version).param(from).update();
        for (int i = 0; i < history.size(); i++) insertChange(c.id(), i + 1, history.get(i));
    }

    void delete(String id) {
        jdbc.sql("delete from commitment_change where commitment_id = ?").param(id).update();
        jdbc.sql("delete from commitment where id = ?").param(id).update();
    }

    private static @Nullable String name(@Nullable CommitmentStatus s) {
        return s == null ? null : s.name();
    }

    Map<String, Source> sources() {
        Map<String, Source> out = new HashMap<>();
        jdbc.sql("select * from commitment_source").query((ResultSet rs) -> {
            out.put(rs.getString("id"), new Source(rs.getString("id"), rs.getString("url"), rs.getString("publisher"), rs.getString("published")));
        });
        return out;
    }

    static List<Source> sources(@Nullable String ids, Map<String, Source> known) {
        if (ids == null || ids.isBlank()) return List.of();
        return Arrays.stream(ids.split(",")).map(known::get).filter(Objects::nonNull).toList();
    }

    /** Every statement, oldest first, without its commitments. */
    List<Statement> statements() {
        Map<String, Source> known = sources();
        return jdbc.sql("select * from commitment_statement order by stated_day, id").query((rs, n) -> new Statement(rs.getString("id"),
                rs.getString("stated"), requiredDate(rs, "stated_day"), rs.getString("kind"), rs.getString("forum"), rs.getString("forum_note"),
                rs.getString("title"),
                rs.getString("summary"), sources(rs.getString("sources"), known), rs.getString("verification"), Label.parse(rs.getString("label")), List.of()))
                .list();
    }

    List<Commitment> commitments() {
        Map<String, Source> known = sources();
        return jdbc.sql("""
                select c.*, s.stated_day from commitment c join commitment_statement s on s.id = c.statement_id
                order by case when c.deadline is null then 1 else 0 end, c.deadline, s.stated_day, c.id""").query((rs, n) -> commitment(rs, known)).list();
    }

    Optional<Commitment> commitment(String id) {
        Map<String, Source> known = sources();
        return jdbc.sql("select c.*, s.stated_day from commitment c join commitment_statement s on s.id = c.statement_id where c.id = ?").param(id)
                .query((rs, n) -> commitment(rs, known)).optional();
    }

    List<CommitmentChange> history(String id) {
        Map<String, Source> known = sources();
        return jdbc.sql("select * from commitment_change where commitment_id = ? order by seq").param(id).query((rs, n) -> {
            String evidence = rs.getString("evidence");
            return new CommitmentChange(requiredInstant(rs, "changed_at"), rs.getString("dated"), rs.getString("actor"),
                    status(rs.getString("status_from")), status(rs.getString("status_to")), rs.getBoolean("deadline_changed"), date(rs, "deadline_from"),
                    date(rs, "deadline_to"), evidence == null ? null : new Evidence(evidence, rs.getString("evidence_url")), rs.getString("note"),
                    sources(rs.getString("sources"), known), rs.getString("verification"));
        }).list();
    }

    private static Commitment commitment(ResultSet rs, Map<String, Source> known) throws SQLException {
        String evidence = rs.getString("evidence");
        return new Commitment(rs.getString("id"), rs.getString("statement_id"), requiredDate(rs, "stated_day"), rs.getString("body"),
                rs.getString("owner_nation"),
                rs.getString("organization_id"), rs.getString("organization_note"), date(rs, "deadline"), rs.getString("deadline_note"),
                CommitmentStatus.valueOf(rs.getString("status")), evidence == null ? null : new Evidence(evidence, rs.getString("evidence_url")),
                sources(rs.getString("sources"), known), rs.getString("verification"), rs.getString("note"),
                requiredInstant(rs, "updated_at"), Label.parse(rs.getString("label")), null);
    }

    private static @Nullable CommitmentStatus status(@Nullable String s) {
        return s == null ? null : CommitmentStatus.valueOf(s);
    }
}
