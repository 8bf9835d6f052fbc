package org.kizuna.audit.internal;

import java.util.List;
import java.util.Optional;

import org.kizuna.audit.AuditEntry;
import org.kizuna.audit.AuditLog;
import org.kizuna.audit.AuditRecord;
import org.kizuna.audit.TreeHead;
import org.kizuna.label.ReadPath;
import org.kizuna.label.Reader;
import org.springframework.stereotype.Component;

/**
 * The node's audit log as the other modules and the API see it: the {@link JdbcAuditLog} on the node's database,
 * whose entries each reader gets only as the read path decides. Reads of the trail are queries of their own
 * ({@link AuditLogIds#PREFIX}), which {@link ReadDecisionAudit} does not record again.
 * <p>
 * Writing and reading are two beans so that the read path, whose listener writes the log, and this reader of the
 * log, which reads through the read path, do not depend on each other.
 */
@Component
class NodeAuditLog implements AuditLog {

    private final JdbcAuditLog log;
    private final ReadPath readPath;

    NodeAuditLog(JdbcAuditLog log, ReadPath readPath) {
        this.log = log;
        this.readPath = readPath;
    }

    @Override
    public void append(AuditRecord record) {
        log.append(record);
    }

    @Override
    public long appendAndWait(AuditRecord record) {
        return log.appendAndWait(record);
    }

    @Override
    public void flush() {
        log.flush();
    }

    @Override
    public Optional<TreeHead> latestTreeHead() {
        return log.latestTreeHead();
    }

    @Override
    public byte[] publicKey() {
        return log.publicKey();
    }

    @Override
    public List<byte[]> inclusionProof(long index, long treeSize) {
        return log.inclusionProof(index, treeSize);
    }

    @Override
    public List<byte[]> consistencyProof(long firstSize, long secondSize) {
        return log.consistencyProof(firstSize, secondSize);
    }

    @Override
    public List<AuditEntry> entries(long from, int limit, Reader reader) {
        return readPath.readable(log.entries(from, limit), reader, AuditLogIds::of, AuditLogIds.PREFIX + "entries");
    }

    @Override
    public Optional<AuditEntry> entry(long index, Reader reader) {
        return entryBytes(index, reader).map(bytes -> new AuditEntry(index, RecordCodec.decode(bytes).record()));
    }

    @Override
    public Optional<byte[]> entryBytes(long index, Reader reader) {
        Optional<byte[]> bytes = log.entryBytes(index);
        if (bytes.isEmpty()) return bytes;
        Optional<AuditEntry> readable = readPath.readable(Optional.of(new AuditEntry(index, RecordCodec.decode(bytes.get()).record())), reader,
                AuditLogIds::of, AuditLogIds.PREFIX + "entry/" + index);
        return readable.isPresent() ? bytes : Optional.empty();
    }
}
