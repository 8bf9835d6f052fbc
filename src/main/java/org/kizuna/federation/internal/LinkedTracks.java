package org.kizuna.federation.internal;

import java.util.List;

import org.kizuna.federation.PeerObservations;
import org.kizuna.federation.PeerTracks;
import org.kizuna.federation.TrackExchange;

/**
 * The picture's tracks and observations over the peer links ({@link TrackExchange}): offered to the links, for approved
 * peers only, each peer what its agreement says ({@link PeerAgreements}).
 */
final class LinkedTracks implements TrackExchange {

    private final Links links;
    private final PeerBook peers;
    private final PeerAgreements agreements;
    private final String nation;
    private final boolean enabled;

    LinkedTracks(Links links, PeerBook peers, PeerAgreements agreements, String nation, boolean enabled) {
        this.links = links;
        this.peers = peers;
        this.agreements = agreements;
        this.nation = nation;
        this.enabled = enabled;
    }

    @Override
    public List<String> peers() {
        return approved(PeerAgreements.TRACKS);
    }

    @Override
    public List<String> observationPeers() {
        return approved(PeerAgreements.OBSERVATIONS);
    }

    private List<String> approved(String exchange) {
        if (!enabled) return List.of();
        return peers.approved().stream().map(PeerBook.Known::nation).filter(n -> agreements.of(n).equals(exchange)).toList();
    }

    @Override
    public void offer(PeerTracks batch) {
        if (!enabled || !batch.from().equals(nation) || !peers().contains(batch.to())) return;
        links.offerTracks(batch);
    }

    @Override
    public void offer(PeerObservations batch) {
        if (!enabled || !batch.from().equals(nation) || !observationPeers().contains(batch.to())) return;
        links.offerObservations(batch);
    }
}
