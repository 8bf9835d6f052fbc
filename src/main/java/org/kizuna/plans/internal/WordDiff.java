package org.kizuna.plans.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kizuna.plans.PlanDiff.Piece;

/**
 * Word-level differences of two texts for the side-by-side view: the texts are cut into words (Latin letters and
 * digits), single Han, hiragana and katakana characters (Japanese has no spaces between words), runs of white space
 * and single other characters; the longest common subsequence of the two token lists is kept, the rest is marked
 * removed (left) or added (right). Common heads and tails are taken off first; when what remains would need more
 * than {@link #MAX_CELLS} table cells, the remaining middle is shown as removed and added whole.
 */
final class WordDiff {

    static final int MAX_CELLS = 1_000_000;

    private static final Pattern TOKEN = Pattern.compile(
            "\\p{IsHan}|\\p{IsHiragana}|\\p{IsKatakana}|[\\p{L}\\p{N}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]]+|\\s+|.", Pattern.DOTALL);

    record Sides(List<Piece> left, List<Piece> right) {
    }

    private WordDiff() {
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    static Sides of(String before, String after) {
        List<String> a = tokens(before), b = tokens(after);
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) head++;
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) tail++;
        List<String> ma = a.subList(head, a.size() - tail), mb = b.subList(head, b.size() - tail);
        Pieces left = new Pieces(), right = new Pieces();
        for (int i = 0; i < head; i++) {
            left.add(a.get(i), false);
            right.add(b.get(i), false);
        }
        int n = ma.size(), m = mb.size();
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            ma.forEach(t -> left.add(t, true));
            mb.forEach(t -> right.add(t, true));
        } else {
            int[][] lcs = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    lcs[i][j] = ma.get(i).equals(mb.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0, j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && ma.get(i).equals(mb.get(j))) {
                    left.add(ma.get(i++), false);
                    right.add(mb.get(j++), false);
                } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                    right.add(mb.get(j++), true);
                } else {
                    left.add(ma.get(i++), true);
                }
            }
        }
        for (int i = a.size() - tail; i < a.size(); i++) left.add(a.get(i), false);
        for (int i = b.size() - tail; i < b.size(); i++) right.add(b.get(i), false);
        return new Sides(left.done(), right.done());
    }

    /** Unchanged text as one piece; the whole of a text. */
    static List<Piece> unchanged(String text) {
        return text.isEmpty() ? List.of() : List.of(new Piece(text, false));
    }

    /** Joins neighbouring tokens of the same kind into one piece; white space between two changed words stays changed. */
    private static final class Pieces {
        private final List<Piece> out = new ArrayList<>();
        private final StringBuilder run = new StringBuilder();
        private boolean changed;

        void add(String token, boolean isChanged) {
            if (!run.isEmpty() && isChanged != changed) flush();
            changed = isChanged;
            run.append(token);
        }

        private void flush() {
            if (!run.isEmpty()) out.add(new Piece(run.toString(), changed));
            run.setLength(0);
        }

        List<Piece> done() {
            flush();
            return List.copyOf(out);
        }
    }
}
