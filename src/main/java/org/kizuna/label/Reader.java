package org.kizuna.label;

import java.util.Set;

/**
 * Who is reading: a nation (ISO 3166 alpha-3), a clearance level by its English name in that nation's
 * own policy ("SECRET", "OFFICIAL:Sensitive"), the restrictive controls and permissive tag values held
 * (accesses) and the communities the reader has need-to-know for. Validated on construction.
 */
public record Reader(String nation, String level, Set<String> accesses, Set<String> communities) {

    public Reader {
        if (nation == null || level == null || accesses == null || communities == null) {
            throw InvalidMarkingException.of("label.invalid.reader-incomplete");
        }
        int country = Vocabulary.INSTANCE.country(nation);
        if (country < 0) {
            throw InvalidMarkingException.of("label.invalid.reader-unknown-nation", nation);
        }
        int policy = Vocabulary.INSTANCE.countryPolicy[country];
        if (policy < 0) {
            throw InvalidMarkingException.of("label.invalid.reader-no-policy", nation, String.valueOf(Vocabulary.INSTANCE.policyIds()));
        }
        // Canonical instances make the decision's table look-ups hit the identity fast path of String.equals.
        nation = Vocabulary.INSTANCE.countries[country];
        level = Vocabulary.INSTANCE.policies().get(policy).level(level).englishName();
        accesses = HeldAccesses.of(accesses);
        communities = Set.copyOf(communities);
    }

    /** A reader without community memberships. */
    public Reader(String nation, String level, Set<String> accesses) {
        this(nation, level, accesses, Set.of());
    }

    /** Parses {@code NATION/LEVEL}, such as {@code JPN/SECRET} or {@code AUS/OFFICIAL:Sensitive}, with no accesses. */
    public static Reader parse(String nationSlashLevel) {
        if (nationSlashLevel == null) {
            throw InvalidMarkingException.of("label.invalid.reader-missing");
        }
        int slash = nationSlashLevel.indexOf('/');
        if (slash < 0 || nationSlashLevel.indexOf('/', slash + 1) >= 0) {
            throw InvalidMarkingException.of("label.invalid.reader-form", nationSlashLevel);
        }
        return new Reader(nationSlashLevel.substring(0, slash), nationSlashLevel.substring(slash + 1), Set.of());
    }

    public static Reader of(String nation, String level, Set<String> accesses) {
        return new Reader(nation, level, accesses);
    }

    /**
     * The nation's highest reader: the top level of its classification policy, with no accesses; how a node reads what
     * it holds as itself (its registry, its own records for its planner).
     */
    public static Reader highestOf(String nation) {
        return of(nation, Policy.ofNation(nation).orElseThrow().levels().getLast().englishName(), Set.of());
    }

    /** The same reader with need-to-know for these communities. */
    public Reader withCommunities(Set<String> names) {
        return new Reader(nation, level, accesses, names);
    }

    @Override
    public String toString() {
        return nation + "/" + level + (accesses.isEmpty() ? "" : " " + accesses) + (communities.isEmpty() ? "" : " COI " + communities);
    }
}
