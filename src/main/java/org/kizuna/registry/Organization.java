package org.kizuna.registry;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/**
 * A command, component or unit as it stood during one period. {@code parent} is its commander in the
 * same nation; {@code componentOf} a joint command it is the service component of. {@code nameJa} is the name
 * Japanese staffs use (the Ministry of Defense's usage), where the reference data gives one.
 */
public record Organization(String id, String nation, Kind kind, String name, @Nullable String nameJa, String abbreviation,
        @Nullable String parent, @Nullable String componentOf, Location location, String zone,
        Validity validity, Provenance provenance, Label label) implements Labelled {

    public enum Kind {
        COMMAND,
        COMPONENT,
        UNIT
    }

    /** Where an organization or facility sits; coordinates are approximate. */
    public record Location(@Nullable String site, @Nullable Double lat, @Nullable Double lon) {
    }

    /** The period a version holds: from (inclusive, null = before records) to (exclusive, null = still). */
    public record Validity(@Nullable LocalDate from, @Nullable LocalDate to) {
        public boolean contains(LocalDate day) {
            return (from == null || !day.isBefore(from)) && (to == null || day.isBefore(to));
        }
    }

    /** Where a fact comes from and how far it was checked (verified, reported, unverified). */
    public record Provenance(List<String> sources, String verification, @Nullable String note) {
    }
}
