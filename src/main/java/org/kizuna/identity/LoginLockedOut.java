package org.kizuna.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * Too many failed logins: a user name or a client address may not log in until {@code until}. Published
 * once per lockout; the audit module records it. {@code who} is the user name as typed (the user need
 * not exist) or the client address.
 */
public record LoginLockedOut(Scope scope, String who, int failures, Duration window, Instant until, Instant at) {

    /** What was locked: one user name on every address, or one address for every user name. */
    public enum Scope {
        USER,
        ADDRESS
    }
}
