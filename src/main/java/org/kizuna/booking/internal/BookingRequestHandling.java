package org.kizuna.booking.internal;

import org.kizuna.federation.PeerRequest;
import org.kizuna.federation.PeerRequestHandling;
import org.springframework.stereotype.Component;

/**
 * The requests booking answers, addressed to this node ({@link BookingFederation}): a partner node's booking request for
 * facilities this node's nation hosts, and its cancellation of one.
 */
@Component
class BookingRequestHandling implements PeerRequestHandling {

    @Override
    public boolean handles(PeerRequest request) {
        return (request.kind().equals(BookingShares.REQUEST) || request.kind().equals(BookingShares.CANCEL)) && request.to() != null;
    }
}
