package org.kizuna.authority.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.kizuna.authority.LevelSetting;
import org.kizuna.authority.SupportRequest;
import org.kizuna.label.Label;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Level settings and support requests in the node's database; reads here are undecided, the service decides them. */
@Repository
class JdbcAuthority {

    static final int LABEL_LENGTH = 200;
    static final int REASON_LENGTH = 1000;

    private final JdbcClient jdbc;
    private final Map<String, Label> labels = new ConcurrentHashMap<>();

    JdbcAuthority(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(LevelSetting s) {
        jdbc.sql("insert into authority_level (id, region, level, note, set_by, set_at, label) values (:id, :region, :level, :note, :by, :at, :label)")
                .param("id", s.id())
                .param("region", s.region())
                .param("level", s.level())
                .param("note", s.note())
                .param("by", s.setBy())
                .param("at", Timestamp.from(s.setAt()))
                .param("label", s.label().banner())
                .update();
    }

    /** Every setting, oldest first (by time set, then by the order stored). */
    List<LevelSetting> levels() {
        return jdbc.sql("select * from authority_level order by set_at, seq").query((rs, n) -> level(rs)).list();
    }

    List<LevelSetting> levels(String region) {
        return jdbc.sql("select * from authority_level where region = :region order by set_at, seq").param("region", region)
                .query((rs, n) -> level(rs)).list();
    }

    long levelCount() {
        return jdbc.sql("select count(*) from authority_level").query(Long.class).single();
    }

    /** A request; {@code sentTo} the nation whose node decides it, {@code fromNode} the nation whose node sent it here (either or none). */
    void insert(SupportRequest r, @Nullable String sentTo, @Nullable String fromNode) {
        jdbc.sql("""
                insert into authority_support_request (id, from_nation, to_nation, kind, region, needed_from, needed_to, description, outcome,
                    reason, basis, level, requested_by, requested_at, label, sent_to, from_node)
                values (:id, :from, :to, :kind, :region, :neededFrom, :neededTo, :description, :outcome, :reason, :basis, :level, :by, :at, :label,
                    :sentTo, :fromNode)""")
                .param("id", r.id())
                .param("from", r.fromNation())
                .param("to", r.toNation())
                .param("kind", r.kind())
                .param("region", r.region())
                .param("neededFrom", r.neededFrom())
                .param("neededTo", r.neededTo())
                .param("description", r.description())
                .param("outcome", r.outcome().name())
                .param("reason", fit(r.reason(), REASON_LENGTH))
                .param("basis", fit(r.basis(), 500))
                .param("level", r.level())
                .param("by", r.requestedBy())
                .param("at", Timestamp.from(r.requestedAt()))
                .param("label", r.label().banner())
                .param("sentTo", sentTo)
                .param("fromNode", fromNode)
                .update();
    }

    void insert(SupportRequest r) {
        insert(r, null, null);
    }

    /** The nation whose node a request filed here was sent to for a decision, if it was. */
    Optional<String> sentTo(String id) {
        return jdbc.sql("select sent_to from authority_support_request where id = :id").param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    /** The nation whose node sent this node a request for a decision, if it did. */
    Optional<String> fromNode(String id) {
        return jdbc.sql("select from_node from authority_support_request where id = :id").param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    /** The decision of the node a pending request was sent to; false when it is no longer pending. */
    boolean decidedThere(String id, SupportRequest.Outcome outcome, String by, Instant at, String note, @Nullable String code) {
        return jdbc.sql("""
                update authority_support_request set outcome = :outcome, decided_by = :by, decided_at = :at, decision_note = :note, decision_code = :code
                where id = :id and outcome = 'PENDING_DECISION'""")
                .param("outcome", outcome.name())
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("note", fit(note, 500))
                .param("code", code != null && code.length() <= 4000 ? code : null)
                .param("id", id)
                .update() == 1;
    }

    /** A request that could not be sent for a decision, checked here after all. */
    void decideHere(String id, SupportRequest.Outcome outcome, String reason, String basis, String level) {
        jdbc.sql("update authority_support_request set sent_to = null, outcome = :outcome, reason = :reason, basis = :basis, level = :level where id = :id")
                .param("outcome", outcome.name())
                .param("reason", fit(reason, REASON_LENGTH))
                .param("basis", fit(basis, 500))
                .param("level", level)
                .param("id", id)
                .update();
    }

    /** Records a decision on a pending request; false when it is no longer pending (someone decided first). */
    boolean decide(String id, SupportRequest.Outcome outcome, String by, Instant at, String note) {
        return jdbc.sql("""
                update authority_support_request set outcome = :outcome, decided_by = :by, decided_at = :at, decision_note = :note
                where id = :id and outcome = 'PENDING_DECISION'""")
                .param("outcome", outcome.name())
                .param("by", by)
                .param("at", Timestamp.from(at))
                .param("note", note)
                .param("id", id)
                .update() == 1;
    }

    Optional<SupportRequest> request(String id) {
        return jdbc.sql("select * from authority_support_request where id = :id").param("id", id).query((rs, n) -> request(rs)).optional();
    }

    List<SupportRequest> requests() {
        return jdbc.sql("select * from authority_support_request order by requested_at desc, id").query((rs, n) -> request(rs)).list();
    }

    long requestCount() {
        return jdbc.sql("select count(*) from authority_support_request").query(Long.class).single();
    }

    private LevelSetting level(ResultSet rs) throws SQLException {
        return new LevelSetting(rs.getString("id"), rs.getString("region"), rs.getString("level"), rs.getString("note"), rs.getString("set_by"),
                rs.getTimestamp("set_at").toInstant(), label(rs));
    }

    private SupportRequest request(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new SupportRequest(rs.getString("id"), rs.getString("from_nation"), rs.getString("to_nation"), rs.getString("kind"),
                rs.getString("region"), rs.getDate("needed_from").toLocalDate(), rs.getDate("needed_to").toLocalDate(), rs.getString("description"),
                SupportRequest.Outcome.valueOf(rs.getString("outcome")), rs.getString("reason"), rs.getString("basis"), rs.getString("level"),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(), rs.getString("decision_note"), label(rs),
                rs.getString("sent_to") != null ? rs.getString("sent_to") : rs.getString("from_node"), rs.getString("decision_code"));
    }

    private Label label(ResultSet rs) throws SQLException {
        return labels.computeIfAbsent(rs.getString("label"), Label::parse);
    }

    private static String fit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    static @Nullable String orNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
