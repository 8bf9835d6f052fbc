package org.kizuna.missions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;
import org.kizuna.registry.Organization;

/**
 * An organization's role in a mission area and region during a period of valid time ({@code validity.from}
 * inclusive, {@code validity.to} exclusive or open, as the registry's records), with an optional task it is recorded
 * for and the division of labour agreed on that task.
 *
 * @param organization a registry organization id; {@code nation} is its nation
 * @param provenance   where the assignment comes from (sources, verification, note); recorded ones say who recorded them
 * @param ended        who ended the assignment (or last corrected its end), when and why; none while it was never ended
 */
public record Assignment(String id, String area, String region, String organization, String nation, Role role,
        @Nullable String task, @Nullable String division, Organization.Validity validity, Organization.Provenance provenance,
        String recordedBy, Label label, @Nullable Ended ended) implements Labelled {

    /** Who set the end ({@code validity.to}) through the API, when (the node's clock) and the note given. */
    public record Ended(String by, Instant at, @Nullable String note) {
    }

    /** Lead (responsible for the mission in the region), supporting it, or supported by the lead. */
    public enum Role {
        LEAD,
        SUPPORTING,
        SUPPORTED
    }
}
