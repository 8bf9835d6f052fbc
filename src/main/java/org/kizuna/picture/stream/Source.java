package org.kizuna.picture.stream;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;

/**
 * Where events come from (a CoT connection, the REST API, the simulator): a name for logs, the nation
 * behind it and the label applied to events that carry none (null: unmarked events are rejected).
 */
public record Source(String name, String nation, @Nullable Label defaultLabel) {
}
