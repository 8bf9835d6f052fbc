package org.kizuna.identity.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The names of the node's disabled users, held in memory so that every request can be checked without a
 * database query: read from the database once, at the first check, then kept up to date by
 * {@link UserAccounts} (a disable counts at once, before its transaction commits, so a session is refused
 * from that moment; an enable counts once committed). Bounded by the node's user table.
 */
@Component
class DisabledUsers {

    private final JdbcClient jdbc;
    private final Set<String> disabled = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    DisabledUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean contains(String username) {
        if (!loaded) load();
        return disabled.contains(username);
    }

    void disabled(String username) {
        if (!loaded) load();
        disabled.add(username);
    }

    void enabled(String username) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    disabled.remove(username);
                }
            });
        } else {
            disabled.remove(username);
        }
    }

    private synchronized void load() {
        if (loaded) return;
        disabled.addAll(jdbc.sql("select username from kizuna_user where enabled = false").query(String.class).list());
        loaded = true;
    }
}
