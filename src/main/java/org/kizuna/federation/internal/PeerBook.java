package org.kizuna.federation.internal;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The node's peers as last read from the database, with their CA certificates parsed; read again whenever an
 * administrator changes one. Whoever keeps links (and the outbound guard) asks it who is approved now. It reads them on
 * first use too, should anything ask before the node's configured peers are read.
 */
class PeerBook {

    record Known(JdbcFederation.Peer peer, X509Certificate ca) {

        String nation() {
            return peer.nation();
        }
    }

    private final JdbcFederation store;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile List<Known> peers = List.of();
    private volatile boolean loaded;

    PeerBook(JdbcFederation store) {
        this.store = store;
    }

    synchronized void refresh() {
        List<Known> now = new ArrayList<>();
        for (JdbcFederation.Peer p : store.peers()) {
            now.add(new Known(p, FederationTls.parsePem(p.caCertificate())));
        }
        peers = List.copyOf(now);
        loaded = true;
        listeners.forEach(Runnable::run);
    }

    private List<Known> peers() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) refresh();
            }
        }
        return peers;
    }

    void onChange(Runnable r) {
        listeners.add(r);
    }

    List<Known> all() {
        return peers();
    }

    List<Known> approved() {
        return peers().stream().filter(k -> k.peer().approved()).toList();
    }

    List<X509Certificate> approvedCas() {
        return approved().stream().map(Known::ca).toList();
    }

    Optional<Known> approved(String nation) {
        return approved().stream().filter(k -> k.nation().equals(nation)).findFirst();
    }
}
