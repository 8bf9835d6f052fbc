package org.kizuna.label;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A national (or NATO) classification policy: its levels in order, lowest first. The shipped policies
 * are USA, JPN, KOR, GBR, AUS and NATO; a nation's readers hold clearances in their nation's policy.
 */
public final class Policy {

    private final String id;
    private final String name;
    private final int index;
    private final List<Level> levels;
    private final Map<String, Level> byEnglish = new HashMap<>();
    private final Map<String, Level> byCode = new HashMap<>();
    private final String[] englishNames;

    Policy(String id, String name, int index, List<Level> levels) {
        this.id = id;
        this.name = name;
        this.index = index;
        this.levels = List.copyOf(levels);
        this.englishNames = levels.stream().map(Level::englishName).toArray(String[]::new);
        for (Level l : levels) {
            byEnglish.put(l.englishName(), l);
            byCode.put(l.code(), l);
        }
    }

    /** The policy with this id (a nation's trigraph or NATO). */
    public static Policy of(String id) {
        Policy p = Vocabulary.INSTANCE.policy(id);
        if (p == null) {
            throw InvalidMarkingException.of("label.invalid.no-policy", id, String.valueOf(Vocabulary.INSTANCE.policyIds()));
        }
        return p;
    }

    /** The shipped policy of a nation, if it has one. */
    public static Optional<Policy> ofNation(String nation) {
        return Optional.ofNullable(Vocabulary.INSTANCE.policy(nation));
    }

    /** Every shipped policy. */
    public static List<Policy> all() {
        return Vocabulary.INSTANCE.policies();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<Level> levels() {
        return levels;
    }

    /** The level with this English name, such as {@code SECRET} or {@code OFFICIAL:Sensitive}. */
    public Level level(String englishName) {
        Level l = byEnglish.get(englishName);
        if (l == null) {
            throw InvalidMarkingException.of("label.invalid.not-a-level-of", englishName, id, String.valueOf(levels.stream().map(Level::englishName).toList()));
        }
        return l;
    }

    @Nullable
    Level levelOrNull(String englishName) {
        return byEnglish.get(englishName);
    }

    /**
     * Rank of a level by English name, validated before (a Reader's level). Readers hold this policy's own
     * name instances, so an identity scan of a handful of levels finds them without hashing.
     */
    @SuppressWarnings("ReferenceEquality") // names are interned by the parser: identity first, equals after
    int rankOf(String englishName) {
        for (int i = 0; i < englishNames.length; i++) {
            if (englishNames[i] == englishName) return i;
        }
        return Objects.requireNonNull(byEnglish.get(englishName), "a reader's level is validated").rank();
    }

    @Nullable
    Level levelByCodeOrNull(String code) {
        return byCode.get(code);
    }

    Level level(int rank) {
        return levels.get(rank);
    }

    int index() {
        return index;
    }

    @Override
    public String toString() {
        return id;
    }
}
