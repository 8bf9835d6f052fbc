package org.kizuna.federation.internal;

import static org.kizuna.node.Columns.instant;
import static org.kizuna.node.Columns.requiredInstant;
import static org.kizuna.node.Columns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Peers, the changes pending, the per-peer outbox, the link cursors and the replicas in the node's database
 * (V100__federation.sql, V137__federation_pending.sql). What the way out writes for a group of changes is written with
 * JDBC batches.
 */
class JdbcFederation {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    JdbcFederation(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    record Peer(String nation, String address, String caCertificate, String fingerprint, String state, @Nullable String decidedBy,
            @Nullable Instant decidedAt, Instant createdAt) {

        boolean approved() {
            return "approved".equals(state);
        }
    }

    record Queued(long seq, String kind, String itemId, long version, Envelope envelope, Instant createdAt) {
    }

    record Cursor(long nextSeq, long acked, long received) {
    }

    record Replica(String kind, String itemId, String ownerNode, long version, String banner, String data) {
    }

    private JdbcClient.StatementSpec sql(String sql, @Nullable Object... values) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        for (Object v : values) spec = spec.param(v);
        return spec;
    }

    // ---- peers

    List<Peer> peers() {
        return jdbc.sql("select * from federation_peer order by nation").query((rs, n) -> peer(rs)).list();
    }

    Optional<Peer> peer(String nation) {
        return jdbc.sql("select * from federation_peer where nation = ?").param(nation).query((rs, n) -> peer(rs)).optional();
    }

    void upsertPeer(Peer p) {
        int n = sql("update federation_peer set address = ?, ca_certificate = ?, fingerprint = ?, state = ?, decided_by = ?, decided_at = ? where nation = ?",
                p.address(), p.caCertificate(), p.fingerprint(), p.state(), p.decidedBy(), p.decidedAt() == null ? null : utc(p.decidedAt()), p.nation())
                .update();
        if (n == 0) {
            sql("insert into federation_peer (nation, address, ca_certificate, fingerprint, state, decided_by, decided_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    p.nation(), p.address(), p.caCertificate(), p.fingerprint(), p.state(), p.decidedBy(), p.decidedAt() == null ? null : utc(p.decidedAt()),
                    utc(p.createdAt())).update();
        }
    }

    private static Peer peer(ResultSet rs) throws SQLException {
        return new Peer(rs.getString("nation"), rs.getString("address"), rs.getString("ca_certificate"), rs.getString("fingerprint"), rs.getString("state"),
                rs.getString("decided_by"), instant(rs, "decided_at"), requiredInstant(rs, "created_at"));
    }

    // ---- cursors

    Cursor cursor(String peer) {
        return jdbc.sql("select next_seq, acked, received from federation_cursor where peer = ?").param(peer)
                .query((rs, n) -> new Cursor(rs.getLong(1), rs.getLong(2), rs.getLong(3))).optional().orElseGet(() -> {
                    jdbc.sql("insert into federation_cursor (peer, next_seq, acked, received) values (?, 1, 0, 0)").param(peer).update();
                    return new Cursor(1, 0, 0);
                });
    }

    void setNextSeq(String peer, long next) {
        sql("update federation_cursor set next_seq = ? where peer = ?", next, peer).update();
    }

    /** Records the peer's acknowledgement and forgets what it covers. */
    void acknowledge(String peer, long seq) {
        sql("update federation_cursor set acked = ? where peer = ? and acked < ?", seq, peer, seq).update();
        sql("delete from federation_outbox where peer = ? and seq <= ?", peer, seq).update();
    }

    void setReceived(String peer, long seq) {
        sql("update federation_cursor set received = ? where peer = ?", seq, peer).update();
    }

    // ---- changes pending (federation's transactional outbox of ShareableChanged)

    /** A change an owner module published, as JSON, waiting to pass the guard for the peers. */
    record PendingChange(long id, String event) {
    }

    /** Writes a change in the current transaction (the owner's). */
    void addPending(String event, Instant at) {
        sql("insert into federation_pending (event, created_at) values (?, ?)", event, utc(at)).update();
    }

    /** How many changes are pending (not yet through the guard). */
    long pendingCount() {
        return sql("select count(*) from federation_pending").query(Long.class).single();
    }

    /** The oldest changes due (in the order written), at most {@code limit}. */
    List<PendingChange> pending(int limit, Instant now) {
        return sql("select id, event from federation_pending where retry_at is null or retry_at <= ? order by id limit ?", utc(now), limit)
                .query((rs, n) -> new PendingChange(rs.getLong(1), rs.getString(2))).list();
    }

    void deletePending(List<Long> ids) {
        batches.batchUpdate("delete from federation_pending where id = ?", ids.stream().map(id -> new Object[]{id}).toList());
    }

    /** A change that failed alone waits until {@code at} before it is tried again. */
    void retryPendingAt(long id, Instant at) {
        sql("update federation_pending set retry_at = ? where id = ?", utc(at), id).update();
    }

    // ---- outbox

    void enqueue(String peer, long seq, String kind, String itemId, long version, Envelope e, Instant at) {
        sql("insert into federation_outbox (peer, seq, kind, item_id, version, data, banner, digest, signature, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                peer, seq, kind, itemId, version, e.data(), e.banner(), e.digest(), e.signature(), utc(at)).update();
    }

    /** An envelope to queue ({@link #enqueueAll}). */
    record ToQueue(String peer, long seq, String kind, String itemId, long version, Envelope envelope, Instant at) {
    }

    /** Queues these envelopes with one JDBC batch. */
    void enqueueAll(List<ToQueue> rows) {
        if (rows.isEmpty()) return;
        batches.batchUpdate(
                "insert into federation_outbox (peer, seq, kind, item_id, version, data, banner, digest, signature, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows.stream().map(r -> new Object[]{r.peer(), r.seq(), r.kind(), r.itemId(), r.version(), r.envelope().data(), r.envelope().banner(),
                        r.envelope().digest(), r.envelope().signature(), utc(r.at())}).toList());
    }

    List<Queued> after(String peer, long seq, int limit) {
        return sql("select * from federation_outbox where peer = ? and seq > ? order by seq limit ?", peer, seq, limit).query((rs, n) -> new Queued(
                rs.getLong("seq"), rs.getString("kind"), rs.getString("item_id"), rs.getLong("version"),
                new Envelope(rs.getString("data"), rs.getString("banner"), rs.getString("digest"), rs.getString("signature")),
                requiredInstant(rs, "created_at"))).list();
    }

    long queued(String peer) {
        return sql("select count(*) from federation_outbox where peer = ?", peer).query(Long.class).single();
    }

    @Nullable
    Instant oldestQueued(String peer) {
        return sql("select min(created_at) as oldest from federation_outbox where peer = ?", peer).query((rs, n) -> instant(rs, "oldest")).optional()
                .orElse(null);
    }

    // ---- what was shared

    /**
     * The versions last sent to the peer of these items (kind and id), keyed by {@link #itemKey} (an item never sent has
     * none): one query by item id for up to 1,000 ids (V138__federation_item_indexes.sql).
     */
    Map<String, Long> sharedVersions(String peer, Collection<Map.Entry<String, String>> items) {
        return versions("select kind, item_id, version, peer from federation_shared where item_id in (%s)", peer, items);
    }

    /**
     * Versions of the rows {@code sql} answers (kind, item id, version and, where {@code peer} is given, the peer) for
     * these items, in chunks of 1,000 ids; rows of other kinds or peers are left out here. The condition is on the item
     * id alone, so that H2 looks each id up in the item id's index (it uses an index for a list only on its first column).
     */
    private Map<String, Long> versions(String sql, @Nullable String peer, Collection<Map.Entry<String, String>> items) {
        java.util.Set<String> wanted = new java.util.HashSet<>();
        java.util.Set<String> idSet = new java.util.LinkedHashSet<>();
        for (Map.Entry<String, String> i : items) {
            wanted.add(itemKey(i.getKey(), i.getValue()));
            idSet.add(i.getValue());
        }
        List<String> ids = List.copyOf(idSet);
        Map<String, Long> versions = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            sql(String.format(java.util.Locale.ROOT, sql, String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"))), chunk.toArray())
                    .query((rs, n) -> {
                        String key = itemKey(rs.getString(1), rs.getString(2));
                        if (wanted.contains(key) && (peer == null || peer.equals(rs.getString(4)))) versions.put(key, rs.getLong(3));
                        return null;
                    }).list();
        }
        return versions;
    }

    static String itemKey(String kind, String itemId) {
        return kind + "/" + itemId;
    }

    /** What was last sent to a peer of an item ({@link #setSharedAll}); {@code existed}: the peer had been sent a version before. */
    record Shared(String peer, String kind, String itemId, long version, boolean existed, @Nullable String released) {
    }

    /** Records what was last sent, with one JDBC batch of inserts and one of updates. */
    void setSharedAll(Collection<Shared> rows) {
        List<Object[]> inserts = new ArrayList<>(), updates = new ArrayList<>();
        for (Shared r : rows) {
            if (r.existed()) {
                updates.add(new Object[]{r.version(), r.released(), r.peer(), r.kind(), r.itemId()});
            } else {
                inserts.add(new Object[]{r.peer(), r.kind(), r.itemId(), r.version(), r.released()});
            }
        }
        if (!inserts.isEmpty()) {
            batches.batchUpdate("insert into federation_shared (peer, kind, item_id, version, released) values (?, ?, ?, ?, ?)", inserts);
        }
        if (!updates.isEmpty()) {
            batches.batchUpdate("update federation_shared set version = ?, released = ? where peer = ? and kind = ? and item_id = ?", updates);
        }
    }

    /** What the peer was last sent of an item this node owns (JSON of its header and released part ids); empty if never sent or withdrawn. */
    Optional<String> released(String peer, String kind, String itemId) {
        return sql("select released from federation_shared where peer = ? and kind = ? and item_id = ?", peer, kind, itemId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    // ---- replicas

    /** The versions of the replicas held of these items (kind and id), keyed by {@link #itemKey}: one query by item id. */
    Map<String, Long> replicaVersions(Collection<Map.Entry<String, String>> items) {
        return versions("select kind, item_id, version from federation_replica where item_id in (%s)", null, items);
    }

    /** A replica to keep ({@link #upsertReplicas}); {@code existed}: a version of it was held before. */
    record ReplicaWrite(Replica replica, boolean existed) {
    }

    /** Keeps these replicas with one JDBC batch of inserts and one of updates. */
    void upsertReplicas(Collection<ReplicaWrite> rows, String signer, Instant at) {
        List<Object[]> inserts = new ArrayList<>(), updates = new ArrayList<>();
        for (ReplicaWrite w : rows) {
            Replica r = w.replica();
            if (w.existed()) {
                updates.add(new Object[]{r.ownerNode(), r.version(), r.banner(), r.data(), signer, utc(at), r.kind(), r.itemId()});
            } else {
                inserts.add(new Object[]{r.kind(), r.itemId(), r.ownerNode(), r.version(), r.banner(), r.data(), signer, utc(at)});
            }
        }
        if (!inserts.isEmpty()) {
            batches.batchUpdate(
                    "insert into federation_replica (kind, item_id, owner_node, version, banner, data, signer, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    inserts);
        }
        if (!updates.isEmpty()) {
            batches.batchUpdate(
                    "update federation_replica set owner_node = ?, version = ?, banner = ?, data = ?, signer = ?, received_at = ? where kind = ? and item_id = ?",
                    updates);
        }
    }

    /** The node that sent this node its replica of the item, if it holds one. */
    Optional<String> replicaOwner(String kind, String itemId) {
        return sql("select owner_node from federation_replica where kind = ? and item_id = ?", kind, itemId).query(String.class).optional();
    }

    List<Replica> replicas() {
        return jdbc.sql("select kind, item_id, owner_node, version, banner, data from federation_replica order by kind, item_id")
                .query((rs, n) -> new Replica(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6))).list();
    }

    // ---- requests

    record Request(String direction, String peer, String id, String kind, String aboutKind, String aboutId, String header, String state,
            @Nullable String reason, @Nullable String reasonCode, Instant createdAt, @Nullable Instant answeredAt) {
    }

    void insertRequest(Request r) {
        sql("insert into federation_request (direction, peer, id, kind, about_kind, about_id, header, state, reason, reason_code, created_at, answered_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.direction(), r.peer(), r.id(), r.kind(), r.aboutKind(), r.aboutId(), r.header(), r.state(),
                r.reason(), fitting(r.reasonCode()), utc(r.createdAt()), r.answeredAt() == null ? null : utc(r.answeredAt())).update();
    }

    Optional<Request> request(String direction, String peer, String id) {
        return sql("select * from federation_request where direction = ? and peer = ? and id = ?", direction, peer, id).query((rs, n) -> request(rs))
                .optional();
    }

    boolean requestSent(String id) {
        return sql("select count(*) from federation_request where direction = 'out' and id = ?", id).query(Long.class).single() > 0;
    }

    void answerRequest(String direction, String peer, String id, String state, @Nullable String reason, @Nullable String reasonCode, Instant at) {
        sql("update federation_request set state = ?, reason = ?, reason_code = ?, answered_at = ? where direction = ? and peer = ? and id = ?", state,
                reason, fitting(reasonCode), utc(at), direction, peer, id).update();
    }

    /** A stored reason code where it fits its column; else none (the English reason is shown as it is). */
    private static @Nullable String fitting(@Nullable String reasonCode) {
        return reasonCode == null || reasonCode.length() > 4000 ? null : reasonCode;
    }

    List<Request> requestsAbout(String direction, String aboutKind, String aboutId) {
        return sql("select * from federation_request where direction = ? and about_kind = ? and about_id = ? order by created_at, id", direction, aboutKind,
                aboutId).query((rs, n) -> request(rs)).list();
    }

    private static Request request(ResultSet rs) throws SQLException {
        return new Request(rs.getString("direction"), rs.getString("peer"), rs.getString("id"), rs.getString("kind"), rs.getString("about_kind"),
                rs.getString("about_id"), rs.getString("header"), rs.getString("state"), rs.getString("reason"), rs.getString("reason_code"),
                requiredInstant(rs, "created_at"), instant(rs, "answered_at"));
    }
}
