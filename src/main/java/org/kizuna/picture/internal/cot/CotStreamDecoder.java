package org.kizuna.picture.internal.cot;

import static org.kizuna.picture.internal.cot.XmlText.isSpace;

import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import org.kizuna.picture.CotEvent;
import org.kizuna.picture.CotRejected;

/**
 * Splits one connection's byte stream into CoT events, in XML (back-to-back {@code <event>...</event>})
 * or TAK protocol 1 (0xBF, varint length, protobuf). The buffer is fixed (a little more than one
 * maximal event), so a connection never holds more memory than that whatever it sends. After a bad
 * frame the decoder resynchronises on the next frame boundary, so one bad event loses nothing else.
 * A stream whose first byte is 0xBF is taken as protocol 1 from the start. Not thread-safe.
 */
public final class CotStreamDecoder {

    /** The encoding the stream currently carries. */
    public enum Mode {
        XML,
        TAK
    }

    private static final byte[] END = "</event>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int CAPACITY = CotXmlParser.MAX_EVENT_BYTES + 16 * 1024;

    private final byte[] buf = new byte[CAPACITY];
    private final CotXmlParser parser = new CotXmlParser();
    private int start, end, scan;
    private boolean discarding;
    private boolean firstByte = true;
    private Mode mode = Mode.XML;

    public Mode mode() {
        return mode;
    }

    /** Switches the encoding of what follows (after protocol negotiation); bytes already buffered are kept. */
    public void switchTo(Mode next) {
        mode = next;
        scan = start;
        discarding = false;
    }

    /** Reads what the stream has into the buffer; returns the number of bytes read or -1 at end of stream. */
    public int fill(InputStream in) throws IOException {
        compact();
        if (end == buf.length) {
            // A full buffer without a frame in it is dropped by next(); never grow.
            return 0;
        }
        int n = in.read(buf, end, buf.length - end);
        if (n > 0) end += n;
        return n;
    }

    /** Adds bytes (for tests and in-memory feeds); returns how many fitted. */
    public int feed(byte[] bytes, int offset, int length) {
        compact();
        int n = Math.min(length, buf.length - end);
        System.arraycopy(bytes, offset, buf, end, n);
        end += n;
        return n;
    }

    /** Moves the unconsumed bytes to the front of the buffer. */
    private void compact() {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            scan -= start;
            start = 0;
        }
    }

    /**
     * The next complete event, or null when more bytes are needed. A bad frame throws {@link CotRejected}
     * after it has been consumed, so the caller logs it and calls again.
     */
    public @Nullable CotEvent next() throws CotRejected {
        while (true) {
            if (firstByte) {
                while (start < end && isSpace(buf[start])) start++;
                if (start == end) return null;
                firstByte = false;
                if ((buf[start] & 0xff) == TakCodec.MAGIC) mode = Mode.TAK;
                scan = start;
            }
            if (mode == Mode.XML) {
                return nextXml();
            }
            if (start == end) return null;
            CotEvent e = nextTak();
            if (e != null || start == end || !complete) return e;
            // a control-only message: carry on with the next frame
        }
    }

    private @Nullable CotEvent nextXml() throws CotRejected {
        int found = indexOfEnd();
        if (found < 0) {
            scan = Math.max(start, end - END.length + 1);
            if (end - start >= CotXmlParser.MAX_EVENT_BYTES) {
                boolean already = discarding;
                start = scan;
                discarding = true;
                if (!already) throw new CotRejected("event exceeds " + CotXmlParser.MAX_EVENT_BYTES + " bytes; discarded up to its end");
            }
            return null;
        }
        if (discarding) {
            discarding = false;
            start = found + END.length;
            scan = start;
            return nextXml();
        }
        int from = frameStart(found);
        if (from < 0) {
            start = found + END.length;
            scan = start;
            throw new CotRejected("no <event> start tag before </event>; discarded");
        }
        if (from > start && declares(start, from)) {
            start = found + END.length;
            scan = start;
            throw new CotRejected("DOCTYPE and entity declarations are not allowed; event discarded");
        }
        if (from > start && !blank(start, from)) {
            int garbage = from - start;
            start = from;
            scan = from;
            throw new CotRejected("discarded " + garbage + " bytes that were not a complete event");
        }
        start = found + END.length;
        scan = start;
        return parser.parse(buf, from, start - from);
    }

    /**
     * Where the event that ends at {@code end} starts: its last {@code <event} start tag (events do not
     * nest), or the XML declaration just before it. Anything earlier is the wreck of a previous frame.
     */
    private int frameStart(int endTag) {
        for (int i = endTag - 6; i >= start; i--) {
            if (buf[i] == '<' && buf[i + 1] == 'e' && buf[i + 2] == 'v' && buf[i + 3] == 'e' && buf[i + 4] == 'n'
                    && buf[i + 5] == 't' && (isSpace(buf[i + 6]) || buf[i + 6] == '>' || buf[i + 6] == '/')) {
                int j = i - 1;
                while (j >= start && isSpace(buf[j])) j--;
                if (j - 1 >= start && buf[j] == '>' && buf[j - 1] == '?') {
                    for (int k = j - 6; k >= Math.max(start, j - 200); k--) {
                        if (buf[k] == '<' && buf[k + 1] == '?' && buf[k + 2] == 'x' && buf[k + 3] == 'm' && buf[k + 4] == 'l') {
                            return k;
                        }
                    }
                }
                return i;
            }
        }
        return -1;
    }

    private boolean declares(int from, int to) {
        for (int i = from; i + 2 < to; i++) {
            // <!DOCTYPE, <!ENTITY, <!ELEMENT, <!ATTLIST; comments and CDATA are not declarations
            if (buf[i] == '<' && buf[i + 1] == '!' && (buf[i + 2] == 'D' || buf[i + 2] == 'd' || buf[i + 2] == 'E' || buf[i + 2] == 'A')) return true;
        }
        return false;
    }

    private boolean blank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isSpace(buf[i])) return false;
        }
        return true;
    }

    private boolean complete;

    private @Nullable CotEvent nextTak() throws CotRejected {
        complete = false;
        if ((buf[start] & 0xff) != TakCodec.MAGIC) {
            int skip = start;
            while (skip < end && (buf[skip] & 0xff) != TakCodec.MAGIC) skip++;
            int skipped = skip - start;
            start = skip;
            complete = true;
            throw new CotRejected("expected the 0xBF magic byte of TAK protocol; skipped " + skipped + " bytes to the next frame");
        }
        int p = start + 1, length = 0, shift = 0;
        while (true) {
            if (p >= end) {
                if (p - start - 1 >= 5) break;
                return null;
            }
            int b = buf[p++] & 0xff;
            length |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                shift = -1;
                break;
            }
            shift += 7;
            if (shift >= 35) break;
        }
        if (shift != -1 || length < 0 || length > TakCodec.MAX_MESSAGE_BYTES) {
            start++;
            complete = true;
            throw new CotRejected(shift != -1
                    ? "malformed varint length in TAK frame"
                    : "TAK frame length " + length + " exceeds the limit of " + TakCodec.MAX_MESSAGE_BYTES);
        }
        if (end - p < length) return null;
        start = p + length;
        complete = true;
        return TakCodec.decode(buf, p, length);
    }

    private int indexOfEnd() {
        int last = end - END.length;
        outer : for (int i = scan; i <= last; i++) {
            if (buf[i] != '<') continue;
            for (int j = 1; j < END.length; j++) {
                if (buf[i + j] != END[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    /** Bytes buffered but not yet consumed (bounded by the buffer's fixed size). */
    public int buffered() {
        return end - start;
    }

}
