package org.kizuna.booking.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The booking planner's transactions: each new one first takes the node's planner lock (a row of
 * {@code booking_planner_lock}, held until it commits), so that the replicas of a node sharing one database plan one
 * after another, each on what the one before committed, as the threads of one process do in {@link BookingService}'s
 * synchronized methods. One statement per write, none per request planned.
 */
final class PlannerTransactions extends TransactionTemplate {

    private static final long serialVersionUID = 1L;

    private final transient Runnable lock;

    PlannerTransactions(TransactionTemplate template, Runnable lock) {
        super(Objects.requireNonNull(template.getTransactionManager()), template);
        this.lock = lock;
    }

    @Override
    public <T extends @Nullable Object> T execute(TransactionCallback<T> action) throws TransactionException {
        return super.execute(status -> {
            if (status.isNewTransaction()) lock.run();
            return action.doInTransaction(status);
        });
    }
}
