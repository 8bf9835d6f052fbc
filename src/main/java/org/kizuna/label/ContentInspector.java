package org.kizuna.label;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kizuna.node.Reason;

/**
 * The guard's content inspection: a body must not carry a classification word, portion mark, NOFORN
 * or codeword above or beyond its own label (leak 13). Markings are upper case, so prose such as
 * "secretary" or "the secret of success" is not flagged; a written marking is.
 */
final class ContentInspector {

    /** Why the content may not leave under this label, or null when it may. */
    @Nullable
    Reason inspect(String content, Label label, LabelKernel kernel) {
        if (content.isEmpty()) return null;
        Vocabulary v = Vocabulary.INSTANCE;
        // Classification words and portion marks of the label's own policy and of the US policy above the label.
        List<Policy> policies = new ArrayList<>(2);
        policies.add(label.policy);
        if (!label.policy.id().equals("USA")) policies.add(Policy.of("USA"));
        for (Policy p : policies) {
            int own = p == label.policy ? label.level : kernel.equivalentRank(label.policy, label.level(), p);
            if (own < 0) own = -1;
            for (Level l : p.levels()) {
                if (l.rank() <= own || !l.classified()) continue;
                String word = l.englishName();
                // "SECRET" inside "TOP SECRET" matters only when SECRET is above the label too, so no special case.
                if (findWord(content, word) >= 0) {
                    return Reason.of("label.content.marking", word, label.banner());
                }
                if (findPortionMark(content, l.code()) >= 0) {
                    return Reason.of("label.content.portion-mark", l.code(), label.portionMark());
                }
            }
        }
        if (label.releasability != Label.NOFORN && (findWord(content, "NOFORN") >= 0 || findPortionMarkControl(content, "NF"))) {
            return Reason.of("label.content.noforn", label.banner());
        }
        for (int i = 0; i < v.controlNames.length; i++) {
            if ((label.controls & (1L << i)) != 0 || !v.controlSci[i]) continue;
            if (findWord(content, v.controlNames[i]) >= 0) {
                return Reason.of("label.content.control", v.controlNames[i], label.banner());
            }
        }
        if (label.controls == 0) {
            for (String codeword : v.codewords) {
                if (findWord(content, codeword) >= 0) {
                    return Reason.of("label.content.codeword", codeword, label.banner());
                }
            }
        }
        return null;
    }

    /** The first occurrence of {@code word} with no letter or digit right before or after it. */
    static int findWord(String s, String word) {
        int at = s.indexOf(word);
        while (at >= 0) {
            boolean startOk = at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1));
            int end = at + word.length();
            boolean endOk = end == s.length() || !Character.isLetterOrDigit(s.charAt(end));
            if (startOk && endOk) return at;
            at = s.indexOf(word, at + 1);
        }
        return -1;
    }

    /** A portion mark opening with this classification code: "(S)", "(S//", "(//JPN S" is not sought here. */
    private static int findPortionMark(String s, String code) {
        String open = "(" + code;
        int at = s.indexOf(open);
        while (at >= 0) {
            int end = at + open.length();
            if (end < s.length() && (s.charAt(end) == ')' || s.startsWith("//", end))) return at;
            at = s.indexOf(open, at + 1);
        }
        return -1;
    }

    private static boolean findPortionMarkControl(String s, String control) {
        int at = s.indexOf("//" + control);
        while (at >= 0) {
            int end = at + 2 + control.length();
            if (end < s.length() && (s.charAt(end) == ')' || s.charAt(end) == '/')) return true;
            at = s.indexOf("//" + control, at + 1);
        }
        return false;
    }
}
