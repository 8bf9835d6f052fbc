package org.kizuna.missions.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.missions.Assignment;
import org.kizuna.node.Columns;
import org.kizuna.registry.Organization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The assignments in the node's database (table {@code missions_assignment}); reads here are undecided, the service decides them. */
@Repository
class JdbcAssignments {

    static final int LABEL_LENGTH = 200;
    private static final String VALID_ON = "valid_from <= :day and (valid_to is null or valid_to > :day)";

    private final JdbcClient jdbc;
    private final Map<String, Label> labels = new ConcurrentHashMap<>();

    JdbcAssignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("select count(*) from missions_assignment").query(Long.class).single();
    }

    void insert(Assignment a, Instant at) {
        jdbc.sql("""
                insert into missions_assignment (id, area, region, organization_id, nation, role, task, division, valid_from, valid_to,
                    note, sources, verification, label, recorded_by, recorded_at)
                values (:id, :area, :region, :org, :nation, :role, :task, :division, :from, :to, :note, :sources, :verification, :label, :by, :at)""")
                .param("id", a.id())
                .param("area", a.area())
                .param("region", a.region())
                .param("org", a.organization())
                .param("nation", a.nation())
                .param("role", a.role().name())
                .param("task", a.task())
                .param("division", a.division())
                .param("from", a.validity().from())
                .param("to", a.validity().to())
                .param("note", a.provenance().note())
                .param("sources", String.join(",", a.provenance().sources()))
                .param("verification", a.provenance().verification())
                .param("label", a.label().banner())
                .param("by", a.recordedBy())
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }

    /** Sets the assignment's end (exclusive) and who set it; false when there is no such assignment. */
    boolean end(String id, LocalDate validTo, Assignment.Ended ended) {
        return jdbc.sql("update missions_assignment set valid_to = :to, ended_by = :by, ended_at = :at, end_note = :note where id = :id")
                .param("to", validTo)
                .param("by", ended.by())
                .param("at", java.sql.Timestamp.from(ended.at()))
                .param("note", ended.note())
                .param("id", id)
                .update() == 1;
    }

    Optional<Assignment> find(String id) {
        return jdbc.sql("select * from missions_assignment where id = :id").param("id", id).query((rs, n) -> assignment(rs)).optional();
    }

    /** The assignments valid on {@code day}. */
    List<Assignment> validOn(LocalDate day) {
        return jdbc.sql("select * from missions_assignment where " + VALID_ON + " order by area, region, role, nation, id")
                .param("day", day)
                .query((rs, n) -> assignment(rs))
                .list();
    }

    /** The assignments valid on {@code day}, and those that began or ended after {@code since} and up to {@code day}. */
    List<Assignment> validOnOrChangedBetween(LocalDate since, LocalDate day) {
        return jdbc.sql("select * from missions_assignment where (" + VALID_ON + ") or (valid_from > :since and valid_from <= :day)"
                + " or (valid_to > :since and valid_to <= :day) order by area, region, role, nation, id")
                .param("day", day)
                .param("since", since)
                .query((rs, n) -> assignment(rs))
                .list();
    }

    private Assignment assignment(ResultSet rs) throws SQLException {
        return new Assignment(rs.getString("id"), rs.getString("area"), rs.getString("region"), rs.getString("organization_id"),
                rs.getString("nation"), Assignment.Role.valueOf(rs.getString("role")), rs.getString("task"), rs.getString("division"),
                new Organization.Validity(date(rs.getDate("valid_from")), date(rs.getDate("valid_to"))),
                new Organization.Provenance(Columns.list(rs.getString("sources")), rs.getString("verification"), rs.getString("note")),
                rs.getString("recorded_by"), labels.computeIfAbsent(rs.getString("label"), Label::parse),
                rs.getString("ended_by") == null
                        ? null
                        : new Assignment.Ended(rs.getString("ended_by"), rs.getTimestamp("ended_at").toInstant(), rs.getString("end_note")));
    }

    private static @Nullable LocalDate date(@Nullable Date d) {
        return d == null ? null : d.toLocalDate();
    }

}
