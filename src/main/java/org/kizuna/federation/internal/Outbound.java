package org.kizuna.federation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.kizuna.federation.PeerAnswerReceived;
import org.kizuna.federation.PeerRequest;
import org.kizuna.federation.PeerRequestAnswered;
import org.kizuna.federation.PeerRequestSent;
import org.kizuna.federation.Shareable;
import org.kizuna.federation.ShareableChanged;
import org.kizuna.label.GuardResult;
import org.kizuna.label.InvalidMarkingException;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Link;
import org.kizuna.label.Portion;
import org.kizuna.label.ReleaseGuard;
import org.kizuna.node.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The way out: each change to a record this node owns passes the guard for each approved peer, and what the guard
 * releases is sealed for that peer and queued in its outbox, in sequence order. Items this node does not own
 * (replicas) are never queued: a node shares only what it owns, so an item never travels further than its originator
 * sent it. The same outboxes carry this node's requests to the owners of its replicas (only to the node a replica came
 * from, through the guard of that link) and its answers to the requests of its peers. Queueing is serialized (this
 * object's lock), so sequences commit in order and a sender never skips one.
 *
 * <p>A change reaches it through federation's own transactional outbox: {@link #changed} writes the
 * {@link ShareableChanged} as one row of {@code federation_pending} in the owner's transaction (committed or rolled
 * back with the change), and one worker thread takes the rows in order, up to {@link #GROUP} at a time, and in one
 * transaction guards, seals and queues them for every peer and deletes them. So a change is queued exactly once, with no
 * work per change in the event publication registry, and a node killed at any point loses no committed change.
 */
class Outbound {

    private static final Logger log = LoggerFactory.getLogger(Outbound.class);

    private final JdbcFederation store;
    private final PeerBook peers;
    private final ReleaseGuard guard;
    private final LabelKernel kernel;
    private final FederationTls tls;
    private final TransactionTemplate requiresNew;
    private final String nation;
    private final Clock clock;
    /** Changes taken from {@code federation_pending} and queued in one transaction, at most (and so held in memory at once). */
    static final int GROUP = 1000;

    /** How long a change that failed alone waits before it is tried again. */
    static final Duration RETRY = Duration.ofSeconds(30);

    /** The longest the worker sleeps with nothing to do before it looks at the table again (rows due for a retry). */
    private static final Duration IDLE = Duration.ofSeconds(1);

    /** While the way out is held (the benchmark's first phase), the worker takes no change. */
    private volatile boolean held;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean working;
    private volatile @Nullable Thread worker;
    private volatile Runnable wake = () -> {
    };
    private volatile BiConsumer<String, String> errors = (peer, words) -> {
    };
    /** Where a request this node could not send is told to the module that asked ({@link PeerAnswerReceived}). */
    private volatile org.springframework.context.ApplicationEventPublisher events = event -> {
    };
    private final long maxFrameBytes;

    Outbound(JdbcFederation store, PeerBook peers, ReleaseGuard guard, LabelKernel kernel, FederationTls tls, TransactionTemplate requiresNew, String nation,
            Clock clock, long maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
        this.store = store;
        this.peers = peers;
        this.guard = guard;
        this.kernel = kernel;
        this.tls = tls;
        this.requiresNew = requiresNew;
        this.nation = nation;
        this.clock = clock;
    }

    void onQueued(Runnable r) {
        wake = r;
    }

    void publishTo(org.springframework.context.ApplicationEventPublisher publisher) {
        events = publisher;
    }

    /** Where a peer's link keeps its last error (the links' health). */
    void onError(BiConsumer<String, String> e) {
        errors = e;
    }

    /**
     * A change published by an owner module, written to {@code federation_pending} in the publisher's transaction (so it
     * commits or rolls back with the change; a failed write fails the owner's transaction). The worker is woken once the
     * transaction commits. Synchronous, so the event publication registry keeps nothing of it.
     */
    @EventListener
    void changed(ShareableChanged event) {
        store.addPending(Envelope.JSON.writeValueAsString(event), clock.instant());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeWorker();
                }
            });
        } else {
            wakeWorker();
        }
    }

    private void wakeWorker() {
        if (signal.availablePermits() == 0) signal.release();
    }

    /** Starts the worker that drains {@code federation_pending} (once the peers are read). */
    synchronized void start() {
        if (working) return;
        working = true;
        worker = Thread.ofPlatform().daemon().name("federation-outbound").start(this::work);
    }

    /**
     * Stops the worker: it finishes (commits) the group it is queueing, if any, and takes no other; waits for it at most
     * {@code wait}. What it had not taken stays in {@code federation_pending} for the next start.
     */
    void stop(Duration wait) {
        Thread t;
        synchronized (this) {
            working = false;
            t = worker;
            worker = null;
        }
        wakeWorker();
        if (t == null) return;
        try {
            t.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        long backoff = 0;
        while (working) {
            int taken = 0;
            if (!held) {
                try {
                    taken = drain();
                    backoff = 0;
                } catch (RuntimeException e) {
                    // the database itself failing (each change's own failure is handled in drain): wait, then try again
                    backoff = Math.min(Math.max(backoff * 2, 250), RETRY.toMillis());
                    log.warn("federation: queueing pending changes failed, trying again in {} ms: {}", backoff, e.getMessage());
                }
            }
            if (taken >= GROUP && backoff == 0) continue; // more waiting
            try {
                signal.tryAcquire(backoff > 0 ? backoff : IDLE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Takes the oldest group of pending changes and queues them for every peer, deleting them, in one transaction; where
     * that fails, each is tried in a transaction of its own, and one that fails alone waits {@link #RETRY} (so that it
     * holds back no other). Answers how many rows it took.
     */
    int drain() {
        synchronized (this) {
            List<JdbcFederation.PendingChange> rows = store.pending(GROUP, clock.instant());
            if (rows.isEmpty()) return 0;
            List<ShareableChanged> changes = new ArrayList<>(rows.size());
            List<Long> ids = new ArrayList<>(rows.size());
            for (JdbcFederation.PendingChange row : rows) {
                ShareableChanged change = read(row);
                if (change == null) continue;
                changes.add(change);
                ids.add(row.id());
            }
            if (changes.isEmpty()) return rows.size();
            try {
                queueAndDelete(changes, ids);
            } catch (RuntimeException e) {
                log.warn("federation: a group of {} changes could not be queued ({}); trying each alone", changes.size(), e.getMessage());
                for (int i = 0; i < changes.size(); i++) {
                    try {
                        queueAndDelete(List.of(changes.get(i)), List.of(ids.get(i)));
                    } catch (RuntimeException alone) {
                        Shareable item = changes.get(i).item();
                        log.warn("federation: {} {} version {} could not be queued, tried again in {} s: {}", item.kind(), item.id(), item.version(),
                                RETRY.toSeconds(), alone.getMessage());
                        store.retryPendingAt(ids.get(i), clock.instant().plus(RETRY));
                    }
                }
            }
            return rows.size();
        }
    }

    /** A pending row's change; null (and the row set aside for an hour) where it does not read back. */
    private @Nullable ShareableChanged read(JdbcFederation.PendingChange row) {
        try {
            return Envelope.JSON.readValue(row.event(), ShareableChanged.class);
        } catch (RuntimeException e) {
            log.error("federation: pending change {} does not read back ({}); it is kept and tried again in an hour", row.id(), e.getMessage());
            store.retryPendingAt(row.id(), clock.instant().plus(Duration.ofHours(1)));
            return null;
        }
    }

    private void queueAndDelete(List<ShareableChanged> changes, List<Long> ids) {
        Integer queued = requiresNew.execute(s -> {
            int n = queue(changes);
            store.deletePending(ids);
            return n;
        });
        if (queued != null && queued > 0) wake.run();
    }

    /**
     * Holds the way out (the changes published meanwhile stay in {@code federation_pending}) or lets it go on. For the
     * benchmark, which times the owner's publishing and federation's guarding and queueing apart.
     */
    void hold(boolean hold) {
        held = hold;
        if (!hold) wakeWorker();
    }

    /**
     * Guards, seals and queues these changes for every approved peer (a change offered to one peer, for that peer only,
     * while it is approved), in the current transaction, with one query of what each peer was sent and JDBC batches for
     * what is written; answers how many envelopes were queued. A peer already sent an item's version (or a newer one)
     * is not sent it again.
     */
    private int queue(List<ShareableChanged> changes) {
        List<PeerBook.Known> approved = peers.approved();
        if (approved.isEmpty()) return 0;
        int n = 0;
        Instant now = clock.instant();
        List<JdbcFederation.ToQueue> envelopes = new ArrayList<>();
        for (PeerBook.Known peer : approved) {
            String to = peer.nation();
            Link link;
            try {
                link = Link.to(to);
            } catch (InvalidMarkingException e) {
                continue; // a peer's nation has a policy, or it could not have been added
            }
            List<ShareableChanged> forPeer = changes.stream().filter(c -> c.to() == null || c.to().equals(to)).toList();
            if (forPeer.isEmpty()) continue;
            Map<String, Long> sent = store.sharedVersions(to, forPeer.stream().map(c -> Map.entry(c.item().kind(), c.item().id())).toList());
            Map<String, JdbcFederation.Shared> shared = new LinkedHashMap<>();
            JdbcFederation.Cursor cursor = store.cursor(to);
            long next = cursor.nextSeq();
            for (ShareableChanged change : forPeer) {
                Shareable item = change.item();
                if (!item.ownerNode().equals(nation)) {
                    log.warn("federation: {} {} is owned by node {}, not this one ({}); a node shares only what it owns", item.kind(), item.id(),
                            item.ownerNode(), nation);
                    continue;
                }
                String key = JdbcFederation.itemKey(item.kind(), item.id());
                long prior = sent.getOrDefault(key, 0L);
                if (prior >= item.version()) continue;
                List<Shareable.Part> released = released(item, link);
                if (released.isEmpty() && prior == 0) continue;
                Envelope e = Envelope.seal(item, released, to, kernel);
                if (!fits(e, to)) {
                    String words = item.kind() + " " + item.id() + " version " + item.version() + " is larger than the link's frame limit ("
                            + maxFrameBytes + " bytes) and was not sent to " + to;
                    log.warn("federation: {}", words);
                    errors.accept(to, words);
                    continue;
                }
                envelopes.add(new JdbcFederation.ToQueue(to, next++, item.kind(), item.id(), item.version(), e, now));
                // an item sent twice in a group: its row is written once, with the newer version
                JdbcFederation.Shared before = shared.get(key);
                boolean existed = before != null ? before.existed() : prior > 0;
                shared.put(key, new JdbcFederation.Shared(to, item.kind(), item.id(), item.version(), existed,
                        released.isEmpty() ? null : releasedJson(item, released)));
                sent.put(key, item.version());
                n++;
            }
            store.setSharedAll(shared.values());
            if (next != cursor.nextSeq()) store.setNextSeq(to, next);
        }
        store.enqueueAll(envelopes);
        return n;
    }

    /** Whether the envelope fits the link's frame limit (a larger frame would end every connection that carried it). */
    private boolean fits(Envelope e, String to) {
        if (e.frameBytesAtMost() <= maxFrameBytes) return true;
        // alone in a batch, with the longest signature (ECDSA P-384 in base64 is at most 140 characters)
        return Frames.bytes(Frames.batchMessage(nation, to, List.of(Frames.batchItem(Long.MAX_VALUE, e)), "x".repeat(200))).length <= maxFrameBytes;
    }

    /** What the peer was sent of an item: its version, header and the released parts' ids (an owner checks requests against it). */
    private static String releasedJson(Shareable item, List<Shareable.Part> released) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("version", item.version());
        m.put("header", new java.util.TreeMap<>(item.header()));
        m.put("parts", released.stream().map(Shareable.Part::id).toList());
        return Envelope.JSON.writeValueAsString(m);
    }

    /** The parts the guard releases on the link (every decision audited by the guard's listeners). */
    private List<Shareable.Part> released(Shareable item, Link link) {
        return released(item.kind() + "/" + item.id() + "@" + item.version(), item.parts(), link);
    }

    private List<Shareable.Part> released(String what, List<Shareable.Part> parts, Link link) {
        if (parts.isEmpty()) return List.of();
        List<Portion> portions = new ArrayList<>(parts.size());
        for (Shareable.Part p : parts) {
            portions.add(new Portion(p.id(), p.label(), p.text()));
        }
        Label declared;
        try {
            declared = kernel.rollUp(portions.stream().map(Portion::label).toList());
        } catch (InvalidMarkingException e) {
            log.warn("federation: {} has parts with no common banner; nothing of it leaves: {}", what, e.getMessage());
            return List.of();
        }
        GuardResult r = guard.release("federation/" + what, "federation", declared, portions, link, Set.of());
        Set<String> ids = new HashSet<>();
        r.released().forEach(p -> ids.add(p.id()));
        return parts.stream().filter(p -> ids.contains(p.id())).toList();
    }

    // ------------------------------------------------------------------ requests and answers

    /**
     * A module's request about a replica this node holds: sent only to the node the replica came from (so a node asks
     * only the owner, and only about what it was sent), with the parts the guard of that link releases. Asynchronous
     * after the module's commit, idempotent (the request id), and serialized with the items so sequences stay in order.
     */
    @Async
    @TransactionalEventListener
    void requested(PeerRequestSent event) {
        enqueueRequest(event.request());
    }

    synchronized void enqueueRequest(PeerRequest r) {
        requiresNew.executeWithoutResult(s -> {
            if (store.requestSent(r.id())) return;
            Instant now = clock.instant();
            String header = Envelope.JSON.writeValueAsString(new java.util.TreeMap<>(r.header()));
            // an addressed request goes to the node of its nation; any other only to the node the replica came from
            String owner = r.to() != null ? r.to() : store.replicaOwner(r.aboutKind(), r.aboutId()).orElse(null);
            Reason refusal = null;
            if (owner != null && owner.equals(nation)) {
                refusal = Reason.of("federation.request.not-approved", owner);
            } else if (owner == null) {
                refusal = Reason.of("federation.request.no-replica", r.aboutKind(), r.aboutId());
            } else if (peers.approved(owner).isEmpty()) {
                refusal = Reason.of("federation.request.not-approved", owner);
            }
            List<Shareable.Part> released = List.of();
            if (refusal == null && owner != null) {
                released = released(r.kind() + "/" + r.id() + "/" + r.aboutKind() + "/" + r.aboutId(), r.parts(), Link.to(owner));
                if (!r.parts().isEmpty() && released.size() < r.parts().size()) {
                    refusal = Reason.of("federation.request.withheld", owner);
                }
            }
            String peer = owner == null ? nation : owner;
            if (refusal != null) {
                log.warn("federation: request {} ({} about {} {}) not sent: {}", r.id(), r.kind(), r.aboutKind(), r.aboutId(), refusal.english());
                store.insertRequest(new JdbcFederation.Request("out", peer, r.id(), r.kind(), r.aboutKind(), r.aboutId(), header, "not-sent",
                        refusal.english(), refusal.stored(), now, now));
                events.publishEvent(
                        new PeerAnswerReceived(r.id(), r.kind(), r.aboutKind(), r.aboutId(), peer, "not-sent", refusal.english(), refusal.stored()));
                return;
            }
            Envelope e = Envelope.sealRequest(r, released, nation, peer, kernel, tls.signingKey());
            if (!fits(e, peer)) {
                Reason large = Reason.of("federation.request.too-large");
                store.insertRequest(new JdbcFederation.Request("out", peer, r.id(), r.kind(), r.aboutKind(), r.aboutId(), header, "not-sent",
                        large.english(), large.stored(), now, now));
                events.publishEvent(new PeerAnswerReceived(r.id(), r.kind(), r.aboutKind(), r.aboutId(), peer, "not-sent", large.english(), large.stored()));
                return;
            }
            JdbcFederation.Cursor cursor = store.cursor(peer);
            store.enqueue(peer, cursor.nextSeq(), r.kind(), r.id(), 1, e, now);
            store.setNextSeq(peer, cursor.nextSeq() + 1);
            store.insertRequest(
                    new JdbcFederation.Request("out", peer, r.id(), r.kind(), r.aboutKind(), r.aboutId(), header, "pending", null, null, now, null));
        });
        wake.run();
    }

    /**
     * An answer to a peer's request (from the owner module, or from federation's own refusal on arrival): kept with the
     * request and sent back to the requesting node, its reason as an unclassified part through the guard. A refusal is
     * the link's last error. Idempotent: a request is answered once.
     */
    @Async
    @TransactionalEventListener
    void answered(PeerRequestAnswered event) {
        enqueueAnswer(event);
    }

    synchronized void enqueueAnswer(PeerRequestAnswered a) {
        String peer = a.toNation();
        Boolean queued = requiresNew.execute(s -> {
            JdbcFederation.Request r = store.request("in", peer, a.requestId()).orElse(null);
            if (r == null) {
                log.warn("federation: an answer to request {} of {}, which this node never received; not sent", a.requestId(), peer);
                return false;
            }
            if (!r.state().equals("pending")) return false;
            Instant now = clock.instant();
            store.answerRequest("in", peer, a.requestId(), a.accepted() ? "accepted" : "refused", a.reason(), a.reasonCode(), now);
            if (!a.accepted()) {
                errors.accept(peer, "request " + a.requestId() + " from " + peer + " (" + r.kind() + " about " + r.aboutKind() + " " + r.aboutId()
                        + ") refused: " + a.reason());
            }
            if (peers.approved(peer).isEmpty()) return false;
            List<Shareable.Part> reason = released("answer/" + a.requestId(),
                    List.of(new Shareable.Part("reason", WITHDRAWN, a.reason(), a.reasonCode() == null ? "" : a.reasonCode())),
                    Link.to(peer));
            Envelope e = Envelope.sealAnswer(a.requestId(), a.accepted(), reason, nation, peer, kernel, tls.signingKey());
            JdbcFederation.Cursor cursor = store.cursor(peer);
            store.enqueue(peer, cursor.nextSeq(), "answer", a.requestId(), 1, e, now);
            store.setNextSeq(peer, cursor.nextSeq() + 1);
            return true;
        });
        if (Boolean.TRUE.equals(queued)) wake.run();
    }

    private static final String WITHDRAWN = Envelope.WITHDRAWN;
}
