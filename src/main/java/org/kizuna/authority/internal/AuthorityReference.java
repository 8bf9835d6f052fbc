package org.kizuna.authority.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kizuna.authority.LegalFacts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The authority module's reference data file ({@code authority/legal-situations.yaml}) as read, and the facts made of it. */
record AuthorityReference(int version, String compiled, String legislationNation, List<LegalFacts.Source> sources,
        List<LegalFacts.Situation> situations, List<LegalFacts.SupportKind> kinds, List<LegalFacts.Region> regions, List<RuleSet> rules) {

    static final String RESOURCE = "/authority/legal-situations.yaml";

    record RuleSet(String situation, Map<String, PartnerRules> kinds) {
    }

    record PartnerRules(Entry usa, @Nullable Entry others) {
    }

    record Entry(LegalFacts.Permission permission, String basis, String reason, @Nullable String verification) {
    }

    static LegalFacts load() {
        try (InputStream in = AuthorityReference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("authority reference data " + RESOURCE + " is missing from the build");
            }
            return YAMLMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build()
                    .readValue(in, AuthorityReference.class)
                    .facts();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The facts, after checking that every situation has a rule for every kind and every source is known. */
    LegalFacts facts() {
        Set<String> sourceIds = new HashSet<>();
        sources.forEach(s -> sourceIds.add(s.id()));
        Set<String> kindIds = new HashSet<>();
        kinds.forEach(k -> kindIds.add(k.id()));
        List<LegalFacts.Rule> out = new ArrayList<>();
        for (LegalFacts.Situation s : situations) {
            require(sourceIds.containsAll(s.sources()), "situation " + s.id() + ": unknown source in " + s.sources());
            RuleSet set = rules.stream().filter(r -> r.situation().equals(s.id())).findFirst()
                    .orElseThrow(() -> new IllegalStateException(RESOURCE + ": no rules for situation " + s.id()));
            require(set.kinds().keySet().equals(kindIds), "situation " + s.id() + ": rules for " + set.kinds().keySet() + ", kinds are " + kindIds);
            set.kinds().forEach((kind, p) -> {
                out.add(rule(s.id(), "USA", kind, p.usa()));
                out.add(rule(s.id(), "OTHER", kind, p.others() != null ? p.others() : p.usa()));
            });
        }
        require(rules.size() == situations.size(), "rules name a situation that does not exist");
        return new LegalFacts(sources, situations, kinds, regions, List.copyOf(out), legislationNation);
    }

    private static LegalFacts.Rule rule(String situation, String partner, String kind, Entry e) {
        return new LegalFacts.Rule(situation, partner, kind, e.permission(), e.reason(), e.basis(),
                e.verification() != null ? e.verification() : "unverified");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(RESOURCE + ": " + message);
        }
    }
}
