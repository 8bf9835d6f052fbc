package org.kizuna.label;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.kizuna.node.Reason;

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
            throw InvalidMarkingException.of("label.invalid.empty");
        }
        String m = marking;
        checkCharacters(m);
        boolean portion = m.charAt(0) == '(';
        String body;
        if (portion) {
            if (m.charAt(m.length() - 1) != ')') {
                throw InvalidMarkingException.of("label.invalid.portion-end", m);
            }
            body = m.substring(1, m.length() - 1);
            if (body.isEmpty()) {
                throw InvalidMarkingException.of("label.invalid.portion-empty");
            }
        } else {
            if (m.indexOf('(') >= 0 || m.indexOf(')') >= 0) {
                throw InvalidMarkingException.of("label.invalid.unbalanced", m);
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
                    throw InvalidMarkingException.of("label.invalid.not-foreign", first, portion ? "S" : "SECRET", portion ? "NS" : "NATO SECRET");
                }
                String nation = first.substring(0, 3);
                Policy p = v.policy(nation);
                if (p == null || nation.equals("NATO")) {
                    throw InvalidMarkingException.of("label.invalid.no-policy-here", nation, String.valueOf(v.policyIds()));
                }
                if (nation.equals("USA")) {
                    throw InvalidMarkingException.of("label.invalid.usa-prefix");
                }
                policy = p;
                String name = first.substring(4);
                level = portion ? p.levelByCodeOrNull(name) : p.levelOrNull(name);
                if (level == null) {
                    throw InvalidMarkingException.of("label.invalid.not-a-level", name,
                            Reason.of(portion ? "label.invalid.word.portion-code" : "label.invalid.word.level"), nation,
                            String.valueOf(p.levels().stream().map(portion ? Level::code : Level::englishName).toList()));
                }
            }
        } else {
            policy = Policy.of("USA");
            level = portion ? policy.levelByCodeOrNull(first) : policy.levelOrNull(first);
            if (level == null) {
                Level asBanner = policy.levelOrNull(first), asPortion = policy.levelByCodeOrNull(first);
                if (portion && asBanner != null) {
                    throw InvalidMarkingException.of("label.invalid.portion-abbreviate", asBanner.code(), first);
                }
                if (!portion && asPortion != null) {
                    throw InvalidMarkingException.of("label.invalid.banner-spells-out", first, asPortion.englishName());
                }
                throw InvalidMarkingException.of("label.invalid.unknown-classification", first,
                        String.valueOf(policy.levels().stream().map(portion ? Level::code : Level::englishName).toList()));
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
                    throw InvalidMarkingException.of("label.invalid.tag-colon", seg);
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
                    throw InvalidMarkingException.of("label.invalid.one-originator", seg);
                }
                if (source.equals(policy.id())) {
                    throw InvalidMarkingException.of("label.invalid.own-nation", seg);
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
                        throw InvalidMarkingException.of("label.invalid.unknown-sci-in", token, seg);
                    }
                    if (i <= prev) {
                        throw InvalidMarkingException.of("label.invalid.sci-order", seg);
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
                    if (!last) throw InvalidMarkingException.of("label.invalid.noforn-last", seg);
                    releasability = Label.NOFORN;
                    continue;
                }
                if (token.startsWith("REL TO ")) {
                    if (!last) throw InvalidMarkingException.of("label.invalid.rel-last", seg);
                    releasability = Label.REL;
                    long[] rel = relTo(token.substring(7), token);
                    countries = rel[0];
                    tetras = rel[1];
                    continue;
                }
                if (token.equals("NF") || token.equals("NOFORN")) {
                    throw InvalidMarkingException.of("label.invalid." + (portion ? "noforn-portion" : "noforn-banner"));
                }
                if (token.startsWith("REL")) {
                    throw InvalidMarkingException.of("label.invalid.not-releasability", token);
                }
                int i = portion ? v.controlByPortion(token) : v.controlByName(token);
                if (i < 0 || v.controlSci[i]) {
                    int other = portion ? v.controlByName(token) : v.controlByPortion(token);
                    if (other >= 0 && !v.controlSci[other]) {
                        throw InvalidMarkingException.of("label.invalid." + (portion ? "control-portion" : "control-banner"), token,
                                portion ? v.controlPortions[other] : v.controlNames[other]);
                    }
                    throw InvalidMarkingException.of("label.invalid.unknown-control-in", token, m);
                }
                if (i <= prev) {
                    throw InvalidMarkingException.of("label.invalid.dissemination-order", seg, String.valueOf(dissemOrder(portion)));
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
                    throw InvalidMarkingException.of("label.invalid.countries-before-tetragraphs", token, code, v.tetragraphs[prevTetra]);
                }
                if (c <= prevCountry) {
                    throw InvalidMarkingException.of("label.invalid.rel-order", token, code, String.join(", ", Label.names(countries | 1L << c, 0)));
                }
                prevCountry = c;
                countries |= 1L << c;
            } else if (t >= 0) {
                if (t <= prevTetra) {
                    throw InvalidMarkingException.of("label.invalid.tetragraph-order", token);
                }
                prevTetra = t;
                tetras |= 1L << t;
            } else {
                throw InvalidMarkingException.of("label.invalid.unknown-country-in", code, token);
            }
        }
        return new long[]{countries, tetras};
    }

    /** A list separated by exactly ', '. */
    private static List<String> list(String text, String context) {
        if (text.isEmpty()) {
            throw InvalidMarkingException.of("label.invalid.list-empty", context);
        }
        if (text.endsWith(",") || text.endsWith(", ")) {
            throw InvalidMarkingException.of("label.invalid.list-trailing-comma", context);
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = text.indexOf(',', start);
            String item = comma < 0 ? text.substring(start) : text.substring(start, comma);
            if (item.isEmpty()) {
                throw InvalidMarkingException.of("label.invalid.list-empty-entry", context);
            }
            if (item.indexOf(' ') == 0 || item.endsWith(" ")) {
                throw InvalidMarkingException.of("label.invalid.list-separator", context);
            }
            out.add(item);
            if (comma < 0) break;
            if (comma + 1 >= text.length() || text.charAt(comma + 1) != ' ') {
                throw InvalidMarkingException.of("label.invalid.list-separator", context);
            }
            start = comma + 2;
        }
        return out;
    }

    private static void checkAscending(List<String> values, String seg) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i - 1).compareTo(values.get(i)) >= 0) {
                throw InvalidMarkingException.of("label.invalid.values-order", seg);
            }
        }
    }

    /** The controls of a segment, separated by single '/'. */
    private static List<String> tokens(String seg, String marking) {
        return pieces(seg, "/", marking, Reason.of("label.invalid.part.empty-control"), control -> {});
    }

    /** The segments of a marking, separated by '//'; none begins or ends with a stray '/'. */
    private static List<String> split(String body, String marking) {
        return pieces(body, "//", marking, Reason.of("label.invalid.part.empty-segment"), seg -> {
            if (seg.startsWith("/") || seg.endsWith("/")) {
                throw InvalidMarkingException.of("label.invalid.stray-slash", marking);
            }
        });
    }

    /**
     * The pieces of {@code text} between separators, in order, each checked as it is found: an empty one is
     * refused saying the marking has {@code empty}, the others go through {@code check}.
     */
    private static List<String> pieces(String text, String separator, String marking, Reason empty, Consumer<String> check) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int sep = text.indexOf(separator, start);
            String piece = sep < 0 ? text.substring(start) : text.substring(start, sep);
            if (piece.isEmpty()) {
                throw InvalidMarkingException.of("label.invalid.empty-piece", marking, empty);
            }
            check.accept(piece);
            out.add(piece);
            if (sep < 0) return out;
            start = sep + separator.length();
        }
    }

    private static void checkCharacters(String m) {
        if (m.charAt(0) == ' ' || m.charAt(m.length() - 1) == ' ') {
            throw InvalidMarkingException.of("label.invalid.spaces-around", m);
        }
        if (m.contains("  ")) {
            throw InvalidMarkingException.of("label.invalid.double-space", m);
        }
        String withoutMixedCaseLevels = m.replace("OFFICIAL:Sensitive", "");
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw InvalidMarkingException.of("label.invalid.not-ascii", m, String.valueOf(i));
            }
        }
        for (int i = 0; i < withoutMixedCaseLevels.length(); i++) {
            if (Character.isLowerCase(withoutMixedCaseLevels.charAt(i))) {
                throw InvalidMarkingException.of("label.invalid.lower-case", m);
            }
        }
    }

    private static InvalidMarkingException order(String seg, String marking) {
        return InvalidMarkingException.of("label.invalid.out-of-place", seg, marking);
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
