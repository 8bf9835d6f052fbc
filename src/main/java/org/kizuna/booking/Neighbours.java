package org.kizuna.booking;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.label.Reader;

/**
 * The neighbours of shared facilities: complaints recorded with place and time and linked to the bookings at the
 * facilities near them, a monthly report per facility for the local liaison, and each facility's monthly noise budget,
 * which the planner keeps like the quiet hours. Writes are authorized for the host nation of the facility concerned.
 */
public interface Neighbours {

    Complaint record(NewComplaint complaint, KizunaUser user);

    /** Records what was done about a complaint (empty when the user may not read it, like an unknown id). */
    Optional<Complaint> respond(String id, String action, KizunaUser user);

    Optional<Complaint> find(String id, Reader reader);

    /** Complaints about a facility (or all, when null) in a month (or all, when null), those the reader may read, newest first. */
    List<Complaint> complaints(@Nullable String facility, @Nullable YearMonth month, Reader reader);

    /** The facility's month (empty when the reader may not read the facility). */
    Optional<FacilityReport> report(String facility, YearMonth month, Reader reader);

    /** Sets a facility's noise budget in hours of noisy activity per local month (null removes it), and re-plans. */
    Optional<FacilityReport> setNoiseBudget(String facility, @Nullable Integer hoursPerMonth, YearMonth month, KizunaUser user);
}
