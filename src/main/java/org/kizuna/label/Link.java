package org.kizuna.label;

import org.jspecify.annotations.Nullable;

/**
 * The guard's view of the link to one partner nation: its accredited maximum level (in the partner's
 * policy), the level from which release is manual (two distinct approvals; ORCON portions always are),
 * and the largest content an item may carry across it.
 */
public record Link(String nation, String maxLevel, @Nullable String manualReleaseFrom, int maxContentChars) {

    /** The content limit of {@link #to(String)}: 1 MiB. */
    static final int DEFAULT_MAX_CONTENT_CHARS = 1 << 20;

    public Link {
        Policy p = partnerPolicy(nation);
        p.level(maxLevel);
        if (manualReleaseFrom != null) p.level(manualReleaseFrom);
        if (maxContentChars <= 0) {
            throw InvalidMarkingException.of("label.invalid.link-limit", String.valueOf(maxContentChars));
        }
    }

    /** A link accredited to the partner's highest level, with no manual-release class and a 1 MiB content limit. */
    public static Link to(String nation) {
        return new Link(nation, partnerPolicy(nation).levels().getLast().englishName(), null, DEFAULT_MAX_CONTENT_CHARS);
    }

    private static Policy partnerPolicy(String nation) {
        return Policy.ofNation(nation).orElseThrow(() -> InvalidMarkingException.of("label.invalid.no-link", nation, String.valueOf(Policy.all())));
    }
}
