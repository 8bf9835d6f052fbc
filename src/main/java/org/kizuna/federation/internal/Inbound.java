package org.kizuna.federation.internal;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.kizuna.federation.Shareable;
import org.kizuna.federation.ShareableReceived;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The way in: a batch of items from one peer, applied in one transaction together with the link's cursor, so that a
 * batch is applied whole or not at all and a resent item (sequence at or below the cursor) changes nothing. Each item
 * is verified again on arrival: its binding with the peer's certificate, that it was sealed for this node, that the
 * peer owns it (a node sends only what it owns), and that this node may hold every part's label. An item no newer
 * than the replica held is skipped; a newer one replaces it and is published as {@link ShareableReceived}.
 */
class Inbound {

    record Item(long seq, Envelope envelope) {
    }

    /** What a batch did: the cursor after it, how many items were applied, and why items were refused. */
    record Applied(long received, int applied, List<String> refused) {
    }

    private final JdbcFederation store;
    private final LabelKernel kernel;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final String nation;
    private final Clock clock;

    Inbound(JdbcFederation store, LabelKernel kernel, ApplicationEventPublisher events, TransactionTemplate tx, String nation, Clock clock) {
        this.store = store;
        this.kernel = kernel;
        this.events = events;
        this.tx = tx;
        this.nation = nation;
        this.clock = clock;
    }

    long received(String peer) {
        return store.cursor(peer).received();
    }

    Applied apply(String peer, X509Certificate signer, List<Item> items) {
        String signerPrint = FederationTls.fingerprint(signer).replace(":", "").substring(0, 64);
        return java.util.Objects.requireNonNull(tx.execute(s -> {
            long last = store.cursor(peer).received();
            int applied = 0;
            List<String> refused = new ArrayList<>();
            for (Item item : items) {
                if (item.seq() <= last) continue;
                last = item.seq();
                Shareable in;
                try {
                    in = item.envelope().open(signer.getPublicKey(), nation, kernel);
                    check(peer, in);
                } catch (IllegalArgumentException e) {
                    refused.add("item " + item.seq() + " from " + peer + " refused: " + e.getMessage());
                    continue;
                }
                long held = store.replicaVersion(in.kind(), in.id());
                if (in.version() <= held) continue;
                store.upsertReplica(new JdbcFederation.Replica(in.kind(), in.id(), in.ownerNode(), in.version(), item.envelope().banner(),
                        item.envelope().data()), signerPrint, clock.instant(), held > 0);
                events.publishEvent(new ShareableReceived(in, peer));
                applied++;
            }
            store.setReceived(peer, last);
            return new Applied(last, applied, refused);
        }));
    }

    private void check(String peer, Shareable in) {
        if (!in.ownerNode().equals(peer)) {
            throw new IllegalArgumentException("the item is owned by node " + in.ownerNode() + ", and a node accepts from a peer only what that peer owns");
        }
        for (Shareable.Part p : in.parts()) {
            Label l;
            try {
                l = p.label();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("part " + p.id() + " has a label that does not parse: " + p.marking());
            }
            String refusal = kernel.holdRefusal(l);
            if (refusal != null) throw new IllegalArgumentException("this node may not hold part " + p.id() + " (" + l.banner() + "): " + refusal);
        }
    }
}
