package org.kizuna.federation;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionOperations;

/** How an owner module keeps the replicas of one arrival ({@link ShareableReceived}). */
public final class Replicas {

    private Replicas() {
    }

    /**
     * Applies every item in one transaction of {@code tx} (which must begin one of its own): all of them or none. Where
     * that fails, each item is applied again in a transaction of its own, so that one item that cannot be kept holds
     * back no other, and the first failure is thrown at the end (the listener fails and the registry hands the arrival
     * again; {@code apply} must be idempotent, as replicas are by their version). {@code apply} joins the transaction it
     * runs in (propagation required), so that the items share one commit.
     */
    public static void applyAll(TransactionOperations tx, List<Shareable> items, Consumer<Shareable> apply) {
        if (items.isEmpty()) return;
        try {
            tx.executeWithoutResult(s -> items.forEach(apply));
            return;
        } catch (RuntimeException whole) {
            if (items.size() == 1) throw whole;
        }
        RuntimeException first = null;
        for (Shareable item : items) {
            try {
                tx.executeWithoutResult(s -> apply.accept(item));
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }
}
