package org.kizuna.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * A passage of one part's text around its first match, with every word that matched between {@code <mark>} and
 * {@code </mark>} and the rest HTML-escaped. Computed from the part's own text and the query's terms only (the
 * text is analysed again, as it was indexed), so no other document and no index statistic has any say in it.
 */
final class Snippets {

    /** About this many characters of text around the first match. */
    static final int WINDOW = 160;
    private static final int BEFORE = 40;

    private Snippets() {
    }

    static String of(String text, Set<String> japaneseTerms, Set<String> englishTerms, Analyzer japanese, Analyzer english) {
        boolean[] marked = new boolean[text.length()];
        mark(text, Analyzers.JA, japanese, japaneseTerms, marked);
        mark(text, Analyzers.EN, english, englishTerms, marked);
        int first = 0;
        while (first < marked.length && !marked[first]) first++;
        if (first == marked.length) first = 0;
        int from = Math.max(0, first - BEFORE);
        int to = Math.min(text.length(), from + WINDOW);
        from = Math.max(0, Math.min(from, to - WINDOW));
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) from++;
        if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) to++;
        StringBuilder out = new StringBuilder(WINDOW + 64);
        if (from > 0) out.append('…');
        boolean open = false;
        for (int i = from; i < to; i++) {
            if (marked[i] != open) {
                out.append(open ? "</mark>" : "<mark>");
                open = marked[i];
            }
            escape(text.charAt(i), out);
        }
        if (open) out.append("</mark>");
        if (to < text.length()) out.append('…');
        return out.toString();
    }

    private static void mark(String text, String field, Analyzer analyzer, Set<String> terms, boolean[] marked) {
        if (terms.isEmpty()) return;
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (terms.contains(term.toString())) {
                    for (int i = Math.max(0, offset.startOffset()); i < Math.min(marked.length, offset.endOffset()); i++) marked[i] = true;
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void escape(char c, StringBuilder out) {
        switch (c) {
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#39;");
            default -> out.append(c);
        }
    }
}
