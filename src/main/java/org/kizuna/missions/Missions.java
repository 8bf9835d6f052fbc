package org.kizuna.missions;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.label.Reader;

/**
 * The roles-and-missions matrix for one reader. Mission areas and regions are reference data of the build; assignments
 * are labelled and reach a reader only through the label module's read path, one audited query per call. Recording an
 * assignment is authorized by {@link org.kizuna.identity.Writes} ({@code RECORD_MISSION}, the force's nation).
 */
public interface Missions {

    List<MissionArea> areas();

    List<MissionRegion> regions();

    /** The assignments valid on {@code asOf} that the reader may read. */
    List<Assignment> assignments(LocalDate asOf, Reader reader);

    /** One assignment, empty alike when it does not exist and when the reader may not read it. */
    Optional<Assignment> assignment(String id, Reader reader);

    /**
     * The matrix on {@code asOf} with its gaps and duplications, and the assignments that began or ended after
     * {@code since} and up to {@code asOf}; computed from what the reader may read only.
     */
    Analysis analysis(LocalDate asOf, @Nullable LocalDate since, Reader reader);

    /** Records an assignment of a registry organization (of the user's own nation) to a role in an area and region. */
    Assignment record(NewAssignment assignment, KizunaUser user);

    /**
     * Ends an assignment (or corrects its end) on {@code end.validTo}, authorized like recording it ({@code RECORD_MISSION},
     * the force's nation) once the assignment is found among what the user may read: empty alike when it does not exist and
     * when the user may not read it.
     */
    Optional<Assignment> end(String id, AssignmentEnd end, KizunaUser user);
}
