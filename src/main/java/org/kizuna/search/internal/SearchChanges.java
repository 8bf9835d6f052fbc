package org.kizuna.search.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.kizuna.node.LeastRecentlyUsed;
import org.kizuna.search.SearchableChanged;
import org.kizuna.search.SearchableRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search index's changes shared with the other replicas of the node on the same database ({@code search_change}): a
 * replica writes each change it indexed (the event in the node's JSON, as the event publication registry keeps it, labels and all), and
 * takes the other replicas' every {@code interval}. A change is taken once (its sequence number is remembered for the
 * window it can be seen in), whatever the order in which the replicas' transactions committed; rows older than
 * {@link #KEPT} are deleted. A replica that starts builds its index from the records themselves.
 */
final class SearchChanges {

    private static final Logger log = LoggerFactory.getLogger(SearchChanges.class);
    /** How long a change is kept for the others. */
    static final Duration KEPT = Duration.ofMinutes(10);
    /** How far back each look goes: a change committed this long after it was written is still taken. */
    static final Duration WINDOW = Duration.ofSeconds(30);
    /** The most changes taken in one look; a look that finds this many looks again at once. */
    static final int PAGE = 1000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final String origin = UUID.randomUUID().toString();
    private final LeastRecentlyUsed<Long, Boolean> taken = new LeastRecentlyUsed<>(100_000);
    private Instant since;
    private Instant lastCleanup = Instant.EPOCH;

    SearchChanges(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.since = now().minus(WINDOW);
    }

    /** Writes a change this replica indexed, for the others. */
    void wrote(SearchableChanged changed) {
        insert(false, json.writeValueAsString(changed));
    }

    /** Writes a removal this replica indexed, for the others. */
    void wrote(SearchableRemoved removed) {
        insert(true, json.writeValueAsString(removed));
    }

    private void insert(boolean removed, String payload) {
        jdbc.sql("insert into search_change (origin, removed, payload) values (?, ?, ?)").param(origin).param(removed).param(payload).update();
    }

    /** Takes the other replicas' changes written since the last look; answers how many it took. */
    synchronized int take(Consumer<SearchableChanged> changed, Consumer<SearchableRemoved> removed) {
        Instant now = now();
        Instant from = since.minus(WINDOW);
        int applied = 0;
        long after = -1;
        while (true) {
            record Row(long seq, String origin, boolean removed, String payload) {
            }
            List<Row> rows = jdbc.sql("select seq, origin, removed, payload from search_change where at > ? and seq > ? order by seq limit " + PAGE)
                    .param(Timestamp.from(from)).param(after).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)))
                    .list();
            for (Row r : rows) {
                after = r.seq();
                if (taken.put(r.seq(), Boolean.TRUE) != null || r.origin().equals(origin)) continue;
                try {
                    if (r.removed()) removed.accept(json.readValue(r.payload(), SearchableRemoved.class));
                    else changed.accept(json.readValue(r.payload(), SearchableChanged.class));
                    applied++;
                } catch (RuntimeException e) {
                    log.error("search: another replica's change {} could not be taken: {}", r.seq(), e.toString());
                }
            }
            if (rows.size() < PAGE) break;
        }
        since = now;
        if (Duration.between(lastCleanup, now).compareTo(Duration.ofMinutes(1)) > 0) {
            jdbc.sql("delete from search_change where at < ?").param(Timestamp.from(now.minus(KEPT))).update();
            lastCleanup = now;
        }
        return applied;
    }

    /** The database's time: the replicas' clocks may differ, the rows' times are the database's. */
    private Instant now() {
        return jdbc.sql("select current_timestamp").query(Timestamp.class).single().toInstant();
    }
}
