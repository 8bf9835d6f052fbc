package org.kizuna.registry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.kizuna.label.Label;
import org.kizuna.label.Labelled;

/** An agreement that lets a partner's forces use the host nation's facilities from its entry into force. */
public record AccessAgreement(String id, List<String> parties, String hostNation, LocalDate entryIntoForce,
        Organization.Provenance provenance, Label label) implements Labelled {

    /** Whether forces of {@code nation} may use facilities of {@code host} under this agreement on {@code day}. */
    public boolean allows(String nation, String host, LocalDate day) {
        return hostNation.equals(host) && parties.contains(nation) && !day.isBefore(entryIntoForce);
    }

    /**
     * Whether forces of {@code nation} may use a facility of {@code host} on {@code day}: own nation, or one of
     * {@code agreements} (those in force on that day or any later one) allows it.
     */
    public static boolean mayUse(Collection<AccessAgreement> agreements, String nation, String host, LocalDate day) {
        return nation.equals(host) || agreements.stream().anyMatch(a -> a.allows(nation, host, day));
    }
}
