package org.kizuna.audit.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.kizuna.audit.AuditKind;
import org.kizuna.audit.AuditRecord;

/**
 * The canonical bytes of a log entry, which the leaf hash covers: a version byte, the entry's own index
 * (so that a moved entry no longer matches its position), then each field as a 4-byte big-endian length
 * and its UTF-8 bytes, and the instant as seconds and nanoseconds. One record has exactly one encoding.
 */
public final class RecordCodec {

    static final byte VERSION = 1;
    private static final int MAX_BYTES = 6 * 4 * AuditRecord.MAX_FIELD + 64;

    private RecordCodec() {
    }

    public static byte[] encode(long index, AuditRecord r) {
        byte[] kind = r.kind().name().getBytes(StandardCharsets.UTF_8);
        byte[] actor = r.actor().getBytes(StandardCharsets.UTF_8);
        byte[] subject = r.subject().getBytes(StandardCharsets.UTF_8);
        byte[] outcome = r.outcome().getBytes(StandardCharsets.UTF_8);
        byte[] reason = r.reason().getBytes(StandardCharsets.UTF_8);
        byte[] label = r.label().getBytes(StandardCharsets.UTF_8);
        int size = 1 + 8 + 6 * 4 + kind.length + actor.length + subject.length + outcome.length + reason.length + label.length + 12;
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(VERSION).putLong(index);
        put(b, kind);
        put(b, actor);
        put(b, subject);
        put(b, outcome);
        put(b, reason);
        put(b, label);
        b.putLong(r.at().getEpochSecond()).putInt(r.at().getNano());
        return b.array();
    }

    /** A decoded entry: the index it was written at and its record. */
    public record Decoded(long index, AuditRecord record) {
    }

    /**
     * Decodes canonical bytes, strictly: any deviation from what {@link #encode} produces is rejected.
     *
     * @throws IllegalArgumentException with what is wrong
     */
    public static Decoded decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("entry is " + bytes.length + " bytes, longer than any record");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        try {
            byte version = b.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown encoding version " + version);
            }
            long index = b.getLong();
            String kindName = string(b, "kind");
            AuditKind kind;
            try {
                kind = AuditKind.valueOf(kindName);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown kind '" + kindName + "'");
            }
            String actor = string(b, "actor");
            String subject = string(b, "subject");
            String outcome = string(b, "outcome");
            String reason = string(b, "reason");
            String label = string(b, "label");
            long seconds = b.getLong();
            int nanos = b.getInt();
            if (b.hasRemaining()) {
                throw new IllegalArgumentException(b.remaining() + " trailing bytes");
            }
            if (nanos < 0 || nanos > 999_999_999) {
                throw new IllegalArgumentException("nanoseconds out of range");
            }
            AuditRecord record = new AuditRecord(kind, actor, subject, outcome, reason, label, Instant.ofEpochSecond(seconds, nanos));
            return new Decoded(index, record);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("entry is truncated");
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("instant out of range");
        }
    }

    private static void put(ByteBuffer b, byte[] field) {
        b.putInt(field.length).put(field);
    }

    private static String string(ByteBuffer b, String field) {
        int length = b.getInt();
        if (length < 0 || length > b.remaining()) {
            throw new IllegalArgumentException(field + " length " + length + " runs past the end of the entry");
        }
        ByteBuffer slice = b.slice(b.position(), length);
        b.position(b.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(field + " is not valid UTF-8");
        }
    }
}
