package org.kizuna.booking.internal;

import org.kizuna.federation.ShareableReceived;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps read-only replicas of the booking requests partners' nodes share with this one (docs/booking.md). After the
 * arrival's commit, with no transaction of its own while it waits: the service is serialized and opens its own.
 */
@Component
class BookingFederation {

    private final BookingService bookings;

    BookingFederation(BookingService bookings) {
        this.bookings = bookings;
    }

    @Async
    @TransactionalEventListener
    void received(ShareableReceived event) {
        if (event.kind().equals(BookingShares.KIND)) bookings.applyReplicas(event.items(), event.fromNation());
    }
}
