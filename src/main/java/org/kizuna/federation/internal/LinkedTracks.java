package org.kizuna.federation.internal;

import java.util.List;

import org.kizuna.federation.PeerTracks;
import org.kizuna.federation.TrackExchange;

/** The picture's tracks over the peer links ({@link TrackExchange}): offered to the links, for approved peers only. */
final class LinkedTracks implements TrackExchange {

    private final Links links;
    private final PeerBook peers;
    private final String nation;
    private final boolean enabled;

    LinkedTracks(Links links, PeerBook peers, String nation, boolean enabled) {
        this.links = links;
        this.peers = peers;
        this.nation = nation;
        this.enabled = enabled;
    }

    @Override
    public List<String> peers() {
        if (!enabled) return List.of();
        return peers.approved().stream().map(PeerBook.Known::nation).toList();
    }

    @Override
    public void offer(PeerTracks batch) {
        if (!enabled || !batch.from().equals(nation) || !peers().contains(batch.to())) return;
        links.offerTracks(batch);
    }
}
