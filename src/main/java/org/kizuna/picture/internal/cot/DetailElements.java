package org.kizuna.picture.internal.cot;

import static org.kizuna.picture.internal.cot.XmlText.isSpace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kizuna.picture.CotRejected;

/**
 * The other detail elements of an event ({@link org.kizuna.picture.CotEvent#detail()}), one by one: for the
 * TAK protocol's dedicated messages ({@code contact}, {@code __group}, {@code precisionlocation},
 * {@code status}, {@code takv}), for inspecting each element's content apart, and for checking a fragment
 * that arrived as a string (TAK protocol's {@code xmlDetail}) with the hardened XML parser and its bounds.
 * A fragment given here is one the parser kept, so it is well-formed; {@link #split} relies on that.
 */
public final class DetailElements {

    /** One top-level element: its name, attributes (unescaped), whether it has content, and its XML as written. */
    public record Element(String name, Map<String, String> attributes, boolean hasContent, String xml) {
    }

    private DetailElements() {
    }

    /** Whether the fragment has a top-level element of this name. */
    public static boolean has(String fragment, String name) {
        for (Element e : split(fragment)) if (e.name().equals(name)) return true;
        return false;
    }

    /** The fragment's top-level elements, in order. */
    public static List<Element> split(String fragment) {
        List<Element> out = new ArrayList<>();
        int pos = 0, n = fragment.length();
        while (pos < n) {
            int lt = fragment.indexOf('<', pos);
            if (lt < 0) break;
            if (fragment.startsWith("<!--", lt)) {
                int end = fragment.indexOf("-->", lt + 4);
                pos = end < 0 ? n : end + 3;
                continue;
            }
            int nameEnd = lt + 1;
            while (nameEnd < n && !isSpace(fragment.charAt(nameEnd)) && fragment.charAt(nameEnd) != '>' && fragment.charAt(nameEnd) != '/') nameEnd++;
            String name = fragment.substring(lt + 1, nameEnd);
            Map<String, String> attributes = new LinkedHashMap<>();
            int p = nameEnd;
            boolean empty;
            while (true) {
                while (p < n && isSpace(fragment.charAt(p))) p++;
                if (p >= n) return out;
                char c = fragment.charAt(p);
                if (c == '/') {
                    empty = true;
                    p += 2;
                    break;
                }
                if (c == '>') {
                    empty = false;
                    p++;
                    break;
                }
                int eq = fragment.indexOf('=', p);
                String attr = fragment.substring(p, eq).strip();
                int q = eq + 1;
                while (isSpace(fragment.charAt(q))) q++;
                char quote = fragment.charAt(q);
                int close = fragment.indexOf(quote, q + 1);
                attributes.put(attr, XmlText.unescape(fragment.substring(q + 1, close)));
                p = close + 1;
            }
            int end = empty ? p : endOf(fragment, p);
            out.add(new Element(name, attributes, !empty, fragment.substring(lt, end)));
            pos = end;
        }
        return out;
    }

    /** The end (exclusive) of the element whose content starts at {@code from}: where its depth returns to zero. */
    private static int endOf(String f, int from) {
        int depth = 1, p = from;
        while (p < f.length()) {
            int lt = f.indexOf('<', p);
            if (lt < 0) return f.length();
            if (f.startsWith("<!--", lt)) {
                p = f.indexOf("-->", lt + 4) + 3;
            } else if (f.startsWith("<![CDATA[", lt)) {
                p = f.indexOf("]]>", lt + 9) + 3;
            } else if (f.startsWith("</", lt)) {
                int gt = f.indexOf('>', lt);
                depth--;
                p = gt + 1;
                if (depth == 0) return p;
            } else {
                int gt = tagEnd(f, lt);
                if (f.charAt(gt - 1) != '/') depth++;
                p = gt + 1;
            }
        }
        return f.length();
    }

    /** The index of the '>' ending the start tag at {@code lt} (quoted attribute values may hold '>'). */
    private static int tagEnd(String f, int lt) {
        char quote = 0;
        for (int i = lt + 1; i < f.length(); i++) {
            char c = f.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return f.length() - 1;
    }

    /** Writes one empty element with the given attributes (values escaped); attributes whose value is null are left out. */
    public static String element(String name, @Nullable String... attributes) {
        StringBuilder sb = new StringBuilder(64).append('<').append(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            String v = attributes[i + 1];
            if (v == null) continue;
            sb.append(' ').append(java.util.Objects.requireNonNull(attributes[i], "an attribute's name")).append("=\"");
            XmlText.escape(sb, v);
            sb.append('"');
        }
        return sb.append("/>").toString();
    }

    /**
     * Checks a fragment from outside (TAK protocol's {@code xmlDetail}, with the dedicated messages written
     * before it) with the hardened parser, exactly as the detail of an XML event: returns what the parser
     * keeps of it (null when nothing), or throws with the reason when it is malformed or hostile.
     */
    public static @Nullable String check(String fragment) throws CotRejected {
        if (fragment.isEmpty()) return null;
        byte[] body = fragment.getBytes(StandardCharsets.UTF_8);
        if (body.length > CotXmlParser.MAX_DETAIL_BYTES) {
            throw new CotRejected("detail of " + body.length + " bytes exceeds the limit of " + CotXmlParser.MAX_DETAIL_BYTES);
        }
        byte[] head = "<event uid=\"d\" type=\"t-x-takp-d\" time=\"2000-01-01T00:00:00Z\" stale=\"2000-01-01T00:00:00Z\"><detail>"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "</detail></event>".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        System.arraycopy(tail, 0, all, head.length + body.length, tail.length);
        return new CotXmlParser().parse(all).detail();
    }
}
