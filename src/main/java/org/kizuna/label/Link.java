package org.kizuna.label;

import org.jspecify.annotations.Nullable;

/**
 * The guard's view of the link to one partner nation: its accredited maximum level (in the partner's
 * policy), the level from which release is manual (two distinct approvals; ORCON portions always are),
 * and the largest content an item may carry across it.
 */
public record Link(String nation, String maxLevel, @Nullable String manualReleaseFrom, int maxContentChars) {

    public Link {
        Policy p = Policy.ofNation(nation).orElseThrow(() -> new InvalidMarkingException(
                "no link to '" + nation + "': a partner is a nation with a classification policy " + Policy.all()));
        p.level(maxLevel);
        if (manualReleaseFrom != null) p.level(manualReleaseFrom);
        if (maxContentChars <= 0) {
            throw new InvalidMarkingException("a link's content limit must be positive; got " + maxContentChars);
        }
    }

    /** A link accredited to the partner's highest level, with no manual-release class and a 1 MiB content limit. */
    public static Link to(String nation) {
        Policy p = Policy.ofNation(nation).orElseThrow(() -> new InvalidMarkingException(
                "no link to '" + nation + "': a partner is a nation with a classification policy " + Policy.all()));
        return new Link(nation, p.levels().getLast().englishName(), null, 1 << 20);
    }
}
