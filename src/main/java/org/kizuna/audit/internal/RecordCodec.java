package org.kizuna.audit.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.kizuna.audit.AuditRecord;
import org.kizuna.label.Label;

/**
 * The canonical bytes of a log entry, which the leaf hash covers: a version byte, the entry's own index
 * (so that a moved entry no longer matches its position), 16 random bytes (version 2), then kind, actor,
 * subject, outcome, reason and label banner, each as a 4-byte big-endian length and its UTF-8 bytes, and
 * the time in epoch milliseconds. The random bytes are there because proofs hand out the leaf hashes of
 * neighbouring entries to readers who may not read them: without them a record that is easy to guess
 * (reader, item, outcome, label, time) could be confirmed by hashing guesses. Only a reader of the entry
 * gets its bytes. Version 1 entries (no random bytes) of older logs still decode and verify. Decoding
 * accepts nothing but what {@link #encode} produces.
 */
public final class RecordCodec {

    static final byte VERSION = 2;
    static final int NONCE_BYTES = 16;
    private static final int MAX_BYTES = 3 * (AuditRecord.MAX_TEXT + AuditRecord.MAX_BANNER) + 64 + NONCE_BYTES;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private RecordCodec() {
    }

    /** The canonical bytes of a new entry, with fresh random bytes. */
    public static byte[] encode(long index, AuditRecord r) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return encode(index, nonce, r);
    }

    static byte[] encode(long index, byte[] nonce, AuditRecord r) {
        byte[] kind = r.kind().name().getBytes(StandardCharsets.UTF_8);
        byte[] actor = r.actor().getBytes(StandardCharsets.UTF_8);
        byte[] subject = r.subject().getBytes(StandardCharsets.UTF_8);
        byte[] outcome = r.outcome().getBytes(StandardCharsets.UTF_8);
        byte[] reason = r.reason().getBytes(StandardCharsets.UTF_8);
        byte[] label = r.label().banner().getBytes(StandardCharsets.UTF_8);
        int size = 1 + 8 + NONCE_BYTES + 6 * 4 + kind.length + actor.length + subject.length + outcome.length + reason.length + label.length + 8;
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(VERSION).putLong(index).put(nonce);
        put(b, kind);
        put(b, actor);
        put(b, subject);
        put(b, outcome);
        put(b, reason);
        put(b, label);
        b.putLong(r.at().toEpochMilli());
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
            if (version != VERSION && version != 1) {
                throw new IllegalArgumentException("unknown encoding version " + version);
            }
            long index = b.getLong();
            if (version == VERSION) b.position(b.position() + NONCE_BYTES);
            String kindName = string(b, "kind");
            AuditRecord.Kind kind;
            try {
                kind = AuditRecord.Kind.valueOf(kindName);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown kind '" + kindName + "'");
            }
            String actor = string(b, "actor");
            String subject = string(b, "subject");
            String outcome = string(b, "outcome");
            String reason = string(b, "reason");
            String banner = string(b, "label");
            long millis = b.getLong();
            if (b.hasRemaining()) {
                throw new IllegalArgumentException(b.remaining() + " trailing bytes");
            }
            AuditRecord record = new AuditRecord(kind, actor, subject, outcome, reason, Label.parse(banner), Instant.ofEpochMilli(millis));
            return new Decoded(index, record);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("entry is truncated");
        }
    }

    /**
     * Checks the structure of canonical bytes without building the record (the verifier's fast path):
     * version, field lengths, a known kind, well-formed UTF-8, no trailing bytes, and returns the index
     * the entry was written at. The label banner is checked by {@link #banner}, not parsed here.
     *
     * @throws IllegalArgumentException with what is wrong
     */
    public static long checkedIndex(byte[] bytes) {
        if (bytes.length < 1) {
            throw new IllegalArgumentException("entry is truncated");
        }
        if (bytes[0] != VERSION && bytes[0] != 1) {
            throw new IllegalArgumentException("unknown encoding version " + bytes[0]);
        }
        int p = fieldsStart(bytes);
        if (bytes.length < p + 6 * 4 + 8) {
            throw new IllegalArgumentException("entry is truncated");
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("entry is " + bytes.length + " bytes, longer than any record");
        }
        int kindStart = p + 4;
        for (int field = 0; field < 6; field++) {
            if (p + 4 > bytes.length) {
                throw new IllegalArgumentException("entry is truncated");
            }
            int length = intAt(bytes, p);
            p += 4;
            if (length < 0 || length > bytes.length - p) {
                throw new IllegalArgumentException(FIELDS[field] + " length " + length + " runs past the end of the entry");
            }
            if (!wellFormedUtf8(bytes, p, p + length)) {
                throw new IllegalArgumentException(FIELDS[field] + " is not valid UTF-8");
            }
            if (field == 0 && !knownKind(bytes, kindStart, length)) {
                throw new IllegalArgumentException("unknown kind '" + new String(bytes, kindStart, length, StandardCharsets.UTF_8) + "'");
            }
            p += length;
        }
        if (bytes.length - p != 8) {
            throw new IllegalArgumentException(bytes.length - p < 8 ? "entry is truncated" : (bytes.length - p - 8) + " trailing bytes");
        }
        return longAt(bytes, 1);
    }

    /** The label banner inside canonical bytes that {@link #checkedIndex} accepted. */
    public static String banner(byte[] bytes) {
        int p = fieldsStart(bytes);
        for (int field = 0; field < 5; field++) {
            p += 4 + intAt(bytes, p);
        }
        return new String(bytes, p + 4, intAt(bytes, p), StandardCharsets.UTF_8);
    }

    /** Where the fields start: after the version, the index and, from version 2, the random bytes. */
    private static int fieldsStart(byte[] bytes) {
        return bytes[0] == 1 ? 9 : 9 + NONCE_BYTES;
    }

    private static final String[] FIELDS = {"kind", "actor", "subject", "outcome", "reason", "label"};
    private static final byte[][] KINDS = java.util.Arrays.stream(AuditRecord.Kind.values())
            .map(k -> k.name().getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

    private static boolean knownKind(byte[] b, int from, int length) {
        for (byte[] k : KINDS) {
            if (k.length == length && java.util.Arrays.equals(k, 0, length, b, from, from + length)) {
                return true;
            }
        }
        return false;
    }

    private static long longAt(byte[] b, int p) {
        return ((long) intAt(b, p) << 32) | (intAt(b, p + 4) & 0xffffffffL);
    }

    private static int intAt(byte[] b, int p) {
        return ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }

    /** Well-formed UTF-8 as RFC 3629 defines it: shortest forms only, no surrogates, nothing above U+10FFFF. */
    static boolean wellFormedUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int min;
            if (c >= 0xc2 && c <= 0xdf) {
                n = 1;
                min = 0x80;
            } else if (c >= 0xe0 && c <= 0xef) {
                n = 2;
                min = 0x800;
            } else if (c >= 0xf0 && c <= 0xf4) {
                n = 3;
                min = 0x10000;
            } else {
                return false;
            }
            int cp = c & (0x3f >> n);
            for (int k = 1; k <= n; k++) {
                if (i + k >= to) {
                    return false;
                }
                int cc = b[i + k] & 0xff;
                if ((cc & 0xc0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (cc & 0x3f);
            }
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                return false;
            }
            i += n + 1;
        }
        return true;
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
