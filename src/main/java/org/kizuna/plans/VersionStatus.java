package org.kizuna.plans;

/**
 * Where a version stands: a {@code DRAFT} may still be amended while no nation approved it; it is {@code APPROVED}
 * once the designated approver of every participating nation approved its exact content; a draft that a later
 * version replaced before it was approved is {@code SUPERSEDED}. An approved version never changes.
 */
public enum VersionStatus {
    DRAFT,
    APPROVED,
    SUPERSEDED
}
