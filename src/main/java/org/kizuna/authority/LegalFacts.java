package org.kizuna.authority;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The legal reference data (public, of the build): Japan's situations under the 2015 legislation with their legal
 * basis, what the Self-Defense Forces may do for US and other forces and the sources; the support kinds; the regions;
 * and the rules: for each situation, partner ({@code USA} or {@code OTHER}) and kind, whether the support is allowed,
 * not allowed (with the reason and basis) or needs a decision.
 */
public record LegalFacts(List<Source> sources, List<Situation> situations, List<SupportKind> kinds, List<Region> regions, List<Rule> rules,
        String legislationNation) {

    public record Source(String id, String url, String publisher, @Nullable String date) {
    }

    /** A situation (level) of the legislation, copied from the reference facts with its sources and verification. */
    public record Situation(String id, String name, String ja, List<String> legalBasis, @Nullable String definition,
            List<String> sdfSupportToUs, boolean useOfForce, List<String> sources, String verification) {
    }

    public record SupportKind(String id, String name, String description) {
    }

    public record Region(String id, String name, String description) {
    }

    public enum Permission {
        ALLOWED,
        NOT_ALLOWED,
        DECISION
    }

    /** Under {@code situation}, support of {@code kind} to forces of {@code partner} (USA, or OTHER for any other partner). */
    public record Rule(String situation, String partner, String kind, Permission permission, String reason, String basis, String verification) {
    }

    /** The rule for a situation, partner nation and kind (a partner other than USA is OTHER). */
    public Rule rule(String situation, String partnerNation, String kind) {
        String partner = "USA".equals(partnerNation) ? "USA" : "OTHER";
        return rules.stream().filter(r -> r.situation().equals(situation) && r.partner().equals(partner) && r.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no rule for " + situation + "/" + partner + "/" + kind));
    }
}
