package org.kizuna.search.internal;

import org.apache.lucene.index.FieldInvertState;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.SmallFloat;

/**
 * A score computed from the matched document and the query alone: BM25's term-frequency saturation and length
 * normalisation, against a fixed average length and without inverse document frequency. BM25 proper weighs a term
 * by how many documents of the whole index hold it and normalises by the index's average length; both statistics
 * count parts the reader may not read, so hidden parts would move the scores, and so the order, of visible ones.
 * Here {@link #scorer} ignores every collection and term statistic it is given: adding, changing or removing a part
 * changes no other part's score. What is lost is IDF's weighting of a rare word above a common one within a query;
 * since every word of a query must match (see {@code QueryText}), that weighting decides little.
 */
final class OwnDocumentSimilarity extends Similarity {

    /** BM25's usual saturation and length normalisation. */
    static final float K1 = 1.2f;
    static final float B = 0.75f;
    /** The length, in tokens, that counts as average: about a paragraph of a report. */
    static final float AVERAGE_LENGTH = 40f;

    private static final float[] NORM_FACTOR = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            NORM_FACTOR[i] = K1 * (1 - B + B * SmallFloat.byte4ToInt((byte) i) / AVERAGE_LENGTH);
        }
    }

    OwnDocumentSimilarity() {
        super(true);
    }

    @Override
    public long computeNorm(FieldInvertState state) {
        int length = getDiscountOverlaps() ? state.getLength() - state.getNumOverlap() : state.getLength();
        return SmallFloat.intToByte4(Math.max(0, length));
    }

    @Override
    public SimScorer scorer(float boost, CollectionStatistics collection, TermStatistics... terms) {
        return new SimScorer() {
            @Override
            public float score(float freq, long norm) {
                return boost * (K1 + 1) * freq / (freq + NORM_FACTOR[((byte) norm) & 0xFF]);
            }
        };
    }
}
