package org.kizuna.booking;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kizuna.label.Reader;

/** Requests and bookings of shared facilities, for one reader; every change re-plans the period. */
public interface Bookings {

    BookingRequest submit(NewRequest request, String requester, Reader reader);

    Optional<BookingRequest> find(String id, Reader reader);

    /** Requests of a unit or for a facility (either may be null for all), those the reader may read. */
    List<BookingRequest> requests(@Nullable String unit, @Nullable String facility, Reader reader);

    Optional<BookingRequest> cancel(String id, Reader reader);

    /** Proposes a new preferred start (a user dragged the booking); the planner decides where it goes. */
    Optional<BookingRequest> propose(String id, java.time.Instant preferredStart, Reader reader);

    /** The range controller confirms a booking: it stays where it is when others are re-planned. */
    Optional<BookingRequest> confirm(String id, boolean confirmed, Reader reader);
}
