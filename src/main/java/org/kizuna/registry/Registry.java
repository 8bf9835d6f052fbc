package org.kizuna.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Queries on the alliance's structure as it stood on a given day. Answers contain only what existed
 * that day; an organization that did not exist yet is not found.
 */
public interface Registry {

    List<Nation> nations();

    List<Organization> organizations(LocalDate asOf);

    Optional<OrganizationView> organization(String id, LocalDate asOf);

    List<Facility> facilities(LocalDate asOf);

    Optional<Facility> facility(String id, LocalDate asOf);

    List<Relation> relations(LocalDate asOf);

    List<ForcePosture> forcePosture(LocalDate asOf);

    List<AccessAgreement> agreements(LocalDate asOf);

    /** Organizations and facilities whose name, abbreviation or id contains {@code text}, a page at a time. */
    SearchPage search(String text, LocalDate asOf, int page, int size);

    /** Whether forces of {@code nation} may use a facility of {@code host} on {@code day}: own nation, or an agreement in force. */
    default boolean mayUse(String nation, String host, LocalDate day) {
        return nation.equals(host) || agreements(day).stream().anyMatch(a -> a.allows(nation, host, day));
    }
}
