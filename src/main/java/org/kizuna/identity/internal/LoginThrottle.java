package org.kizuna.identity.internal;

import jakarta.validation.constraints.Positive;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.LoginLockedOut;
import org.kizuna.node.LeastRecentlyUsed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/**
 * Counts failed logins per user name and per client address in bounded maps (least recently failing
 * entries are forgotten first). After {@code userFailures} failures of one user name within the window
 * that name is locked for the lockout time on every address; after {@code addressFailures} failures from
 * one address, that address is locked for every name. A locked login is refused exactly like a wrong
 * password, whether or not the user exists; each lockout is published as {@link LoginLockedOut}.
 */
final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /**
     * The login throttle's settings (prefix {@code kizuna.login}).
     *
     * @param maxUserFailures    this many failed logins of one user name within the window lock that name, on every address
     * @param maxAddressFailures this many failed logins from one client address within the window lock that address, for every name
     * @param failureWindow      how long a failure counts
     * @param lockout            how long a name or an address stays locked
     * @param tracked            how many names and how many addresses are tracked at most (the least recently failing are forgotten first)
     */
    @Validated
    @ConfigurationProperties("kizuna.login")
    record Settings(@DefaultValue("5") @Positive int maxUserFailures,
            @DefaultValue("20") @Positive int maxAddressFailures,
            @DefaultValue("5m") @DurationMin(nanos = 0, message = "must not be negative") Duration failureWindow,
            @DefaultValue("15m") @DurationMin(nanos = 0, message = "must not be negative") Duration lockout,
            @DefaultValue("10000") @Positive int tracked) {
    }

    private final Settings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Counters users;
    private final Counters addresses;

    LoginThrottle(Settings settings, Clock clock, ApplicationEventPublisher events, TransactionTemplate tx) {
        this.settings = settings;
        this.clock = clock;
        this.events = events;
        this.tx = tx;
        this.users = new Counters(settings.tracked());
        this.addresses = new Counters(settings.tracked());
    }

    /** Whether a login of this user name from this address is refused without checking the password. */
    boolean locked(String username, String address) {
        Instant now = clock.instant();
        return users.locked(key(username), now) || addresses.locked(address, now);
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        String user = key(username);
        Instant userUntil = users.failed(user, now, settings.maxUserFailures());
        Instant addressUntil = addresses.failed(address, now, settings.maxAddressFailures());
        if (userUntil != null) lockedOut(LoginLockedOut.Scope.USER, user, settings.maxUserFailures(), userUntil, now);
        if (addressUntil != null) lockedOut(LoginLockedOut.Scope.ADDRESS, address, settings.maxAddressFailures(), addressUntil, now);
    }

    void succeeded(String username) {
        users.clear(key(username));
    }

    private void lockedOut(LoginLockedOut.Scope scope, String who, int failures, Instant until, Instant now) {
        log.warn("login locked for {} {} until {} after {} failures within {}", scope.name().toLowerCase(Locale.ROOT), who, until, failures,
                settings.failureWindow());
        // published in a transaction so that the event publication registry keeps it until the audit log has it
        tx.executeWithoutResult(s -> events.publishEvent(new LoginLockedOut(scope, who, failures, settings.failureWindow(), until, now)));
    }

    /** User names are compared in lower case and cut to the longest valid name, so a key is small. */
    private static String key(String username) {
        String k = username.toLowerCase(Locale.ROOT);
        return k.length() <= 64 ? k : k.substring(0, 64);
    }

    private final class Counters {
        private final Map<String, Failures> map;

        Counters(int capacity) {
            this.map = new LeastRecentlyUsed<>(capacity);
        }

        synchronized boolean locked(String key, Instant now) {
            Failures f = map.get(key);
            return f != null && f.lockedUntil != null && now.isBefore(f.lockedUntil);
        }

        /** Records a failure; returns the end of a lockout that this failure starts, else null. */
        synchronized @Nullable Instant failed(String key, Instant now, int max) {
            Failures f = map.computeIfAbsent(key, k -> new Failures());
            if (f.lockedUntil != null && now.isBefore(f.lockedUntil)) {
                return null; // already locked: not counted again, not announced again
            }
            f.lockedUntil = null;
            Instant horizon = now.minus(settings.failureWindow());
            while (!f.times.isEmpty() && !f.times.peekFirst().isAfter(horizon)) f.times.pollFirst();
            f.times.addLast(now);
            while (f.times.size() > max) f.times.pollFirst();
            if (f.times.size() >= max) {
                f.times.clear();
                f.lockedUntil = now.plus(settings.lockout());
                return f.lockedUntil;
            }
            return null;
        }

        synchronized void clear(String key) {
            Failures f = map.get(key);
            if (f != null && (f.lockedUntil == null || !clock.instant().isBefore(f.lockedUntil))) map.remove(key);
        }
    }

    private static final class Failures {
        final ArrayDeque<Instant> times = new ArrayDeque<>();
        @Nullable Instant lockedUntil;
    }
}
