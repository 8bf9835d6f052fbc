package org.kizuna.booking.internal;

import org.kizuna.federation.PeerRequest;
import org.kizuna.federation.PeerRequestHandling;
import org.springframework.stereotype.Component;

/** The requests booking answers: a partner node's booking request for facilities this node's nation hosts, addressed to this node ({@link BookingFederation}). */
@Component
class BookingRequestHandling implements PeerRequestHandling {

    @Override
    public boolean handles(PeerRequest request) {
        return request.kind().equals(BookingShares.REQUEST) && request.to() != null;
    }
}
