package org.kizuna.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.kizuna.audit.AuditRecord;
import org.kizuna.label.Label;

/**
 * The canonical bytes of an audit entry: a version byte, the entry's own index, then each field as
 * length-prefixed UTF-8 and the time in epoch milliseconds. Deterministic, so the leaf hash is stable;
 * the index inside makes a moved entry detectable.
 */
public final class RecordCodec {

    static final int VERSION = 1;

    private RecordCodec() {
    }

    public static byte[] encode(long index, AuditRecord r) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeLong(index);
            string(out, r.kind().name());
            string(out, r.actor());
            string(out, r.subject());
            string(out, r.outcome());
            string(out, r.reason());
            string(out, r.label().banner());
            out.writeLong(r.at().toEpochMilli());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An entry read back: its embedded index and record. */
    public record Decoded(long index, AuditRecord record) {
    }

    public static Decoded decode(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown audit record version " + version);
            }
            long index = in.readLong();
            AuditRecord.Kind kind = AuditRecord.Kind.valueOf(string(in));
            String actor = string(in);
            String subject = string(in);
            String outcome = string(in);
            String reason = string(in);
            Label label = Label.parse(string(in));
            Instant at = Instant.ofEpochMilli(in.readLong());
            if (in.available() != 0) {
                throw new IllegalArgumentException("trailing bytes after the audit record");
            }
            return new Decoded(index, new AuditRecord(kind, actor, subject, outcome, reason, label, at));
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated audit record", e);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 20) {
            throw new IOException("bad field length " + n);
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
