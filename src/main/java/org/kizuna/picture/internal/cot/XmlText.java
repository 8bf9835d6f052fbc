package org.kizuna.picture.internal.cot;

/**
 * Text written into the CoT XML the node sends, in attribute values and element content alike: the five markup
 * characters as entities, tab, line feed and carriage return as character references (so an attribute keeps them), and
 * the other control characters, which XML 1.0 cannot carry at all, as spaces.
 */
public final class XmlText {

    private XmlText() {
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
}
