package org.kizuna.picture;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;

/**
 * Where events come from (a CoT connection, the REST API, the simulator): a name for logs, the nation
 * behind it, the label applied to events that carry none (null: unmarked events are rejected), whether
 * the node has authenticated it (a client certificate, a signed-in user, the node itself) and who owns
 * what it reports. An unauthenticated source (the plain CoT port) reports for no registered sensor but
 * those registered by its owner, and its self-reported tracks are its owner's own: it can neither
 * replace nor hide nor detect a track of another source with the same uid.
 */
public record Source(String name, String nation, @Nullable Label defaultLabel, boolean authenticated, String owner) {

    /** An authenticated source owned by its name. */
    public Source(String name, String nation, @Nullable Label defaultLabel) {
        this(name, nation, defaultLabel, true, name);
    }
}
