package org.kizuna.authority.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
class AuthorityDesk implements DeskSection {

    /** The regions the catalogue names ({@code authority.desk.region.<id>}); another region is named as the facts name it. */
    static final Set<String> NAMED_REGIONS = Set.of("japan", "southwest-islands", "surrounding-areas", "global");

    private final Authority authority;

    AuthorityDesk(Authority authority) {
        this.authority = authority;
    }

    @Override
    public String module() {
        return "authority";
    }

    @Override
    public int order() {
        return 60;
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
            String link = "/authority/?region=" + URLEncoder.encode(l.region(), StandardCharsets.UTF_8);
            return NAMED_REGIONS.contains(l.region())
                    ? new Item("authority.desk.region." + l.region(), List.of(situation), link, l.since(), null, null, false, List.of(l.label().banner()))
                    : new Item("authority.desk.level", List.of(regions.getOrDefault(l.region(), l.region()), situation), link, l.since(), null, null, false,
                            List.of(l.label().banner()));
        }).toList();
        int specified = (int) levels.stream().filter(l -> !l.level().equals(AuthorityService.PEACETIME)).count();
        return Optional.of(new Content("authority.desk.heading", "/authority/", specified, items));
    }
}
