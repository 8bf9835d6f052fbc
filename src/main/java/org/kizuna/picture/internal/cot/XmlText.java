package org.kizuna.picture.internal.cot;

/**
 * Text in CoT XML. Written ({@link #escape}), in attribute values and element content alike: the five markup
 * characters as entities, tab, line feed and carriage return as character references (so an attribute keeps them), and
 * the other control characters, which XML 1.0 cannot carry at all, as spaces. Read ({@link #unescape}): the
 * references back to characters, for the parser and the detail elements relayed from clients alike.
 */
public final class XmlText {

    private XmlText() {
    }

    /** Whether {@code c} is XML's white space: a space, tab, line feed or carriage return. */
    static boolean isSpace(int c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    public static void escape(StringBuilder sb, String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                case '\t', '\n', '\r' -> sb.append("&#").append((int) c).append(';');
                default -> sb.append(c < 0x20 ? ' ' : c);
            }
        }
    }

    /**
     * Replaces XML's five entity references and character references (such as &amp;#38; and &amp;#x26;) with the characters
     * they stand for. A reference that is not one (an unknown name, a number that is no character) stays as written.
     */
    public static String unescape(String v) {
        if (v.indexOf('&') < 0) return v;
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            int semi = c == '&' ? v.indexOf(';', i) : -1;
            if (semi < 0) {
                out.append(c);
                continue;
            }
            String ref = v.substring(i + 1, semi);
            switch (ref) {
                case "lt" -> out.append('<');
                case "gt" -> out.append('>');
                case "amp" -> out.append('&');
                case "quot" -> out.append('"');
                case "apos" -> out.append('\'');
                default -> {
                    int cp = codePoint(ref);
                    if (cp >= 0) out.appendCodePoint(cp);
                    else out.append('&').append(ref).append(';');
                }
            }
            i = semi;
        }
        return out.toString();
    }

    /** The character a reference {@code #38} or {@code #x26} stands for, or -1. */
    private static int codePoint(String ref) {
        try {
            int cp = ref.startsWith("#x") ? Integer.parseInt(ref.substring(2), 16) : ref.startsWith("#") ? Integer.parseInt(ref.substring(1)) : -1;
            return Character.isValidCodePoint(cp) ? cp : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
