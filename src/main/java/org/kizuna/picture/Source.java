package org.kizuna.picture;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Reader;

/**
 * Where events come from (a CoT connection, the REST API, the simulator): a name for logs, the nation
 * behind it, the label applied to events that carry none (null: unmarked events are rejected), whether
 * the node has authenticated it (a client certificate, a signed-in user, the node itself) and who owns
 * what it reports. An unauthenticated source (the plain CoT port) reports for no registered sensor but
 * those registered by its owner, and its self-reported tracks are its owner's own: it can neither
 * replace nor hide nor detect a track of another source with the same uid.
 * <p>
 * {@code reader}: who reports, as the label module decides for it (a signed-in user, a client certificate's
 * user, the plain port's reader); a source reports for a registered sensor only when this reader may read
 * the sensor (its default label), else a guessed sensor id would tell, by the report becoming an
 * observation under the sensor's label rather than the source's own track, that a sensor it may not read
 * exists. Null for the node itself (the simulator).
 */
public record Source(String name, String nation, @Nullable Label defaultLabel, boolean authenticated, String owner, @Nullable Reader reader) {

    /** A source whose reader is the node itself. */
    public Source(String name, String nation, @Nullable Label defaultLabel, boolean authenticated, String owner) {
        this(name, nation, defaultLabel, authenticated, owner, null);
    }

    /** An authenticated source owned by its name. */
    public Source(String name, String nation, @Nullable Label defaultLabel) {
        this(name, nation, defaultLabel, true, name, null);
    }
}
