package org.kizuna.authority.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kizuna.authority.Authority;
import org.kizuna.authority.LegalFacts;
import org.kizuna.authority.LevelInForce;
import org.kizuna.console.DeskSection;
import org.kizuna.identity.KizunaUser;
import org.springframework.stereotype.Component;

/**
 * The authority part of the desk: the situation level in force in every region as the user may read the settings
 * (peacetime where none is readable), regions under a specified situation first; its count is the regions under one.
 * Situations are named in the reader's language as the legal facts give them.
 */
@Component
class AuthorityDesk extends DeskSection.OfModule {

    /** The regions the catalogue names ({@code authority.desk.region.<id>}); another region is named as the facts name it. */
    static final Set<String> NAMED_REGIONS = Set.of("japan", "southwest-islands", "surrounding-areas", "global");

    private final Authority authority;

    AuthorityDesk(Authority authority) {
        super("authority", 60);
        this.authority = authority;
    }

    @Override
    public Optional<Content> section(KizunaUser user, Locale language) {
        LegalFacts facts = authority.facts();
        boolean japanese = language.getLanguage().equals("ja");
        Map<String, String> situations = new HashMap<>(), regions = new HashMap<>();
        facts.situations().forEach(s -> situations.put(s.id(), japanese ? s.ja() : s.name()));
        facts.regions().forEach(r -> regions.put(r.id(), r.name()));
        List<LevelInForce> levels = authority.levelsInForce(user.reader()).stream()
                .sorted(Comparator.comparing((LevelInForce l) -> l.level().equals(AuthorityService.PEACETIME))).toList();
        List<Item> items = levels.stream().map(l -> {
            String situation = situations.getOrDefault(l.level(), l.level());
            String link = page("region", l.region());
            List<String> labels = List.of(l.label().banner());
            return NAMED_REGIONS.contains(l.region())
                    ? Item.at("authority.desk.region." + l.region(), List.of(situation), link, l.since(), labels)
                    : Item.at("authority.desk.level", List.of(regions.getOrDefault(l.region(), l.region()), situation), link, l.since(), labels);
        }).toList();
        int specified = (int) levels.stream().filter(l -> !l.level().equals(AuthorityService.PEACETIME)).count();
        return Optional.of(content(specified, items));
    }
}
