package org.kizuna.booking;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.label.Reader;

/**
 * Requests and bookings of shared facilities, for one reader; every change re-plans the period. Every
 * write is authorized by {@link org.kizuna.identity.Writes} after the target is found among what the user
 * may read (an unreadable request is empty, like an unknown one).
 */
public interface Bookings {

    BookingRequest submit(NewRequest request, KizunaUser requester);

    Optional<BookingRequest> find(String id, Reader reader);

    /** Requests of a unit or for a facility (either may be null for all), those the reader may read. */
    List<BookingRequest> requests(@Nullable String unit, @Nullable String facility, Reader reader);

    Optional<BookingRequest> cancel(String id, KizunaUser user);

    /** Proposes a new preferred start (a user dragged the booking); the planner decides where it goes. */
    Optional<BookingRequest> propose(String id, java.time.Instant preferredStart, KizunaUser user);

    /** The range controller (a planner of the facility's host nation) confirms a booking: it stays where it is when others are re-planned. */
    Optional<BookingRequest> confirm(String id, boolean confirmed, KizunaUser user);

    /** When a facility's places are held by bookings between from and to, whoever holds them (empty if the reader may not read the facility). */
    Optional<List<Reserved>> reserved(String facility, java.time.Instant from, java.time.Instant to, Reader reader);
}
