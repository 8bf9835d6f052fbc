package org.kizuna.federation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionOperations;

/** How an owner module offers a newly admitted peer ({@link PeerAdmitted}) the items it owns and shares. */
public final class Offers {

    /** Items offered in one transaction, at most. */
    public static final int PAGE = 500;

    private Offers() {
    }

    /**
     * Publishes {@link ShareableChanged#offer} for {@code peer} of every item {@code ids} names, page by page in id order
     * ({@code ids} answers at most {@code limit} ids after the one given, "" for the first page), each page in one
     * transaction of {@code tx} (which must begin one of its own), so that no more than a page is held at once and the
     * federation keeps each page's offers (its table of pending changes) with that page's commit. {@code item} reads an item at its
     * version now (empty where it is gone or no longer shared). Answers how many items were offered. Idempotent: federation
     * queues nothing the peer was sent at that version.
     */
    public static int offer(TransactionOperations tx, ApplicationEventPublisher events, String peer, BiFunction<String, Integer, List<String>> ids,
            Function<String, Optional<Shareable>> item) {
        String after = "";
        int offered = 0;
        while (true) {
            String from = after;
            List<String> page = Objects.requireNonNull(tx.execute(s -> {
                List<String> some = ids.apply(from, PAGE);
                for (String id : some) item.apply(id).ifPresent(i -> events.publishEvent(ShareableChanged.offer(i, peer)));
                return some;
            }));
            offered += page.size();
            if (page.size() < PAGE) return offered;
            after = page.getLast();
        }
    }
}
