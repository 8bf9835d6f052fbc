package org.kizuna.federation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jspecify.annotations.Nullable;

import org.kizuna.federation.Shareable;
import org.kizuna.federation.ShareableChanged;
import org.kizuna.label.GuardResult;
import org.kizuna.label.InvalidMarkingException;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.label.Link;
import org.kizuna.label.Portion;
import org.kizuna.label.ReleaseGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The way out: each change to a record this node owns passes the guard for each approved peer, and what the guard
 * releases is sealed for that peer and queued in its outbox, in sequence order, in one transaction. Items this node
 * does not own (replicas) are never queued: a node shares only what it owns, so an item never travels further than
 * its originator sent it. Queueing is serialized, so sequences commit in order and a sender never skips one.
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
    /** Changes queued together in one transaction, at most. */
    private static final int GROUP = 1000;

    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private volatile Runnable wake = () -> {
    };

    Outbound(JdbcFederation store, PeerBook peers, ReleaseGuard guard, LabelKernel kernel, FederationTls tls, TransactionTemplate requiresNew, String nation,
            Clock clock) {
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

    /**
     * A change published by an owner module (held by the event publication registry until this completes). The
     * listener holds no transaction (and so no connection) of its own while it waits: the changes waiting are queued
     * together, in one transaction, by whichever listener gets the lock (group commit), and each listener returns
     * once its own change is committed in the outbox, or fails (and is retried) if that transaction failed.
     */
    @Async
    @TransactionalEventListener
    void changed(ShareableChanged event) {
        Pending mine = new Pending(event.item(), new CompletableFuture<>());
        pending.add(mine);
        while (!mine.done().isDone()) {
            synchronized (this) {
                if (mine.done().isDone()) break;
                List<Pending> batch = new ArrayList<>();
                for (Pending p; batch.size() < GROUP && (p = pending.poll()) != null;) batch.add(p);
                if (batch.isEmpty()) continue;
                try {
                    enqueue(batch.stream().map(Pending::item).toList());
                    batch.forEach(p -> p.done().complete(null));
                } catch (RuntimeException e) {
                    batch.forEach(p -> p.done().completeExceptionally(e));
                }
            }
        }
        mine.done().join();
    }

    private record Pending(Shareable item, CompletableFuture<@Nullable Void> done) {
    }

    /** Guards, seals and queues these items for every approved peer; answers how many envelopes were queued. */
    synchronized int enqueue(List<Shareable> items) {
        List<PeerBook.Known> approved = peers.approved();
        if (approved.isEmpty()) return 0;
        Integer queued = requiresNew.execute(s -> {
            int n = 0;
            Instant now = clock.instant();
            for (PeerBook.Known peer : approved) {
                String to = peer.nation();
                Link link;
                try {
                    link = Link.to(to);
                } catch (InvalidMarkingException e) {
                    continue; // a peer's nation has a policy, or it could not have been added
                }
                JdbcFederation.Cursor cursor = store.cursor(to);
                long next = cursor.nextSeq();
                for (Shareable item : items) {
                    if (!item.ownerNode().equals(nation)) {
                        log.warn("federation: {} {} is owned by node {}, not this one ({}); a node shares only what it owns", item.kind(), item.id(),
                                item.ownerNode(), nation);
                        continue;
                    }
                    long prior = store.sharedVersion(to, item.kind(), item.id());
                    if (prior >= item.version()) continue;
                    List<Shareable.Part> released = released(item, link);
                    if (released.isEmpty() && prior == 0) continue;
                    Envelope e = Envelope.seal(item, released, to, kernel, tls.signingKey());
                    store.enqueue(to, next++, item.kind(), item.id(), item.version(), e, now);
                    store.setShared(to, item.kind(), item.id(), item.version(), prior > 0);
                    n++;
                }
                if (next != cursor.nextSeq()) store.setNextSeq(to, next);
            }
            return n;
        });
        if (queued != null && queued > 0) wake.run();
        return queued == null ? 0 : queued;
    }

    /** The parts the guard releases on the link (every decision audited by the guard's listeners). */
    private List<Shareable.Part> released(Shareable item, Link link) {
        if (item.parts().isEmpty()) return List.of();
        List<Portion> portions = new ArrayList<>(item.parts().size());
        for (Shareable.Part p : item.parts()) {
            portions.add(new Portion(p.id(), p.label(), p.text()));
        }
        Label declared;
        try {
            declared = kernel.rollUp(portions.stream().map(Portion::label).toList());
        } catch (InvalidMarkingException e) {
            log.warn("federation: {} {} has parts with no common banner; nothing of it leaves: {}", item.kind(), item.id(), e.getMessage());
            return List.of();
        }
        GuardResult r = guard.release("federation/" + item.kind() + "/" + item.id() + "@" + item.version(), "federation", declared, portions, link,
                Set.of());
        Set<String> ids = new HashSet<>();
        r.released().forEach(p -> ids.add(p.id()));
        return item.parts().stream().filter(p -> ids.contains(p.id())).toList();
    }
}
