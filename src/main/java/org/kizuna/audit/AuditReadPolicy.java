package org.kizuna.audit;

import java.util.function.Predicate;

/**
 * Decides which audit-record banners the current reader may read. The label module provides the real
 * decision as a bean; without one the audit API shows only records labelled "UNCLASSIFIED".
 */
@FunctionalInterface
public interface AuditReadPolicy {

    /** A filter for the reader of the current request. */
    Predicate<String> forCurrentReader();

    /** Deny by default: only the plain "UNCLASSIFIED" banner passes. */
    AuditReadPolicy UNCLASSIFIED_ONLY = () -> "UNCLASSIFIED"::equals;
}
