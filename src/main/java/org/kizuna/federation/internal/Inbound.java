package org.kizuna.federation.internal;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.kizuna.federation.PeerAnswerReceived;
import org.kizuna.federation.PeerRequest;
import org.kizuna.federation.PeerRequestAnswered;
import org.kizuna.federation.PeerRequestHandling;
import org.kizuna.federation.PeerRequestReceived;
import org.kizuna.federation.Shareable;
import org.kizuna.federation.ShareableReceived;
import org.kizuna.label.Label;
import org.kizuna.label.LabelKernel;
import org.kizuna.node.Reason;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The way in: a batch of envelopes from one peer, applied in one transaction together with the link's cursor, so that
 * a batch is applied whole or not at all and a resent envelope (sequence at or below the cursor) changes nothing. Each
 * is verified again on arrival: its binding with the peer's certificate, that it was sealed for this node, and that this
 * node may hold every part's label. Then, by what it carries:
 * <ul>
 * <li>an item must be owned by the peer (a node sends only what it owns); one no newer than the replica held is
 * skipped, a newer one replaces it; the items a batch applied are published as one {@link ShareableReceived} per kind
 * (the newest version of each item);</li>
 * <li>a request must come from the peer and be about an item this node owns and sent to the peer (and not withdrew
 * since); one seen before is skipped, a new one is published as {@link PeerRequestReceived} with what the peer was
 * sent, and one about anything else is refused (an answer goes back, and it is the link's last error); an addressed
 * request ({@link PeerRequest#addressed}) must be addressed to this node's nation, about reference data, and is handed
 * on with nothing released (its module checks what it is about);</li>
 * <li>an answer must answer a request this node sent to the peer; it is kept with the request and published as
 * {@link PeerAnswerReceived}.</li>
 * </ul>
 */
class Inbound {

    /** An envelope as it arrived; {@code batchVerified}: in a batch whose signature verified with the sender's key. */
    record Item(long seq, Envelope envelope, boolean batchVerified) {

        Item(long seq, Envelope envelope) {
            this(seq, envelope, false);
        }
    }

    /** What a batch did: the cursor after it, how many items were applied, and what went wrong, in words for the link's health. */
    record Applied(long received, int applied, List<String> refused) {
    }

    private final JdbcFederation store;
    private final LabelKernel kernel;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final String nation;
    private final Clock clock;
    private final List<PeerRequestHandling> handling;

    Inbound(JdbcFederation store, LabelKernel kernel, ApplicationEventPublisher events, TransactionTemplate tx, String nation, Clock clock,
            List<PeerRequestHandling> handling) {
        this.store = store;
        this.kernel = kernel;
        this.events = events;
        this.tx = tx;
        this.nation = nation;
        this.clock = clock;
        this.handling = List.copyOf(handling);
    }

    long received(String peer) {
        return store.cursor(peer).received();
    }

    Applied apply(String peer, X509Certificate signer, List<Item> items) {
        String signerPrint = FederationTls.fingerprint(signer).replace(":", "").substring(0, 64);
        return java.util.Objects.requireNonNull(tx.execute(s -> {
            long last = store.cursor(peer).received();
            int applied = 0;
            // what arrived, by kind and item (the newest version of each), published once per kind at the end
            Map<String, Map<String, Arrival>> arrived = new LinkedHashMap<>();
            List<String> refused = new ArrayList<>();
            // first each envelope opened and checked, in order; then the replicas held of the items, with one query
            List<Item> accepted = new ArrayList<>();
            List<Envelope.Opened> openedAll = new ArrayList<>();
            for (Item item : items) {
                if (item.seq() <= last) continue;
                last = item.seq();
                Envelope.Opened opened;
                try {
                    opened = item.envelope().open(signer.getPublicKey(), nation, kernel, item.batchVerified());
                    switch (opened) {
                        case Envelope.Item i -> check(peer, i.item());
                        case Envelope.Request r -> check(peer, r);
                        case Envelope.Answer a -> {
                            if (!a.from().equals(peer)) throw new IllegalArgumentException("the answer says it is from " + a.from());
                        }
                    }
                } catch (IllegalArgumentException e) {
                    refused.add("item " + item.seq() + " from " + peer + " refused: " + e.getMessage());
                    continue;
                }
                accepted.add(item);
                openedAll.add(opened);
            }
            Map<String, Long> held = store.replicaVersions(
                    openedAll.stream().filter(o -> o instanceof Envelope.Item)
                            .map(o -> Map.entry(((Envelope.Item) o).item().kind(), ((Envelope.Item) o).item().id())).toList());
            // the replicas this batch keeps, each once (a newer version of an item in the same batch replaces the older)
            Map<String, JdbcFederation.ReplicaWrite> writes = new LinkedHashMap<>();
            java.time.Instant now = clock.instant();
            for (int k = 0; k < accepted.size(); k++) {
                Item item = accepted.get(k);
                switch (openedAll.get(k)) {
                    case Envelope.Item i -> {
                        Shareable in = i.item();
                        String key = JdbcFederation.itemKey(in.kind(), in.id());
                        long version = held.getOrDefault(key, 0L);
                        if (in.version() <= version) continue;
                        JdbcFederation.ReplicaWrite before = writes.get(key);
                        writes.put(key, new JdbcFederation.ReplicaWrite(new JdbcFederation.Replica(in.kind(), in.id(), in.ownerNode(), in.version(),
                                item.envelope().banner(), item.envelope().data()), before != null ? before.existed() : version > 0));
                        held.put(key, in.version());
                        Map<String, Arrival> ofKind = arrived.computeIfAbsent(in.kind(), x -> new LinkedHashMap<>());
                        ofKind.remove(in.id()); // a newer version of an item in the same batch takes its place, and its place in the order
                        ofKind.put(in.id(), new Arrival(in, item.envelope().data().length()));
                        applied++;
                    }
                    case Envelope.Request r -> {
                        // a refusal is answered, and the answer's way out keeps it as the link's last error
                        if (request(peer, r.request())) applied++;
                    }
                    case Envelope.Answer a -> {
                        String words = answer(peer, a);
                        if (words != null) refused.add(words);
                    }
                }
            }
            store.upsertReplicas(writes.values(), signerPrint, now);
            arrived.forEach((kind, ofKind) -> publish(kind, ofKind.values(), peer));
            store.setReceived(peer, last);
            return new Applied(last, applied, refused);
        }));
    }

    private record Arrival(Shareable item, int chars) {
    }

    /** Characters of envelope data in one {@link ShareableReceived}, at most (the registry keeps it serialized, up to 10,485,760). */
    static final int EVENT_CHARS = 4_000_000;

    /** One {@link ShareableReceived} for the items of a kind, or more where they are larger together than {@link #EVENT_CHARS}. */
    private void publish(String kind, java.util.Collection<Arrival> arrivals, String peer) {
        List<Shareable> items = new ArrayList<>();
        long chars = 0;
        for (Arrival a : arrivals) {
            if (!items.isEmpty() && chars + a.chars() > EVENT_CHARS) {
                events.publishEvent(new ShareableReceived(kind, items, peer));
                items = new ArrayList<>();
                chars = 0;
            }
            items.add(a.item());
            chars += a.chars();
        }
        if (!items.isEmpty()) events.publishEvent(new ShareableReceived(kind, items, peer));
    }

    private void check(String peer, Shareable in) {
        if (!in.ownerNode().equals(peer)) {
            throw new IllegalArgumentException("the item is owned by node " + in.ownerNode() + ", and a node accepts from a peer only what that peer owns");
        }
        held(in.parts());
    }

    private void check(String peer, Envelope.Request r) {
        if (!r.from().equals(peer)) throw new IllegalArgumentException("the request says it is from " + r.from() + ", and it came from " + peer);
        held(r.request().parts());
    }

    private void held(List<Shareable.Part> parts) {
        for (Shareable.Part p : parts) {
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

    /**
     * Records a peer's request and hands it to the owner module, or refuses it (and answers so) when it is not about an
     * item this node sent the peer; answers whether it was handed on.
     */
    private boolean request(String peer, PeerRequest r) {
        if (store.request("in", peer, r.id()).isPresent()) return false; // seen before: a request is handled once
        String header = Envelope.JSON.writeValueAsString(new TreeMap<>(r.header()));
        java.time.Instant now = clock.instant();
        if (handling.stream().noneMatch(h -> h.handles(r))) {
            // no module of this node answers such a request: refused at once, in words of the request alone
            store.insertRequest(new JdbcFederation.Request("in", peer, r.id(), r.kind(), r.aboutKind(), r.aboutId(), header, "pending", null, null, now, null));
            events.publishEvent(PeerRequestAnswered.of(r.id(), peer, false,
                    Reason.of("federation.answer.not-handled", r.kind(), r.aboutKind())));
            return false;
        }
        if (r.to() != null) {
            store.insertRequest(new JdbcFederation.Request("in", peer, r.id(), r.kind(), r.aboutKind(), r.aboutId(), header, "pending", null, null, now, null));
            if (!r.to().equals(nation) || !PeerRequest.ADDRESSABLE.contains(r.aboutKind()) || ("nation".equals(r.aboutKind()) && !r.aboutId().equals(nation))) {
                // the same words whatever it names: it was not for this node
                events.publishEvent(
                        PeerRequestAnswered.of(r.id(), peer, false, Reason.of("federation.answer.not-addressed", r.aboutKind(), r.aboutId(), nation)));
                return false;
            }
            // about reference data every node holds, not a shared item: nothing was sent of it, and the module checks it
            events.publishEvent(new PeerRequestReceived(r, peer, new PeerRequestReceived.Released(0, Map.of(), List.of())));
            return true;
        }
        String released = store.released(peer, r.aboutKind(), r.aboutId()).orElse(null);
        if (released == null) {
            // the same words whether the item does not exist, is not this node's, or was never (or no longer) sent to the peer
            Reason reason = Reason.of("federation.answer.not-sent", r.aboutKind(), r.aboutId(), peer);
            store.insertRequest(
                    new JdbcFederation.Request("in", peer, r.id(), r.kind(), r.aboutKind(), r.aboutId(), header, "pending", null, null, now, null));
            events.publishEvent(PeerRequestAnswered.of(r.id(), peer, false, reason));
            return false;
        }
        store.insertRequest(new JdbcFederation.Request("in", peer, r.id(), r.kind(), r.aboutKind(), r.aboutId(), header, "pending", null, null, now, null));
        events.publishEvent(new PeerRequestReceived(r, peer, released(released)));
        return true;
    }

    private static PeerRequestReceived.Released released(String json) {
        JsonNode root = Envelope.JSON.readTree(json);
        Map<String, String> header = new TreeMap<>();
        root.path("header").properties().forEach(e -> header.put(e.getKey(), e.getValue().asString("")));
        List<String> parts = new ArrayList<>();
        root.path("parts").forEach(p -> parts.add(p.asString("")));
        return new PeerRequestReceived.Released(root.path("version").asLong(0), header, parts);
    }

    /**
     * A peer's reason code, kept where this node can tell it: a code of a peer's answer ({@code <module>.answer.<what>})
     * whose every code, its own and its arguments', is in this node's catalogues; else null (an older peer, a newer
     * one's code this node does not know, or anything else: its English text is shown as it came).
     */
    static @Nullable String trusted(String reasonCode) {
        Reason r = Reason.fromStored(reasonCode.isEmpty() ? null : reasonCode);
        if (r == null || !r.code().matches("[a-z]+\\.answer\\.[a-z0-9.-]+") || !r.toldByCatalogues(code -> true)) return null;
        return r.stored();
    }

    /** Keeps the owner's answer with the request this node sent; answers words for the link's health (a refusal), or null. */
    private @Nullable String answer(String peer, Envelope.Answer a) {
        JdbcFederation.Request r = store.request("out", peer, a.requestId()).orElse(null);
        if (r == null) return "an answer from " + peer + " to request " + a.requestId() + ", which this node did not send to " + peer + "; ignored";
        if (!r.state().equals("pending")) return null;
        Reason withheld = a.accepted() || !a.reason().isEmpty() ? null : Reason.of("federation.answer.withheld", peer);
        String reason = withheld != null ? withheld.english() : a.reason();
        String code = withheld != null ? withheld.stored() : trusted(a.reasonCode());
        store.answerRequest("out", peer, a.requestId(), a.accepted() ? "accepted" : "refused", reason.isEmpty() ? null : reason, code, clock.instant());
        events.publishEvent(new PeerAnswerReceived(r.id(), r.kind(), r.aboutKind(), r.aboutId(), peer, a.accepted() ? "accepted" : "refused",
                reason.isEmpty() ? null : reason, code));
        if (a.accepted()) return null;
        return peer + " refused request " + a.requestId() + " (" + r.kind() + " about " + r.aboutKind() + " " + r.aboutId() + "): " + reason;
    }
}
