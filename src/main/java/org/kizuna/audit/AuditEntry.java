package org.kizuna.audit;

/** A record as stored in the log, with its position (leaf index) in the Merkle tree. */
public record AuditEntry(long index, AuditRecord record) {
}
