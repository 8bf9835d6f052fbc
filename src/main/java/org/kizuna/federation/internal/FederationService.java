package org.kizuna.federation.internal;

import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kizuna.federation.Federation;
import org.kizuna.federation.NewPeer;
import org.kizuna.federation.PeerAdmitted;
import org.kizuna.federation.PeerApproval;
import org.kizuna.federation.PeerExchangeChange;
import org.kizuna.federation.PeerStatus;
import org.kizuna.federation.RequestStatus;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Role;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.label.Policy;
import org.kizuna.node.Messages;
import org.kizuna.node.Problems;
import org.kizuna.node.Reason;
import org.kizuna.node.Validation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** Peers and their admission, and the links' health for the API and the console. */
class FederationService implements Federation {

    private static final Logger log = LoggerFactory.getLogger(FederationService.class);

    private final JdbcFederation store;
    private final PeerBook peers;
    private final Links links;
    private final Writes writes;
    private final Validator validator;
    private final FederationTls tls;
    private final FederationSettings settings;
    private final String nation;
    private final Clock clock;
    private final Messages messages;
    /** A transaction of its own for each change of a peer, so that an admission's {@link PeerAdmitted} is kept with it. */
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final PeerAgreements agreements;

    FederationService(JdbcFederation store, PeerBook peers, Links links, Writes writes, Validator validator, FederationTls tls, FederationSettings settings,
            String nation, Clock clock, Messages messages, TransactionTemplate tx, ApplicationEventPublisher events, PeerAgreements agreements) {
        this.agreements = agreements;
        this.tx = tx;
        this.events = events;
        this.store = store;
        this.peers = peers;
        this.links = links;
        this.writes = writes;
        this.validator = validator;
        this.tls = tls;
        this.settings = settings;
        this.nation = nation;
        this.clock = clock;
        this.messages = messages;
    }

    /** The peers of the node's configuration: added, and approved when their approved fingerprint matches. */
    void configure() {
        for (FederationSettings.ConfiguredPeer c : settings.peers()) {
            String pem;
            try {
                pem = Files.readString(Path.of(c.caCertificate()));
            } catch (IOException e) {
                throw new IllegalStateException("kizuna.federation.peers: cannot read " + c.nation() + "'s CA certificate " + c.caCertificate() + ": "
                        + e.getMessage(), e);
            }
            X509Certificate ca = FederationTls.parsePem(pem);
            String print = FederationTls.fingerprint(ca);
            Optional<JdbcFederation.Peer> existing = store.peer(c.nation());
            boolean approve = c.approvedFingerprint() != null && FederationTls.normalize(c.approvedFingerprint()).equals(print);
            if (c.approvedFingerprint() != null && !approve) {
                log.warn("federation: the approved fingerprint configured for {} does not match its CA certificate {} (fingerprint {}); it stays pending",
                        c.nation(), c.caCertificate(), print);
            }
            if (c.exchange() != null && !c.exchange().equals(agreements.of(c.nation()))) {
                agreements.set(c.nation(), c.exchange(), "configuration", clock.instant());
            }
            if (existing.isPresent() && existing.get().state().equals("revoked")) continue; // a revocation stands until an administrator re-adds it
            String state = approve ? "approved" : existing.filter(p -> p.fingerprint().equals(print)).map(JdbcFederation.Peer::state).orElse("pending");
            boolean admitted = approve && !existing.map(JdbcFederation.Peer::approved).orElse(false);
            tx.executeWithoutResult(s -> {
                store.upsertPeer(new JdbcFederation.Peer(c.nation(), c.address(), pem, print, state, approve ? "configuration" : null,
                        approve ? clock.instant() : null, existing.map(JdbcFederation.Peer::createdAt).orElse(clock.instant())));
                if (admitted) {
                    peers.refresh(); // approved before the owner modules' offers reach the way out, which runs after this commits
                    events.publishEvent(new PeerAdmitted(c.nation()));
                }
            });
        }
        peers.refresh();
    }

    @Override
    public List<PeerStatus> peers(KizunaUser user) {
        return peers.all().stream().map(k -> status(k, user)).toList();
    }

    @Override
    public Optional<PeerStatus> peer(String nation, KizunaUser user) {
        return peers.all().stream().filter(k -> k.nation().equals(nation)).findFirst().map(k -> status(k, user));
    }

    @Override
    public synchronized PeerStatus add(NewPeer p, KizunaUser admin) {
        writes.authorize(admin, Write.ADMINISTER_PEERS, nation);
        Validation.check(validator, p);
        if (p.nation().equals(nation)) throw Problems.coded(HttpStatus.BAD_REQUEST, "federation.peer.self", nation);
        if (Policy.ofNation(p.nation()).isEmpty()) {
            throw Problems.coded(HttpStatus.BAD_REQUEST, "federation.peer.no-policy", p.nation());
        }
        X509Certificate ca = FederationTls.parsePem(p.caCertificate());
        try {
            ca.checkValidity();
        } catch (java.security.cert.CertificateException e) {
            throw Problems.coded(HttpStatus.BAD_REQUEST, "federation.peer.ca.expired", String.valueOf(e.getMessage()));
        }
        if (ca.getBasicConstraints() < 0) throw Problems.coded(HttpStatus.BAD_REQUEST, "federation.peer.ca.not-ca");
        Optional<JdbcFederation.Peer> existing = store.peer(p.nation());
        if (existing.isPresent() && existing.get().approved()) {
            throw Problems.coded(HttpStatus.CONFLICT, "federation.peer.approved", p.nation());
        }
        Instant now = clock.instant();
        store.upsertPeer(new JdbcFederation.Peer(p.nation(), p.address(), FederationTls.pem(ca), FederationTls.fingerprint(ca), "pending", admin.username(),
                now, existing.map(JdbcFederation.Peer::createdAt).orElse(now)));
        peers.refresh();
        log.info("federation: {} added peer {} at {} (pending; CA fingerprint {})", admin.username(), p.nation(), p.address(), FederationTls.fingerprint(ca));
        return peer(p.nation(), admin).orElseThrow();
    }

    @Override
    public synchronized Optional<PeerStatus> approve(String peerNation, PeerApproval approval, KizunaUser admin) {
        writes.authorize(admin, Write.ADMINISTER_PEERS, nation);
        Optional<JdbcFederation.Peer> p = store.peer(peerNation);
        if (p.isEmpty()) return Optional.empty();
        String given = FederationTls.normalize(approval.fingerprint());
        if (given.isEmpty()) throw Problems.coded(HttpStatus.BAD_REQUEST, "federation.approval.fingerprint.form");
        if (!given.equals(p.get().fingerprint())) {
            throw Problems.coded(HttpStatus.CONFLICT, "federation.approval.fingerprint.differs", peerNation);
        }
        JdbcFederation.Peer x = p.get();
        try {
            tx.executeWithoutResult(s -> {
                store.upsertPeer(new JdbcFederation.Peer(x.nation(), x.address(), x.caCertificate(), x.fingerprint(), "approved", admin.username(),
                        clock.instant(), x.createdAt()));
                // approved in the book before the owner modules' offers reach the way out, which runs after this commits
                peers.refresh();
                // the owner modules offer the peer what it may read now (what it was sent before, at that version, is not sent again)
                if (!x.approved()) events.publishEvent(new PeerAdmitted(peerNation));
            });
        } catch (RuntimeException e) {
            peers.refresh();
            throw e;
        }
        log.info("federation: {} approved peer {} (CA fingerprint {})", admin.username(), peerNation, x.fingerprint());
        return peer(peerNation, admin);
    }

    @Override
    public synchronized Optional<PeerStatus> revoke(String peerNation, KizunaUser admin) {
        writes.authorize(admin, Write.ADMINISTER_PEERS, nation);
        Optional<JdbcFederation.Peer> p = store.peer(peerNation);
        if (p.isEmpty()) return Optional.empty();
        JdbcFederation.Peer x = p.get();
        store.upsertPeer(new JdbcFederation.Peer(x.nation(), x.address(), x.caCertificate(), x.fingerprint(), "revoked", admin.username(), clock.instant(),
                x.createdAt()));
        peers.refresh(); // cuts the links at once
        log.warn("federation: {} revoked peer {}; its links are cut", admin.username(), peerNation);
        return peer(peerNation, admin);
    }

    @Override
    public synchronized Optional<PeerStatus> exchange(String peerNation, PeerExchangeChange change, KizunaUser admin) {
        writes.authorize(admin, Write.ADMINISTER_PEERS, nation);
        Validation.check(validator, change);
        if (store.peer(peerNation).isEmpty()) return Optional.empty();
        agreements.set(peerNation, change.exchange(), admin.username(), clock.instant());
        log.info("federation: {} agreed to send {} {} of this node's picture", admin.username(), peerNation, change.exchange());
        return peer(peerNation, admin);
    }

    @Override
    public List<RequestStatus> requests(String aboutKind, String aboutId) {
        Locale language = LocaleContextHolder.getLocale();
        return store.requestsAbout("out", aboutKind, aboutId).stream().map(r -> {
            java.util.Map<String, String> header = new java.util.TreeMap<>();
            Envelope.JSON.readTree(r.header()).properties().forEach(e -> header.put(e.getKey(), e.getValue().asString("")));
            // told from its code in the reader's language where it has one; else (an older row or peer) as it was written
            Reason why = Reason.fromStored(r.reasonCode());
            String reason = why != null ? why.in(language) : r.reason();
            return new RequestStatus(r.id(), r.kind(), r.aboutKind(), r.aboutId(), r.peer(), header, r.state(), reason, r.createdAt(), r.answeredAt());
        }).toList();
    }

    @Override
    public boolean approvedPeer(String peerNation) {
        return settings.enabled() && !peerNation.equals(nation) && peers.approved(peerNation).isPresent();
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public NodeIdentity identity() {
        return new NodeIdentity(nation, settings.enabled() ? settings.bindAddress() + ":" + (links.port() > 0 ? links.port() : settings.port()) : "off",
                FederationTls.pem(tls.caCertificate()), FederationTls.fingerprint(tls.caCertificate()));
    }

    private PeerStatus status(PeerBook.Known k, KizunaUser user) {
        JdbcFederation.Peer p = k.peer();
        Links.Health h = links.health(p.nation());
        boolean figures = user.has(Role.ADMINISTRATOR);
        Long queued = null, pending = null, sent = null, acked = null, received = null;
        Double lag = null;
        if (figures) {
            JdbcFederation.Cursor c = store.cursor(p.nation());
            queued = store.queued(p.nation());
            pending = store.pendingCount();
            Instant oldest = store.oldestQueued(p.nation());
            lag = oldest == null ? 0.0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
            sent = Math.max(h.sent, c.acked());
            acked = c.acked();
            received = c.received();
        }
        // the link's own error is the operator's text as it happened; what the node says of the peer is in the reader's language
        Locale locale = LocaleContextHolder.getLocale();
        String error = h.lastError;
        if (figures && queued != null && queued > settings.warnQueued()) {
            String warning = messages.text("federation.status.queued", locale, String.valueOf(queued), p.nation(), String.valueOf(settings.warnQueued()));
            error = error == null ? warning : messages.text("federation.status.queued.lastError", locale, warning, error);
        }
        if (p.state().equals("pending") && error == null) error = messages.text("federation.status.pending", locale, p.nation(), p.fingerprint());
        if (!settings.enabled() && error == null) error = messages.text("federation.status.off", locale);
        return new PeerStatus(p.nation(), p.address(), p.fingerprint(), p.state(), agreements.of(p.nation()), h.outbound, h.inbound, queued, pending, lag, sent,
                acked,
                received, error,
                h.lastErrorAt, h.connectedSince);
    }
}
