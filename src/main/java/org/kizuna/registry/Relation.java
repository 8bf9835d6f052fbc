package org.kizuna.registry;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * A link between two organizations: {@code COMMAND} within one nation (commander to subordinate),
 * {@code COORDINATION} across nations (counterparts that coordinate without commanding each other).
 */
public record Relation(String id, Kind kind, String from, String to, Organization.Validity validity,
        @Nullable String note, Organization.Provenance provenance, Label label) implements Labelled {

    public enum Kind {
        COMMAND,
        COORDINATION
    }
}
