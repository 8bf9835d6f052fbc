package org.kizuna.identity;

import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

import org.kizuna.label.Reader;

/**
 * A user of a node. {@code clearance} is a level of the user's own nation's classification policy
 * (such as {@code SECRET}); {@code accesses} are the restrictive controls the user holds (such as SI).
 */
public record KizunaUser(String username, String nation, String clearance, Set<String> accesses,
        Set<Role> roles, ZoneId zone) {

    private static final Pattern NATION = Pattern.compile("[A-Z]{3}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    public KizunaUser {
        if (!NAME.matcher(username).matches()) {
            throw new IllegalArgumentException("user name must be 2-64 characters of a-z, 0-9, '.', '_' or '-': " + username);
        }
        if (!NATION.matcher(nation).matches()) {
            throw new IllegalArgumentException("nation must be an ISO 3166 alpha-3 code such as USA: " + nation);
        }
        if (clearance.isBlank()) {
            throw new IllegalArgumentException("a user needs a clearance");
        }
        accesses = Set.copyOf(accesses);
        roles = Set.copyOf(roles);
        new Reader(nation, clearance, accesses); // the clearance must be a level of the nation's policy
    }

    /** This user as a reader whose reads the label module decides. */
    public Reader reader() {
        return new Reader(nation, clearance, accesses);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
