package org.kizuna.label;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Strict parser of US markings. It accepts exactly the canonical form the {@link Label} renders and
 * explains every rejection; it never repairs, reorders or guesses.
 */
final class MarkingParser {

    private static final int STAGE_SCI = 1;
    private static final int STAGE_FGI = 2;
    private static final int STAGE_DISSEM = 3;
    private static final int STAGE_TAGS = 4;
    private static final int STAGE_COI = 5;

    private MarkingParser() {
    }

    static Label parse(String marking) {
        if (marking == null || marking.isEmpty()) {
            throw new InvalidMarkingException("the marking is empty");
        }
        String m = marking;
        checkCharacters(m);
        boolean portion = m.charAt(0) == '(';
        String body;
        if (portion) {
            if (m.charAt(m.length() - 1) != ')') {
                throw new InvalidMarkingException("portion mark '" + m + "' must end with ')'");
            }
            body = m.substring(1, m.length() - 1);
            if (body.isEmpty()) {
                throw new InvalidMarkingException("portion mark '()' is empty");
            }
        } else {
            if (m.indexOf('(') >= 0 || m.indexOf(')') >= 0) {
                throw new InvalidMarkingException("'" + m + "' has unbalanced parentheses; a portion mark is '(S//REL TO USA, JPN)'");
            }
            body = m;
        }
        boolean foreign = body.startsWith("//");
        if (foreign) {
            body = body.substring(2);
        }
        List<String> segments = split(body, m);
        Vocabulary v = Vocabulary.INSTANCE;

        Policy policy;
        Level level;
        String first = segments.getFirst();
        if (foreign) {
            Policy nato = Policy.of("NATO");
            Level natoLevel = portion ? nato.levelByCodeOrNull(first) : nato.levelOrNull(first);
            if (natoLevel != null) {
                policy = nato;
                level = natoLevel;
            } else {
                int space = first.indexOf(' ');
                if (space != 3) {
                    throw new InvalidMarkingException("'//" + first + "' is not a foreign classification; write '//JPN " + (portion ? "S" : "SECRET")
                            + "' (trigraph, space, level) or a NATO level such as '//" + (portion ? "NS" : "NATO SECRET") + "'");
                }
                String nation = first.substring(0, 3);
                Policy p = v.policy(nation);
                if (p == null || nation.equals("NATO")) {
                    throw new InvalidMarkingException("'" + nation + "' has no classification policy here; known: " + v.policyIds());
                }
                if (nation.equals("USA")) {
                    throw new InvalidMarkingException("US classifications are written without the '//USA ' prefix");
                }
                policy = p;
                String name = first.substring(4);
                level = portion ? p.levelByCodeOrNull(name) : p.levelOrNull(name);
                if (level == null) {
                    throw new InvalidMarkingException(
                            "'" + name + "' is not a " + (portion ? "portion code" : "level") + " of the " + nation + " policy; its levels are "
                                    + p.levels().stream().map(portion ? Level::code : Level::englishName).toList());
                }
            }
        } else {
            policy = Policy.of("USA");
            level = portion ? policy.levelByCodeOrNull(first) : policy.levelOrNull(first);
            if (level == null) {
                Level asBanner = policy.levelOrNull(first), asPortion = policy.levelByCodeOrNull(first);
                if (portion && asBanner != null) {
                    throw new InvalidMarkingException("portion marks abbreviate the classification: '(" + asBanner.code() + ")' not '(" + first + ")'");
                }
                if (!portion && asPortion != null) {
                    throw new InvalidMarkingException("'" + first + "' is a portion abbreviation; a banner spells out " + asPortion.englishName()
                            + " (portion marks are in parentheses)");
                }
                throw new InvalidMarkingException("unknown classification '" + first + "'; US markings use "
                        + policy.levels().stream().map(portion ? Level::code : Level::englishName).toList());
            }
        }

        long controls = 0;
        int releasability = Label.UNMARKED;
        long countries = 0;
        long tetras = 0;
        Map<String, Set<String>> tags = new LinkedHashMap<>();
        Set<String> communities = Set.of();
        String owner = policy.id();
        int stage = 0;
        String lastTag = null;
        for (int s = 1; s < segments.size(); s++) {
            String seg = segments.get(s);
            int colon = seg.indexOf(':');
            if (colon >= 0) {
                String tag = seg.substring(0, colon);
                if (!seg.startsWith(": ", colon)) {
                    throw new InvalidMarkingException("in '" + seg + "' the tag name is followed by ': ' (colon and space)");
                }
                List<String> values = list(seg.substring(colon + 2), seg);
                checkAscending(values, seg);
                if (tag.equals(Label.COI)) {
                    if (stage >= STAGE_COI) throw order(seg, m);
                    stage = STAGE_COI;
                    communities = new TreeSet<>(values);
                } else {
                    Label.checkTag(tag);
                    if (stage > STAGE_TAGS || (lastTag != null && lastTag.compareTo(tag) >= 0)) throw order(seg, m);
                    stage = STAGE_TAGS;
                    lastTag = tag;
                    tags.put(tag, new TreeSet<>(values));
                }
                continue;
            }
            if (seg.startsWith("FGI ")) {
                if (stage >= STAGE_FGI) throw order(seg, m);
                stage = STAGE_FGI;
                String source = seg.substring(4);
                if (v.country(source) < 0 && v.tetragraph(source) < 0) {
                    throw new InvalidMarkingException(
                            "'" + seg + "' must name one originator: an ISO 3166 alpha-3 code such as JPN, or a tetragraph such as NATO");
                }
                if (source.equals(policy.id())) {
                    throw new InvalidMarkingException("'" + seg + "' names the policy's own nation; leave it out");
                }
                owner = source;
                continue;
            }
            int sci = v.controlByName(firstToken(seg));
            if (sci >= 0 && v.controlSci[sci]) {
                if (stage >= STAGE_SCI) throw order(seg, m);
                stage = STAGE_SCI;
                int prev = -1;
                for (String token : tokens(seg, m)) {
                    int i = v.controlByName(token);
                    if (i < 0 || !v.controlSci[i]) {
                        throw new InvalidMarkingException("unknown SCI control '" + token + "' in '" + seg + "'");
                    }
                    if (i <= prev) {
                        throw new InvalidMarkingException("SCI controls in '" + seg + "' must be in alphabetical order without repeats");
                    }
                    prev = i;
                    controls |= 1L << i;
                }
                continue;
            }
            if (stage >= STAGE_DISSEM) throw order(seg, m);
            stage = STAGE_DISSEM;
            int prev = -1;
            List<String> tokens = tokens(seg, m);
            for (int t = 0; t < tokens.size(); t++) {
                String token = tokens.get(t);
                boolean last = t == tokens.size() - 1;
                if (token.equals(portion ? "NF" : "NOFORN")) {
                    if (!last) throw new InvalidMarkingException("NOFORN must be the last dissemination control in '" + seg + "'");
                    releasability = Label.NOFORN;
                    continue;
                }
                if (token.startsWith("REL TO ")) {
                    if (!last) throw new InvalidMarkingException("REL TO must be the last dissemination control in '" + seg + "'");
                    releasability = Label.REL;
                    long[] rel = relTo(token.substring(7), token);
                    countries = rel[0];
                    tetras = rel[1];
                    continue;
                }
                if (token.equals("NF") || token.equals("NOFORN")) {
                    throw new InvalidMarkingException(portion ? "portion marks write NOFORN as 'NF'" : "banners write 'NOFORN', not 'NF'");
                }
                if (token.startsWith("REL")) {
                    throw new InvalidMarkingException("'" + token + "' is not a releasability marking; write 'REL TO USA, JPN'");
                }
                int i = portion ? v.controlByPortion(token) : v.controlByName(token);
                if (i < 0 || v.controlSci[i]) {
                    int other = portion ? v.controlByName(token) : v.controlByPortion(token);
                    if (other >= 0 && !v.controlSci[other]) {
                        throw new InvalidMarkingException(portion
                                ? "portion marks abbreviate " + token + " as '" + v.controlPortions[other] + "'"
                                : "'" + token + "' is a portion abbreviation; banners write " + v.controlNames[other]);
                    }
                    throw new InvalidMarkingException("unknown control '" + token + "' in '" + m + "'");
                }
                if (i <= prev) {
                    throw new InvalidMarkingException("dissemination controls in '" + seg + "' are out of order or repeated; the order is "
                            + dissemOrder(portion));
                }
                prev = i;
                controls |= 1L << i;
            }
        }
        return new Label(policy, level.rank(), controls, releasability, countries, tetras, owner, tags, communities);
    }

    /** Whether a CoT caveat is a dissemination segment (so REL TO joins it with '/'). */
    static boolean isDissemination(String caveat) {
        String head = firstToken(caveat);
        int i = Vocabulary.INSTANCE.controlByName(head);
        return (i >= 0 && !Vocabulary.INSTANCE.controlSci[i]) || head.equals("NOFORN");
    }

    /** A segment's first control, up to its first '/'. */
    private static String firstToken(String seg) {
        int slash = seg.indexOf('/');
        return slash < 0 ? seg : seg.substring(0, slash);
    }

    private static long[] relTo(String list, String token) {
        Vocabulary v = Vocabulary.INSTANCE;
        long countries = 0;
        long tetras = 0;
        int prevCountry = -1;
        int prevTetra = -1;
        for (String code : list(list, token)) {
            int c = v.country(code);
            int t = v.tetragraph(code);
            if (c >= 0) {
                if (prevTetra >= 0) {
                    throw new InvalidMarkingException(
                            "in '" + token + "' countries come before tetragraphs; " + code + " is after " + v.tetragraphs[prevTetra]);
                }
                if (c <= prevCountry) {
                    throw new InvalidMarkingException(
                            "'" + token + "' is not in canonical order (USA first, then trigraphs alphabetically, then tetragraphs), or repeats "
                                    + code + "; write REL TO " + String.join(", ", Label.names(countries | 1L << c, 0)));
                }
                prevCountry = c;
                countries |= 1L << c;
            } else if (t >= 0) {
                if (t <= prevTetra) {
                    throw new InvalidMarkingException("tetragraphs in '" + token + "' must be in alphabetical order without repeats");
                }
                prevTetra = t;
                tetras |= 1L << t;
            } else {
                throw new InvalidMarkingException("unknown country code '" + code + "' in '" + token
                        + "'; countries are ISO 3166 alpha-3 codes such as USA, JPN, GBR, or tetragraphs such as FVEY");
            }
        }
        return new long[]{countries, tetras};
    }

    /** A list separated by exactly ', '. */
    private static List<String> list(String text, String context) {
        if (text.isEmpty()) {
            throw new InvalidMarkingException("'" + context + "' has an empty list");
        }
        if (text.endsWith(",") || text.endsWith(", ")) {
            throw new InvalidMarkingException("'" + context + "' ends with a trailing comma");
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = text.indexOf(',', start);
            String item = comma < 0 ? text.substring(start) : text.substring(start, comma);
            if (item.isEmpty()) {
                throw new InvalidMarkingException("'" + context + "' has an empty entry between commas");
            }
            if (item.indexOf(' ') == 0 || item.endsWith(" ")) {
                throw new InvalidMarkingException("'" + context + "' must separate entries with ', ' (one comma, one space)");
            }
            out.add(item);
            if (comma < 0) break;
            if (comma + 1 >= text.length() || text.charAt(comma + 1) != ' ') {
                throw new InvalidMarkingException("'" + context + "' must separate entries with ', ' (one comma, one space)");
            }
            start = comma + 2;
        }
        return out;
    }

    private static void checkAscending(List<String> values, String seg) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i - 1).compareTo(values.get(i)) >= 0) {
                throw new InvalidMarkingException("values in '" + seg + "' must be in alphabetical order without repeats");
            }
        }
    }

    /** The controls of a segment, separated by single '/'. */
    private static List<String> tokens(String seg, String marking) {
        return pieces(seg, "/", marking, "an empty control between '/'", control -> {});
    }

    /** The segments of a marking, separated by '//'; none begins or ends with a stray '/'. */
    private static List<String> split(String body, String marking) {
        return pieces(body, "//", marking, "an empty segment (a stray or trailing '//')", seg -> {
            if (seg.startsWith("/") || seg.endsWith("/")) {
                throw new InvalidMarkingException("'" + marking + "' has a stray '/'");
            }
        });
    }

    /**
     * The pieces of {@code text} between separators, in order, each checked as it is found: an empty one is
     * refused saying the marking has {@code empty}, the others go through {@code check}.
     */
    private static List<String> pieces(String text, String separator, String marking, String empty, Consumer<String> check) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int sep = text.indexOf(separator, start);
            String piece = sep < 0 ? text.substring(start) : text.substring(start, sep);
            if (piece.isEmpty()) {
                throw new InvalidMarkingException("'" + marking + "' has " + empty);
            }
            check.accept(piece);
            out.add(piece);
            if (sep < 0) return out;
            start = sep + separator.length();
        }
    }

    private static void checkCharacters(String m) {
        if (m.charAt(0) == ' ' || m.charAt(m.length() - 1) == ' ') {
            throw new InvalidMarkingException("'" + m + "' has leading or trailing spaces");
        }
        if (m.contains("  ")) {
            throw new InvalidMarkingException("'" + m + "' has a double space");
        }
        String withoutMixedCaseLevels = m.replace("OFFICIAL:Sensitive", "");
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new InvalidMarkingException("'" + m + "' contains a character that is not printable ASCII at position " + i);
            }
        }
        for (int i = 0; i < withoutMixedCaseLevels.length(); i++) {
            if (Character.isLowerCase(withoutMixedCaseLevels.charAt(i))) {
                throw new InvalidMarkingException("'" + m + "' has lower-case letters; markings are written in capitals");
            }
        }
    }

    private static InvalidMarkingException order(String seg, String marking) {
        return new InvalidMarkingException("'" + seg + "' is out of place in '" + marking
                + "'; the order is classification//SCI controls//FGI originator//dissemination controls//permissive tags (alphabetical)//COI");
    }

    private static String dissemOrder(boolean portion) {
        Vocabulary v = Vocabulary.INSTANCE;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < v.controlNames.length; i++) {
            if (!v.controlSci[i]) names.add(portion ? v.controlPortions[i] : v.controlNames[i]);
        }
        names.add(portion ? "NF or REL TO" : "NOFORN or REL TO");
        return String.join(", ", names);
    }
}
