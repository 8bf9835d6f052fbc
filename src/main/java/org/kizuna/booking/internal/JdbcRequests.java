package org.kizuna.booking.internal;

import static org.kizuna.node.Columns.instant;
import static org.kizuna.node.Columns.requiredInstant;
import static org.kizuna.node.Columns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.kizuna.booking.BookingRequest;
import org.kizuna.booking.NewRequest;
import org.kizuna.booking.RequestState;
import org.kizuna.label.Label;
import org.kizuna.node.Reason;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Booking requests, closures and agreed periods in the node's database (raw: reads for users go through the read path). */
@Repository
class JdbcRequests {

    /** The widths of booking_request.label and booking_request.reason (V50__booking.sql). */
    static final int LABEL_LENGTH = 200, REASON_LENGTH = 2000, REASON_CODE_LENGTH = 4000;

    private final JdbcClient jdbc;
    private final Map<String, Label> labels = new ConcurrentHashMap<>();

    JdbcRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Window(Instant start, Instant end) {
    }

    void insert(String id, NewRequest r, Label label, String nation, String zone, String requester) {
        insert(id, r, label, nation, zone, requester, null);
    }

    /** A new request; {@code hostNode} is the nation whose node it is sent to (which plans it), null when this node plans it. */
    void insert(String id, NewRequest r, Label label, String nation, String zone, String requester, @Nullable String hostNode) {
        jdbc.sql("""
                insert into booking_request (id, unit_id, nation, requester_zone, facilities, duration_minutes, earliest_start, latest_start,
                    preferred_start, priority, noisy, label, state, requested_by, created_at, host_node)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, r.unit(), nation, zone, String.join(",", r.facilities()), r.durationMinutes(), utc(r.earliestStart()),
                        utc(r.latestStart()), utc(r.preferredStart()), r.priority(), r.noisy(), label.banner(),
                        RequestState.PENDING.name(), requester, utc(Instant.now()))
                .param(hostNode).update();
    }

    /** The nation whose node the request was sent to (its facilities' host, which plans it), if it was sent. */
    Optional<String> hostNode(String id) {
        return jdbc.sql("select host_node from booking_request where id = ?").param(id).query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional()
                .flatMap(o -> o);
    }

    /** The requests filed on this node and sent to the host's node whose booking has not come back yet (not planned here). */
    java.util.Set<String> awaitingHost() {
        return new java.util.HashSet<>(jdbc.sql("select id from booking_request where host_node is not null and replica_of is null")
                .query(String.class).list());
    }

    void setHostNode(String id, @Nullable String hostNode) {
        jdbc.sql("update booking_request set host_node = ? where id = ?").param(hostNode).param(id).update();
    }

    Optional<BookingRequest> find(String id) {
        return jdbc.sql("select * from booking_request where id = ?").param(id).query((rs, n) -> request(rs)).optional();
    }

    List<BookingRequest> all() {
        return jdbc.sql("select * from booking_request order by created_at, id").query((rs, n) -> request(rs)).list();
    }

    List<BookingRequest> active() {
        return jdbc.sql("select * from booking_request where state in ('PENDING', 'BOOKED', 'REFUSED') order by created_at, id")
                .query((rs, n) -> request(rs)).list();
    }

    /** A reason cut to its column: the whole reason when it fits, else its start and an ellipsis. */
    static @Nullable String fitReason(@Nullable String reason) {
        if (reason == null || reason.length() <= REASON_LENGTH) return reason;
        return reason.substring(0, REASON_LENGTH - 1) + "\u2026";
    }

    /**
     * A request's outcome; its reason is kept twice: in English ({@code reason}, what partners' replicas, logs and rows
     * written before carry) and as a code with arguments ({@code reason_code}, told in each reader's language), the
     * latter left empty where it would not fit its column.
     */
    void setOutcome(String id, RequestState state, @Nullable Reason why, @Nullable String facility, @Nullable Instant start, @Nullable Instant end) {
        String reason = why == null ? null : fitReason(why.english());
        String code = why == null ? null : why.stored();
        if (code != null && code.length() > REASON_CODE_LENGTH) code = null;
        jdbc.sql("update booking_request set state = ?, reason = ?, reason_code = ?, facility_id = ?, starts_at = ?, ends_at = ? where id = ?")
                .param(state.name()).param(reason).param(code).param(facility).param(utc(start)).param(utc(end)).param(id).update();
    }

    void setPreferred(String id, Instant preferred) {
        jdbc.sql("update booking_request set preferred_start = ? where id = ?").params(utc(preferred), id).update();
    }

    void setConfirmed(String id, boolean confirmed) {
        jdbc.sql("update booking_request set confirmed = ? where id = ?").params(confirmed, id).update();
    }

    /** The times of the bookings at a facility that overlap [from, to), whoever holds them. */
    List<Window> booked(String facility, Instant from, Instant to) {
        return jdbc.sql("select starts_at, ends_at from booking_request where state = 'BOOKED' and facility_id = ? and starts_at < ? and ends_at > ?")
                .params(facility, utc(to), utc(from))
                .query((rs, n) -> new Window(requiredInstant(rs, "starts_at"), requiredInstant(rs, "ends_at"))).list();
    }

    List<Window> closures(String facility) {
        return jdbc.sql("select starts_at, ends_at from booking_closure where facility_id = ?").param(facility)
                .query((rs, n) -> new Window(requiredInstant(rs, "starts_at"), requiredInstant(rs, "ends_at"))).list();
    }

    List<Window> agreedPeriods(String facility) {
        return jdbc.sql("select starts_at, ends_at from booking_agreed_period where facility_id = ?").param(facility)
                .query((rs, n) -> new Window(requiredInstant(rs, "starts_at"), requiredInstant(rs, "ends_at"))).list();
    }

    void addClosure(String facility, Instant start, Instant end, String reason) {
        jdbc.sql("insert into booking_closure (facility_id, starts_at, ends_at, reason) values (?, ?, ?, ?)")
                .params(facility, utc(start), utc(end), reason).update();
    }

    void addAgreedPeriod(String facility, Instant start, Instant end) {
        jdbc.sql("insert into booking_agreed_period (facility_id, starts_at, ends_at) values (?, ?, ?)")
                .params(facility, utc(start), utc(end)).update();
    }

    /** The times of the noisy bookings at a facility that overlap [from, to), whoever holds them. */
    List<Window> bookedNoisy(String facility, Instant from, Instant to) {
        return jdbc.sql("""
                select starts_at, ends_at from booking_request
                where state = 'BOOKED' and noisy = true and facility_id = ? and starts_at < ? and ends_at > ?""")
                .params(facility, utc(to), utc(from))
                .query((rs, n) -> new Window(requiredInstant(rs, "starts_at"), requiredInstant(rs, "ends_at"))).list();
    }

    /** Every facility's noise budget, in noisy half-hours per local month. */
    Map<String, Integer> noiseBudgets() {
        Map<String, Integer> out = new HashMap<>();
        jdbc.sql("select facility_id, half_hours_per_month from booking_noise_budget")
                .query((RowCallbackHandler) rs -> out.put(rs.getString(1), rs.getInt(2)));
        return out;
    }

    /** Sets a facility's noise budget (null removes it). */
    void setNoiseBudget(String facility, @Nullable Integer halfHoursPerMonth) {
        jdbc.sql("delete from booking_noise_budget where facility_id = ?").param(facility).update();
        if (halfHoursPerMonth != null) {
            jdbc.sql("insert into booking_noise_budget (facility_id, half_hours_per_month) values (?, ?)").params(facility, halfHoursPerMonth).update();
        }
    }

    int capacity(String facility) {
        return jdbc.sql("select capacity from booking_capacity where facility_id = ?").param(facility).query(Integer.class).optional().orElse(1);
    }

    /** Takes the node's planner lock until the transaction ends (a replica of the node that holds it makes others wait). */
    void lockPlanner() {
        jdbc.sql("select id from booking_planner_lock where id = 1 for update").query(Integer.class).single();
    }

    long count() {
        return jdbc.sql("select count(*) from booking_request").query(Long.class).single();
    }

    // ---- federation

    /** Raises the request's share version (the version partners' nodes replace their replica by) and answers it. */
    long bumpShareVersion(String id) {
        jdbc.sql("update booking_request set share_version = share_version + 1 where id = ?").param(id).update();
        return jdbc.sql("select share_version from booking_request where id = ?").param(id).query(Long.class).single();
    }

    /** The ids of the requests filed on this node and shared, after {@code afterId} in id order, at most {@code limit}. */
    List<String> ownSharedIds(String afterId, int limit) {
        return jdbc.sql("select id from booking_request where replica_of is null and share_version > 0 and id > ? order by id limit ?")
                .params(afterId, limit).query((rs, n) -> rs.getString(1)).list();
    }

    long shareVersion(String id) {
        return jdbc.sql("select share_version from booking_request where id = ?").param(id).query(Long.class).optional().orElse(0L);
    }

    /** Stores a partner node's request as a read-only replica over what this node held of it. */
    void storeReplica(BookingRequest b, String from, long version, boolean existed) {
        if (existed) delete(b.id());
        jdbc.sql("""
                insert into booking_request (id, unit_id, nation, requester_zone, facilities, duration_minutes, earliest_start, latest_start,
                    preferred_start, priority, noisy, label, state, reason, facility_id, starts_at, ends_at, confirmed, requested_by, created_at,
                    share_version, replica_of, reason_code)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(b.id()).param(b.unit()).param(b.nation()).param(b.requesterZone()).param(String.join(",", b.facilities()))
                .param(b.durationMinutes()).param(utc(b.earliestStart())).param(utc(b.latestStart())).param(utc(b.preferredStart())).param(b.priority())
                .param(b.noisy()).param(b.label().banner()).param(b.state().name()).param(fitReason(b.reason())).param(b.facility()).param(utc(b.start()))
                .param(utc(b.end())).param(b.confirmed()).param(b.requestedBy()).param(utc(Instant.now())).param(version).param(from)
                .param(b.reasonCode() != null && b.reasonCode().length() <= REASON_CODE_LENGTH ? b.reasonCode() : null).update();
    }

    void delete(String id) {
        jdbc.sql("delete from booking_request where id = ?").param(id).update();
    }

    private BookingRequest request(ResultSet rs) throws SQLException {
        String f = rs.getString("facility_id");
        return new BookingRequest(rs.getString("id"), rs.getString("unit_id"), rs.getString("nation"), rs.getString("requester_zone"),
                Arrays.asList(rs.getString("facilities").split(",")), rs.getInt("duration_minutes"), requiredInstant(rs, "earliest_start"),
                requiredInstant(rs, "latest_start"), requiredInstant(rs, "preferred_start"), rs.getInt("priority"), rs.getBoolean("noisy"),
                labels.computeIfAbsent(rs.getString("label"), Label::parse), RequestState.valueOf(rs.getString("state")),
                rs.getString("reason"), f, instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getBoolean("confirmed"), rs.getString("requested_by"),
                rs.getString("replica_of"), rs.getString("reason_code"));
    }
}
