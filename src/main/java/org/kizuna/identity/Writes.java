package org.kizuna.identity;

/**
 * The one authorization of writes: whether a user may make a {@link Write} on something of a nation (the
 * owner's nation, or the host nation of a facility for a confirmation). Services call it once they have
 * found the target the user may read (an item the user may not read is "not found", before any write
 * check), and a refusal is a 403 problem that changes nothing.
 */
public interface Writes {

    boolean may(KizunaUser user, Write write, String nation);

    /** The clearance (a level's English name in each nation's policy) that writes with a clearance floor need. */
    String clearanceFloor();

    /** Refuses with {@link WriteRefused} (403) unless the user may make the write. */
    default void authorize(KizunaUser user, Write write, String nation) {
        if (!may(user, write, nation)) throw new WriteRefused(user, write, nation, clearanceFloor());
    }
}
