package org.kizuna.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * A user's query is plain text, never query syntax: it is split at white space into words, and every word must
 * match within one part, in the Japanese field (words with CJK characters) (its Kuromoji tokens as a phrase, keeping the gaps of the particles
 * and auxiliaries the analysis drops) or in the English field (its stemmed tokens as a
 * phrase). Nothing a user types is an error of the query language; the
 * length and the number of words are bounded.
 */
public final class QueryText {

    /** At most this many characters (after trimming). */
    public static final int MAX_LENGTH = 200;
    /** At most this many words. */
    public static final int MAX_WORDS = 16;
    /** The refusal of a query that is empty or too long, naming the parameter. */
    public static final String LENGTH = "q: must be 1 to " + MAX_LENGTH + " characters";
    /** The refusal of a query of too many words, naming the parameter. */
    public static final String WORDS = "q: must be at most " + MAX_WORDS + " words";

    /** The query on the text fields (null when no word has a searchable token), and its terms for highlighting. */
    record Parsed(@Nullable Query query, Set<String> japaneseTerms, Set<String> englishTerms) {
    }

    private QueryText() {
    }

    /** Why {@code text} is refused as a query, or null when it is not. */
    public static @Nullable String refusal(@Nullable String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > MAX_LENGTH) return LENGTH;
        if (words(t).size() > MAX_WORDS) return WORDS;
        return null;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.strip().split("[\\s\\u3000]+", -1)) {
            if (!w.isEmpty()) words.add(w);
        }
        return words;
    }

    static Parsed parse(String text, Analyzer japanese, Analyzer english) {
        String refused = refusal(text);
        if (refused != null) throw new IllegalArgumentException(refused);
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        Set<String> ja = new HashSet<>(), en = new HashSet<>();
        int clauses = 0;
        for (String word : words(text)) {
            // a word without CJK characters is searched in the English field only: its stemmed form covers the exact one
            Query e = phrase(Analyzers.EN, word, english, en);
            Query j = e != null && !cjk(word) ? null : phrase(Analyzers.JA, word, japanese, ja);
            if (j == null && e == null) continue;
            Query either;
            if (j != null && e != null) {
                either = new BooleanQuery.Builder().add(j, Occur.SHOULD).add(e, Occur.SHOULD).setMinimumNumberShouldMatch(1).build();
            } else {
                either = j != null ? j : e;
            }
            all.add(either, Occur.MUST);
            clauses++;
        }
        return new Parsed(clauses == 0 ? null : all.build(), Set.copyOf(ja), Set.copyOf(en));
    }

    private static boolean cjk(String word) {
        return word.codePoints().anyMatch(c -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                    || script == Character.UnicodeScript.HANGUL || (c >= 0xFF00 && c <= 0xFFEF);
        });
    }

    /** The word's tokens in {@code field}: one term, or a phrase keeping the analysed positions; null when none. */
    private static @Nullable Query phrase(String field, String word, Analyzer analyzer, Set<String> terms) {
        List<String> tokens = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(term.toString());
                positions.add(position);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tokens.isEmpty()) return null;
        terms.addAll(tokens);
        if (tokens.size() == 1) return new TermQuery(new Term(field, tokens.getFirst()));
        PhraseQuery.Builder p = new PhraseQuery.Builder();
        int first = positions.getFirst();
        for (int i = 0; i < tokens.size(); i++) {
            p.add(new Term(field, tokens.get(i)), positions.get(i) - first);
        }
        return p.build();
    }
}
