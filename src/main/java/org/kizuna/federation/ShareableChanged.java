package org.kizuna.federation;

/**
 * An owner module created or changed a record it owns (published in the transaction of the change, so the event
 * publication registry holds it durably with the change). Federation runs the guard for each peer and queues what
 * may leave. The record replaces what peers hold of it when its version is newer.
 */
public record ShareableChanged(Shareable item) {
}
