package org.kizuna.federation;

import java.util.List;
import java.util.Optional;

import org.kizuna.identity.KizunaUser;

/**
 * The node's peers and the health of its links. Adding, approving and revoking a peer is the
 * {@link org.kizuna.identity.Write#ADMINISTER_PEERS} write (an administrator of the node's nation).
 */
public interface Federation {

    /** Every peer with its link's health; the figures only for administrators. */
    List<PeerStatus> peers(KizunaUser user);

    Optional<PeerStatus> peer(String nation, KizunaUser user);

    /** Adds a peer (pending) or replaces a pending or revoked one's address and certificate. */
    PeerStatus add(NewPeer peer, KizunaUser admin);

    /** Admits a pending peer whose CA certificate has this fingerprint; empty when there is no such peer. */
    Optional<PeerStatus> approve(String nation, PeerApproval approval, KizunaUser admin);

    /** Revokes a peer: its links are cut at once and it is refused from then on; empty when there is no such peer. */
    Optional<PeerStatus> revoke(String nation, KizunaUser admin);

    /**
     * Sets what of this node's picture goes to the peer, as agreed with it ({@link PeerExchangeChange}): its tracks or its
     * sensors' observations; empty when there is no such peer.
     */
    Optional<PeerStatus> exchange(String nation, PeerExchangeChange change, KizunaUser admin);

    /**
     * The requests this node sent about one replica it holds ({@link PeerRequestSent}), oldest first, with the owner's
     * answers. The caller shows them only to readers of the replica.
     */
    List<RequestStatus> requests(String aboutKind, String aboutId);

    /**
     * Whether the node of {@code nation} is an approved peer of this one (a request addressed to that nation then goes to
     * its node, {@link PeerRequest#addressed}).
     */
    boolean approvedPeer(String nation);

    /** Whether this node federates at all (a federation port is configured). */
    boolean enabled();

    /** This node's CA certificate (PEM) and its fingerprint, for the partner's administrator. */
    NodeIdentity identity();

    /** What a partner's administrator needs to add this node as a peer. */
    record NodeIdentity(String nation, String address, String caCertificate, String fingerprint) {
    }
}
