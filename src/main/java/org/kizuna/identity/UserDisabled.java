package org.kizuna.identity;

import java.time.Instant;

/** An administrator disabled a user: the user can no longer sign in, and every live session of the user must end at once. */
public record UserDisabled(String username, String by, Instant at) {
}
