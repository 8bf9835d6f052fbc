package org.kizuna.federation.internal;

import static org.kizuna.node.Columns.utc;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What of the picture goes to each peer, as this node's administrator agreed with it ({@code federation_peer_exchange},
 * V140): {@link #TRACKS} for a peer without a row. Read once and kept; every change goes through here.
 */
class PeerAgreements {

    static final String TRACKS = "tracks", OBSERVATIONS = "observations";

    private final JdbcClient jdbc;
    private volatile Map<String, String> byNation = Map.of();
    private volatile boolean loaded;

    PeerAgreements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The agreement with a peer: {@link #TRACKS} unless {@link #OBSERVATIONS} was agreed. */
    String of(String nation) {
        if (!loaded) load();
        return byNation.getOrDefault(nation, TRACKS);
    }

    synchronized void set(String nation, String exchange, String decidedBy, Instant at) {
        if (!TRACKS.equals(exchange) && !OBSERVATIONS.equals(exchange)) throw new IllegalArgumentException("an exchange is tracks or observations");
        int n = jdbc.sql("update federation_peer_exchange set exchange = ?, decided_by = ?, decided_at = ? where nation = ?").param(exchange)
                .param(decidedBy).param(utc(at)).param(nation).update();
        if (n == 0) {
            jdbc.sql("insert into federation_peer_exchange (nation, exchange, decided_by, decided_at) values (?, ?, ?, ?)").param(nation).param(exchange)
                    .param(decidedBy).param(utc(at)).update();
        }
        load();
    }

    private synchronized void load() {
        Map<String, String> m = new HashMap<>();
        jdbc.sql("select nation, exchange from federation_peer_exchange").query((rs, i) -> m.put(rs.getString(1), rs.getString(2))).list();
        byNation = Map.copyOf(m);
        loaded = true;
    }
}
