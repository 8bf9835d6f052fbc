package org.kizuna.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kizuna.booking.BookingRequest;
import org.kizuna.booking.RequestState;
import org.kizuna.label.Label;

/**
 * Which of two bookings that hold the same place keeps it when they were made on different nodes: both nodes must decide
 * alike (exactly one of the two precedes the other), so that exactly one node moves its own.
 */
class BookingPrecedenceTests {

    static BookingRequest booking(String id, int priority, boolean confirmed, String originator) {
        Instant at = Instant.parse("2027-06-01T02:00:00Z");
        return new BookingRequest(id, "unit", "USA", "Asia/Tokyo", List.of("camp-hansen"), 120, at, at, at, priority, false, Label.UNCLASSIFIED,
                RequestState.BOOKED, null, "camp-hansen", at, at.plusSeconds(7200), confirmed, "someone", originator);
    }

    @Test
    void aConfirmedBookingThenAHigherPriorityThenTheSmallerIdKeepsThePlace() {
        BookingRequest a = booking("BR-aaaa", 2, true, "JPN"), b = booking("BR-0000", 5, false, "USA");
        assertThat(BookingService.precedes(a, b)).as("confirmed first").isTrue();
        BookingRequest c = booking("BR-ffff", 4, false, "JPN"), d = booking("BR-0000", 3, false, "USA");
        assertThat(BookingService.precedes(c, d)).as("then priority").isTrue();
        BookingRequest e = booking("BR-1111", 3, false, "JPN"), f = booking("BR-2222", 3, false, "USA");
        assertThat(BookingService.precedes(e, f)).as("then the smaller id").isTrue();
        for (BookingRequest[] pair : new BookingRequest[][]{{a, b}, {c, d}, {e, f}}) {
            assertThat(BookingService.precedes(pair[0], pair[1])).as("exactly one of two precedes").isNotEqualTo(BookingService.precedes(pair[1], pair[0]));
        }
    }
}
