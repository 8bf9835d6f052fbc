package org.kizuna.booking;

import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A facility's month for the local liaison: its activity, the complaints about it, what was linked to them and what
 * was done. The bookings and complaints listed are those the reader may read; the hours are the facility's shared
 * occupancy and noise (as its reserved times and noise budget show them to every reader of the facility).
 *
 * @param reservedHours  hours in the month in which bookings held the facility's places (its occupancy)
 * @param noisyHours     hours of noisy activity booked in the month, what its noise budget counts
 * @param noiseBudget    the facility's budget of noisy hours for a month, or null where it has none
 * @param answered       complaints listed that have an action recorded
 */
public record FacilityReport(String facility, String name, YearMonth month, String zone, double reservedHours, double noisyHours,
        @Nullable Double noiseBudget, List<BookingRequest> bookings, List<Complaint> complaints, int answered) {

    public FacilityReport {
        bookings = List.copyOf(bookings);
        complaints = List.copyOf(complaints);
    }
}
