package org.kizuna.tak.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived enrollment tokens: what the console's enrollment QR code carries instead of a password. One token
 * per user at a time (a new one replaces the last), kept only as its SHA-256 in memory, valid for
 * {@code kizuna.tak.enrollment-token-ttl} by the node's clock and spent by the first certificate it signs. A
 * node restart forgets every token.
 */
final class EnrollmentTokens {

    /** A token issued to a user: the secret (shown once) and when it stops working. */
    record Issued(String token, Instant expires) {
    }

    private record Held(byte[] hash, Instant expires) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_HELD = 10_000;
    private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;

    EnrollmentTokens(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    Issued issue(String username) {
        Instant now = clock.instant();
        held.values().removeIf(h -> !h.expires().isAfter(now));
        if (held.size() >= MAX_HELD && !held.containsKey(username)) throw new IllegalStateException("too many enrollment tokens outstanding");
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = now.plus(ttl);
        held.put(username, new Held(sha256(token), expires));
        return new Issued(token, expires);
    }

    /** Whether {@code token} is the user's live token. */
    boolean matches(String username, String token) {
        Held h = held.get(username);
        return h != null && h.expires().isAfter(clock.instant()) && MessageDigest.isEqual(h.hash(), sha256(token));
    }

    /** Spends the user's token (after it enrolled a certificate). */
    void spend(String username) {
        held.remove(username);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
