package org.kizuna.label;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * A confidentiality label: policy and level, restrictive controls (SCI and dissemination controls a
 * reader must hold), releasability (REL TO list, NOFORN, or unmarked), other permissive tags, the
 * communities that have need-to-know, and the owner nation. Immutable; equal by value. Parsed strictly
 * from US markings (banner or portion mark) and rendered back in canonical form; an owner other than the
 * policy's nation is written as foreign government information ({@code SECRET//FGI JPN//REL TO USA, JPN}).
 */
public final class Label {

    static final int UNMARKED = 0;
    static final int NOFORN = 1;
    static final int REL = 2;

    /** The reserved permissive tag that scopes an item to communities (rule 6, need-to-know). */
    static final String COI = "COI";

    /** {@code UNCLASSIFIED}, USA-owned, no controls: releasable to every nation. */
    public static final Label UNCLASSIFIED;

    static {
        Policy usa = Policy.of("USA");
        UNCLASSIFIED = new Label(usa, 0, 0L, UNMARKED, 0L, 0L, "USA", Map.of(), Set.of());
    }

    final Policy policy;
    final int policyIndex;
    final int level;
    final long controls;
    final int releasability;
    final long relCountries;
    final long relTetras;
    final String owner;
    final int ownerCountry;
    final int ownerTetra;
    private final SortedMap<String, SortedSet<String>> permissive;
    private final SortedSet<String> communities;
    /** Who may receive the item before tetragraphs are expanded: the REL TO list, or the owner alone. */
    final long releaseCountries;
    final long releaseTetras;
    /** Whether rules 4 or 6 apply (other permissive tags or communities), so the hot path can skip them. */
    final boolean extras;
    private final String banner;
    private final String portionMark;
    private final int hash;

    Label(Policy policy, int level, long controls, int releasability, long relCountries, long relTetras, String owner,
            Map<String, ? extends Set<String>> permissive, Set<String> communities) {
        Vocabulary v = Vocabulary.INSTANCE;
        this.policy = Objects.requireNonNull(policy);
        this.policyIndex = policy.index();
        if (level < 0 || level >= policy.levels().size()) {
            throw InvalidMarkingException.of("label.invalid.level-rank", String.valueOf(level), policy.id());
        }
        this.level = level;
        this.controls = controls;
        this.releasability = releasability;
        this.relCountries = releasability == REL ? relCountries : 0L;
        this.relTetras = releasability == REL ? relTetras : 0L;
        this.owner = owner;
        this.ownerCountry = v.country(owner);
        this.ownerTetra = v.tetragraph(owner);
        if (ownerCountry < 0 && ownerTetra < 0) {
            throw InvalidMarkingException.of("label.invalid.unknown-owner", owner);
        }
        TreeMap<String, SortedSet<String>> tags = new TreeMap<>();
        permissive.forEach((tag, values) -> {
            checkTag(tag);
            if (values.isEmpty()) {
                throw InvalidMarkingException.of("label.invalid.tag-no-values", tag);
            }
            TreeSet<String> vs = new TreeSet<>();
            for (String value : values) {
                checkTagValue(tag, value);
                vs.add(value);
            }
            tags.put(tag, Collections.unmodifiableSortedSet(vs));
        });
        this.permissive = Collections.unmodifiableSortedMap(tags);
        TreeSet<String> cois = new TreeSet<>();
        for (String c : communities) {
            checkTagValue(COI, c);
            cois.add(c);
        }
        this.communities = Collections.unmodifiableSortedSet(cois);
        this.extras = !tags.isEmpty() || !cois.isEmpty();

        if (releasability == REL) {
            boolean ownerListed = ownerCountry >= 0 ? (relCountries & (1L << ownerCountry)) != 0 : (relTetras & (1L << ownerTetra)) != 0;
            if (!ownerListed) {
                throw InvalidMarkingException.of("label.invalid.rel-without-owner", String.join(", ", names(relCountries, relTetras)), owner);
            }
            long others = ownerCountry >= 0 ? relCountries & ~(1L << ownerCountry) : relCountries;
            long otherTetras = ownerTetra >= 0 ? relTetras & ~(1L << ownerTetra) : relTetras;
            if (others == 0 && otherTetras == 0) {
                throw InvalidMarkingException.of("label.invalid.rel-owner-only", owner);
            }
            releaseCountries = relCountries;
            releaseTetras = relTetras;
        } else if (releasability == UNMARKED && !policy.level(level).classified()) {
            releaseCountries = -1L;
            releaseTetras = -1L;
        } else {
            // NOFORN, and a classified item with no releasability marking: the owner only (leak 4).
            releaseCountries = ownerCountry >= 0 ? 1L << ownerCountry : 0L;
            releaseTetras = ownerTetra >= 0 ? 1L << ownerTetra : 0L;
        }
        this.banner = render(false);
        this.portionMark = render(true);
        this.hash = Objects.hash(policyIndex, level, controls, releasability, relCountries, relTetras, owner, this.permissive, this.communities);
    }

    /**
     * Parses a banner ({@code SECRET//REL TO USA, JPN}) or a portion mark ({@code (S//REL TO USA, JPN)}).
     * Foreign labels are written {@code //JPN SECRET} / {@code (//JPN S)} and NATO ones {@code //NATO SECRET} /
     * {@code (//NS)}; they are owned by that nation (or NATO), US markings by USA.
     *
     * @throws InvalidMarkingException saying what is wrong; variants and near misses are never guessed
     */
    public static Label parse(String marking) {
        return MarkingParser.parse(marking);
    }

    /**
     * Parses the marking a request gives in {@code field}, as {@link #parse}; one that is not valid is refused naming
     * the field ({@link InvalidMarkingException#inField}).
     */
    public static Label parseField(String field, String marking) {
        try {
            return parse(marking);
        } catch (InvalidMarkingException e) {
            throw e.inField(field);
        }
    }

    /**
     * Composes a label from Cursor-on-Target attributes as TAK does ({@code access//caveat//releasableTo}),
     * e.g. ("SECRET", null, "REL TO USA, JPN") is {@code SECRET//REL TO USA, JPN}. Strict like {@link #parse}.
     */
    public static Label fromCot(@Nullable String access, @Nullable String caveat, @Nullable String releasableTo) {
        if (access == null || access.isEmpty()) {
            throw InvalidMarkingException.of("label.invalid.cot-no-access");
        }
        StringBuilder m = new StringBuilder(access);
        if (caveat != null && !caveat.isEmpty()) {
            m.append("//").append(caveat);
        }
        if (releasableTo != null && !releasableTo.isEmpty()) {
            if (!releasableTo.startsWith("REL TO ")) {
                throw InvalidMarkingException.of("label.invalid.cot-releasable-to", releasableTo);
            }
            if (caveat != null && caveat.contains("NOFORN")) {
                throw InvalidMarkingException.of("label.invalid.cot-noforn-contradiction", releasableTo);
            }
            // REL TO closes the caveat's dissemination segment, or opens a segment of its own.
            boolean joinsCaveat = caveat != null && !caveat.isEmpty() && MarkingParser.isDissemination(caveat);
            m.append(joinsCaveat ? "/" : "//").append(releasableTo);
        }
        return parse(m.toString());
    }

    /** An unmarked label of a policy: owned by the policy's nation, no controls, no releasability marking. */
    public static Label of(Policy policy, String level) {
        return builder(policy, level).build();
    }

    /** A builder for labels of any policy and owner; list orders are canonicalised, contents validated. */
    public static Builder builder(Policy policy, String level) {
        return new Builder(policy, policy.level(level).rank());
    }

    /** The banner line, in canonical form (what {@link #parse} reads back), e.g. {@code TOP SECRET//SI//NOFORN}. */
    public String banner() {
        return banner;
    }

    /** The portion mark, e.g. {@code (TS//SI//NF)}. */
    public String portionMark() {
        return portionMark;
    }

    /** The same label owned by another nation (for instance JPN-originated information in US syntax). */
    public Label withOwner(String newOwner) {
        return new Label(policy, level, controls, releasability, relCountries, relTetras, newOwner, permissive, communities);
    }

    /** A builder starting from this label. */
    public Builder toBuilder() {
        Builder b = new Builder(policy, level);
        b.owner = owner;
        b.controls = controls;
        b.releasability = releasability;
        b.countries = relCountries;
        b.tetras = relTetras;
        permissive.forEach((k, vs) -> b.permissive.put(k, new TreeSet<>(vs)));
        b.communities.addAll(communities);
        return b;
    }

    public Policy policy() {
        return policy;
    }

    public Level level() {
        return policy.level(level);
    }

    /** The nation (or NATO) whose information this is; NOFORN and unmarked classified items stay with it. */
    public String owner() {
        return owner;
    }

    /** Restrictive controls in marking order; a reader must hold every one. */
    public List<String> controls() {
        List<String> out = new ArrayList<>();
        for (long m = controls; m != 0; m &= m - 1) {
            out.add(Vocabulary.INSTANCE.controlNames[Long.numberOfTrailingZeros(m)]);
        }
        return List.copyOf(out);
    }

    public boolean isNoforn() {
        return releasability == NOFORN;
    }

    /** Whether the label carries a REL TO list. */
    public boolean hasReleasabilityList() {
        return releasability == REL;
    }

    /** The REL TO list in canonical order (countries, then tetragraphs); empty unless {@link #hasReleasabilityList()}. */
    public List<String> releasableTo() {
        return List.copyOf(names(relCountries, relTetras));
    }

    /** Permissive tags other than REL TO and COI: a reader must hold at least one value of each. */
    public SortedMap<String, SortedSet<String>> permissiveTags() {
        return permissive;
    }

    /** Communities with need-to-know; when not empty a reader must belong to one of them. */
    public SortedSet<String> communities() {
        return communities;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Label l && l.hash == hash && l.policyIndex == policyIndex && l.level == level && l.controls == controls
                && l.releasability == releasability && l.relCountries == relCountries && l.relTetras == relTetras
                && l.owner.equals(owner) && l.permissive.equals(permissive) && l.communities.equals(communities);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** The banner. */
    @Override
    public String toString() {
        return banner;
    }

    static List<String> names(long countries, long tetras) {
        Vocabulary v = Vocabulary.INSTANCE;
        List<String> out = new ArrayList<>();
        for (long m = countries; m != 0; m &= m - 1) {
            out.add(v.countries[Long.numberOfTrailingZeros(m)]);
        }
        for (long m = tetras; m != 0; m &= m - 1) {
            out.add(v.tetragraphs[Long.numberOfTrailingZeros(m)]);
        }
        return out;
    }

    private String render(boolean portion) {
        Vocabulary v = Vocabulary.INSTANCE;
        Level l = policy.level(level);
        StringBuilder b = new StringBuilder(48);
        if (portion) b.append('(');
        if (policy.id().equals("NATO")) {
            b.append("//").append(portion ? l.code() : l.englishName());
        } else if (!policy.id().equals("USA")) {
            b.append("//").append(policy.id()).append(' ').append(portion ? l.code() : l.englishName());
        } else {
            b.append(portion ? l.code() : l.englishName());
        }
        String sep = "//";
        for (long m = controls & v.sciMask; m != 0; m &= m - 1) {
            b.append(sep).append(v.controlNames[Long.numberOfTrailingZeros(m)]);
            sep = "/";
        }
        if (!owner.equals(policy.id())) {
            // Foreign government information: the marking names its originator so that it survives a round trip.
            b.append("//FGI ").append(owner);
        }
        sep = "//";
        for (long m = controls & ~v.sciMask; m != 0; m &= m - 1) {
            int i = Long.numberOfTrailingZeros(m);
            b.append(sep).append(portion ? v.controlPortions[i] : v.controlNames[i]);
            sep = "/";
        }
        if (releasability == NOFORN) {
            b.append(sep).append(portion ? "NF" : "NOFORN");
        } else if (releasability == REL) {
            b.append(sep).append("REL TO ").append(String.join(", ", names(relCountries, relTetras)));
        }
        permissive.forEach((tag, values) -> b.append("//").append(tag).append(": ").append(String.join(", ", values)));
        if (!communities.isEmpty()) {
            b.append("//").append(COI).append(": ").append(String.join(", ", communities));
        }
        if (portion) b.append(')');
        return b.toString();
    }

    static void checkTag(String tag) {
        if (tag.isEmpty() || !isTagWord(tag, false) || tag.equals(COI) || tag.equals("REL TO")) {
            throw InvalidMarkingException.of("label.invalid.tag-name", tag);
        }
    }

    static void checkTagValue(String tag, String value) {
        if (value.isEmpty() || !isTagWord(value, true)) {
            throw InvalidMarkingException.of("label.invalid.tag-value", value, tag);
        }
    }

    private static boolean isTagWord(String s, boolean spaces) {
        if (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ') return false;
        char prev = 'A';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || (spaces && c == ' ' && prev != ' ');
            if (!ok) return false;
            prev = c;
        }
        return true;
    }

    /** Builds a label; REL TO lists and tags may be given in any order and are rendered canonically. */
    public static final class Builder {
        private final Policy policy;
        private final int level;
        private String owner;
        private long controls;
        private int releasability = UNMARKED;
        private long countries;
        private long tetras;
        private final TreeMap<String, Set<String>> permissive = new TreeMap<>();
        private final Set<String> communities = new LinkedHashSet<>();

        private Builder(Policy policy, int level) {
            this.policy = policy;
            this.level = level;
            this.owner = policy.id();
        }

        public Builder owner(String nation) {
            this.owner = nation;
            return this;
        }

        /** Adds restrictive controls by name (SI, TK, ORCON ...). */
        public Builder controls(String... names) {
            for (String n : names) {
                int i = Vocabulary.INSTANCE.controlByName(n);
                if (i < 0) {
                    throw InvalidMarkingException.of("label.invalid.unknown-control-known", n, String.valueOf(List.of(Vocabulary.INSTANCE.controlNames)));
                }
                controls |= 1L << i;
            }
            return this;
        }

        public Builder noforn() {
            return releasabilityOnly(NOFORN);
        }

        /** Releasable to these countries and tetragraphs (the owner must be among them). */
        public Builder relTo(String... codes) {
            releasability = REL;
            for (String c : codes) {
                int i = Vocabulary.INSTANCE.country(c);
                int t = Vocabulary.INSTANCE.tetragraph(c);
                if (i >= 0) {
                    countries |= 1L << i;
                } else if (t >= 0) {
                    tetras |= 1L << t;
                } else {
                    throw InvalidMarkingException.of("label.invalid.unknown-country", c);
                }
            }
            return this;
        }

        /** Removes any releasability marking. */
        public Builder unmarked() {
            return releasabilityOnly(UNMARKED);
        }

        /** This releasability with no countries or tetragraphs (NOFORN, or unmarked). */
        private Builder releasabilityOnly(int r) {
            releasability = r;
            countries = 0;
            tetras = 0;
            return this;
        }

        public Builder permissive(String tag, String... values) {
            permissive.computeIfAbsent(tag, k -> new TreeSet<>()).addAll(List.of(values));
            return this;
        }

        public Builder communities(String... names) {
            communities.addAll(List.of(names));
            return this;
        }

        Builder bits(long controls, int releasability, long countries, long tetras) {
            this.controls = controls;
            this.releasability = releasability;
            this.countries = countries;
            this.tetras = tetras;
            return this;
        }

        public Label build() {
            return new Label(policy, level, controls, releasability, countries, tetras, owner, permissive, communities);
        }
    }
}
