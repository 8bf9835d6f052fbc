package org.kizuna.federation.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;

import org.kizuna.federation.Federation;
import org.kizuna.federation.NewPeer;
import org.kizuna.federation.PeerApproval;
import org.kizuna.federation.PeerExchangeChange;
import org.kizuna.federation.PeerStatus;
import org.kizuna.identity.KizunaUser;
import org.kizuna.node.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The federation API: the node's peers with the health of their links, and their admission by an administrator. */
@RestController
@RequestMapping("/api/v1/federation")
class FederationController {

    private final Federation federation;

    FederationController(Federation federation) {
        this.federation = federation;
    }

    @Operation(summary = "The node's peers and the health of the links (figures for administrators)")
    @GetMapping("/peers")
    List<PeerStatus> peers(KizunaUser user) {
        return federation.peers(user);
    }

    @Operation(summary = "One peer and the health of its links")
    @GetMapping("/peers/{nation}")
    PeerStatus peer(@PathVariable String nation, KizunaUser user) {
        return federation.peer(nation, user).orElseThrow(() -> notFound(nation));
    }

    @Operation(summary = "Add a peer (pending until its fingerprint is approved)")
    @PostMapping("/peers")
    ResponseEntity<PeerStatus> add(@Valid @RequestBody NewPeer peer, KizunaUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(federation.add(peer, user));
    }

    @Operation(summary = "Approve a peer's CA certificate fingerprint: the peer is admitted")
    @PostMapping("/peers/{nation}/approval")
    PeerStatus approve(@PathVariable String nation, @Valid @RequestBody PeerApproval approval, KizunaUser user) {
        return federation.approve(nation, approval, user).orElseThrow(() -> notFound(nation));
    }

    @Operation(summary = "Revoke a peer: its links are cut at once")
    @PostMapping("/peers/{nation}/revocation")
    PeerStatus revoke(@PathVariable String nation, KizunaUser user) {
        return federation.revoke(nation, user).orElseThrow(() -> notFound(nation));
    }

    @Operation(summary = "Set what of this node's picture goes to a peer, as agreed with it: tracks or observations")
    @PutMapping("/peers/{nation}/exchange")
    PeerStatus exchange(@PathVariable String nation, @Valid @RequestBody PeerExchangeChange change, KizunaUser user) {
        return federation.exchange(nation, change, user).orElseThrow(() -> notFound(nation));
    }

    @Operation(summary = "This node's CA certificate and fingerprint, for a partner's administrator")
    @GetMapping("/identity")
    Federation.NodeIdentity identity() {
        return federation.identity();
    }

    private static ErrorResponseException notFound(String nation) {
        return Problems.coded(HttpStatus.NOT_FOUND, "federation.peer.not-found", nation.replaceAll("[^A-Z]", ""));
    }
}
