package org.kizuna.search.internal;

import java.io.Reader;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The two analyses every part's text gets: Japanese (Kuromoji in search mode: compounds split, verbs and adjectives
 * to their base form, katakana long-vowel marks and half-width forms normalised, particles and auxiliaries dropped)
 * and English (standard tokens, possessives and stop words dropped, Porter stemming). Latin words stay in the
 * Japanese field unstemmed (a query word of Latin letters alone is searched in the English field only); CJK characters
 * are left out of the English field, where they would be single characters.
 */
final class Analyzers {

    static final String JA = "ja";
    static final String EN = "en";

    private static final Set<String> CJK_TYPES = Set.of(StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC],
            StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HIRAGANA], StandardTokenizer.TOKEN_TYPES[StandardTokenizer.KATAKANA],
            StandardTokenizer.TOKEN_TYPES[StandardTokenizer.HANGUL], StandardTokenizer.TOKEN_TYPES[StandardTokenizer.SOUTHEAST_ASIAN]);

    private Analyzers() {
    }

    /** Kuromoji in search mode, with English stop words dropped too (a Latin word is kept as written, lower-cased). */
    static Analyzer japanese() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new JapaneseTokenizer(null, true, true, JapaneseTokenizer.Mode.SEARCH);
                TokenStream s = new JapaneseBaseFormFilter(tokenizer);
                s = new JapanesePartOfSpeechStopFilter(s, JapaneseAnalyzer.getDefaultStopTags());
                s = new StopFilter(s, JapaneseAnalyzer.getDefaultStopSet());
                s = new JapaneseKatakanaStemFilter(s);
                s = new LowerCaseFilter(s);
                s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                return new TokenStreamComponents(tokenizer, s);
            }

            @Override
            protected Reader initReader(String field, Reader reader) {
                return new CJKWidthCharFilter(reader);
            }
        };
    }

    /** Standard tokens without CJK characters, lower-cased, English stop words dropped, Porter-stemmed. */
    static Analyzer english() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream s = new TypeTokenFilter(tokenizer, CJK_TYPES);
                s = new EnglishPossessiveFilter(s);
                s = new LowerCaseFilter(s);
                s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                s = new PorterStemFilter(s);
                return new TokenStreamComponents(tokenizer, s);
            }

            @Override
            protected Reader initReader(String field, Reader reader) {
                return new CJKWidthCharFilter(reader);
            }
        };
    }

    /** The index's analyzer: {@link #JA} and {@link #EN} as above; every other field is not analysed. */
    static Analyzer perField(Analyzer japanese, Analyzer english) {
        return new PerFieldAnalyzerWrapper(english, java.util.Map.of(JA, japanese, EN, english));
    }
}
