package org.kizuna.booking.internal;

import org.kizuna.federation.PeerAdmitted;
import org.kizuna.federation.PeerAnswerReceived;
import org.kizuna.federation.PeerRequestReceived;
import org.kizuna.federation.ShareableReceived;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps read-only replicas of the booking requests partners' nodes share with this one, plans partners' requests for
 * the facilities this node's nation hosts, and follows the requests it sent to its hosts' nodes (docs/booking.md). After the
 * arrival's commit, with no transaction of its own while it waits: the service is serialized and opens its own.
 */
@Component
class BookingFederation {

    private final BookingService bookings;
    private final BookingRequestHandling handling;

    BookingFederation(BookingService bookings, BookingRequestHandling handling) {
        this.bookings = bookings;
        this.handling = handling;
    }

    @Async
    // only arrivals of its kind: the event publication registry keeps no publication of another kind's for this listener
    @TransactionalEventListener(condition = "#root.args[0].kind() == 'booking'")
    void received(ShareableReceived event) {
        if (event.kind().equals(BookingShares.KIND)) bookings.applyReplicas(event.items(), event.fromNation());
    }

    /** A partner node's booking request for facilities this node's nation hosts (addressed to this node). */
    @Async
    @TransactionalEventListener
    void requested(PeerRequestReceived event) {
        if (!handling.handles(event.request())) return;
        if (event.request().kind().equals(BookingShares.CANCEL)) bookings.cancelFrom(event.request(), event.fromNation());
        else bookings.requestFrom(event.request(), event.fromNation());
    }

    /** Where a booking request this node sent its host's node came to rest. */
    @Async
    @TransactionalEventListener
    void answered(PeerAnswerReceived event) {
        if (event.kind().equals(BookingShares.REQUEST)) bookings.answered(event);
    }

    /**
     * A peer was admitted: it is offered every request filed on this node that was shared, in pages, each in a transaction of its own.
     * Idempotent: what the peer was sent at an item's version is not sent again.
     */
    @Async
    @TransactionalEventListener
    void admitted(PeerAdmitted event) {
        bookings.offerTo(event.nation());
    }
}
