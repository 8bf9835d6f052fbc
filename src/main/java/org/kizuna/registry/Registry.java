package org.kizuna.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.kizuna.label.Reader;

/**
 * Queries on the alliance's structure as it stood on a given day, for one reader. Answers contain
 * only what existed that day and what the reader may read; an organization that did not exist yet,
 * or that the reader may not read, is not found.
 */
public interface Registry {

    List<Nation> nations(Reader reader);

    List<Organization> organizations(LocalDate asOf, Reader reader);

    Optional<OrganizationView> organization(String id, LocalDate asOf, Reader reader);

    List<Facility> facilities(LocalDate asOf, Reader reader);

    Optional<Facility> facility(String id, LocalDate asOf, Reader reader);

    List<Relation> relations(LocalDate asOf, Reader reader);

    List<ForcePosture> forcePosture(LocalDate asOf, Reader reader);

    List<AccessAgreement> agreements(LocalDate asOf, Reader reader);

    /** Organizations and facilities whose name, abbreviation or id contains {@code text}, a page at a time. */
    SearchPage search(String text, LocalDate asOf, int page, int size, Reader reader);

    /** Whether forces of {@code nation} may use a facility of {@code host} on {@code day}: own nation, or an agreement in force. */
    default boolean mayUse(String nation, String host, LocalDate day, Reader reader) {
        return AccessAgreement.mayUse(agreements(day, reader), nation, host, day);
    }
}
