package org.kizuna.node;

import java.util.Objects;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Transactions of their own, for work that must commit (or roll back) apart from any transaction of its caller. */
public final class Transactions {

    private Transactions() {
    }

    /** A template of the same transaction manager as {@code tx} whose every transaction is new, committed before it returns. */
    public static TransactionTemplate requiresNew(TransactionTemplate tx) {
        return requiresNew(Objects.requireNonNull(tx.getTransactionManager()));
    }

    /** A template of this transaction manager whose every transaction is new, committed before it returns. */
    public static TransactionTemplate requiresNew(PlatformTransactionManager transactions) {
        TransactionTemplate t = new TransactionTemplate(transactions);
        t.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return t;
    }
}
