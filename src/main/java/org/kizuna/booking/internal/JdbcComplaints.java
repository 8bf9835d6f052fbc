package org.kizuna.booking.internal;

import static org.kizuna.node.Columns.instant;
import static org.kizuna.node.Columns.requiredInstant;
import static org.kizuna.node.Columns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kizuna.booking.Complaint;
import org.kizuna.booking.NewComplaint;
import org.kizuna.label.Label;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Neighbours' complaints as stored: what was recorded, with the facilities near the place, and the action taken. */
@Repository
class JdbcComplaints {

    /** The most complaints one list returns, newest first. */
    static final int MOST = 500;

    private final JdbcClient jdbc;

    JdbcComplaints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A complaint as stored, before any reader's links are added. */
    record Row(String id, List<String> facilities, @Nullable Double latitude, @Nullable Double longitude, Instant occurredAt, Complaint.Kind kind,
            String source, String description, Label label, String recordedBy, Instant recordedAt, @Nullable String action,
            @Nullable String actionBy, @Nullable Instant actionAt) implements org.kizuna.label.Labelled {
    }

    void insert(String id, List<String> facilities, NewComplaint c, Label label, String by, Instant at) {
        jdbc.sql("""
                insert into booking_complaint (id, facilities, latitude, longitude, occurred_at, kind, source, description, label, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(id).param(String.join(",", facilities)).param(c.latitude()).param(c.longitude()).param(utc(c.occurredAt()))
                .param(c.kind().name()).param(c.source()).param(c.description()).param(label.banner()).param(by).param(utc(at))
                .update();
    }

    Optional<Row> find(String id) {
        return jdbc.sql("select * from booking_complaint where id = ?").param(id).query((rs, n) -> row(rs)).optional();
    }

    /** The newest complaints that happened in [from, to) (either may be null), at most {@link #MOST}. */
    List<Row> between(@Nullable Instant from, @Nullable Instant to) {
        return jdbc.sql("select * from booking_complaint where occurred_at >= ? and occurred_at < ? order by occurred_at desc, id limit ?")
                .params(utc(from == null ? Instant.EPOCH : from), utc(to == null ? Instant.parse("9999-01-01T00:00:00Z") : to), MOST)
                .query((rs, n) -> row(rs)).list();
    }

    void setAction(String id, String action, String by, Instant at) {
        jdbc.sql("update booking_complaint set action = ?, action_by = ?, action_at = ? where id = ?").params(action, by, utc(at), id).update();
    }

    private static Row row(ResultSet rs) throws SQLException {
        double lat = rs.getDouble("latitude");
        Double latitude = rs.wasNull() ? null : lat;
        double lon = rs.getDouble("longitude");
        Double longitude = rs.wasNull() ? null : lon;
        return new Row(rs.getString("id"), Arrays.asList(rs.getString("facilities").split(",")), latitude, longitude,
                requiredInstant(rs, "occurred_at"), Complaint.Kind.valueOf(rs.getString("kind")), rs.getString("source"),
                rs.getString("description"), Label.parse(rs.getString("label")), rs.getString("recorded_by"), requiredInstant(rs, "recorded_at"),
                rs.getString("action"), rs.getString("action_by"), instant(rs, "action_at"));
    }
}
