package org.kizuna.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Role;
import org.kizuna.node.Messages;
import org.kizuna.node.NodeSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/me}: who the console is talking to, on which node, in which language and time zone;
 * {@code PUT /api/v1/me/preferences}: the user's own language and home time zone.
 */
@RestController
class MeController {

    /**
     * @param language the language the node answers this user in ({@code en}, {@code ja})
     * @param chosenLanguage the language the user chose, null where the browser's decides
     */
    record Me(String username, String nation, String clearance, List<String> accesses, List<String> roles, String zone, String node,
            String language, @Nullable String chosenLanguage) {
    }

    /**
     * @param language {@code en}, {@code ja}, or null for the browser's language
     * @param zone an IANA time zone ({@code Asia/Tokyo}); null keeps the present one
     */
    record Preferences(@Nullable @Pattern(regexp = "en|ja", message = "{identity.preferences.language}") String language,
            @Nullable @Size(min = 1, max = 64, message = "{identity.preferences.zone}") String zone) {
    }

    private final String node;
    private final UserPreferences preferences;

    MeController(NodeSettings node, UserPreferences preferences) {
        this.node = node.nation();
        this.preferences = preferences;
    }

    @Operation(summary = "The signed-in user, the node, and the user's language and time zone")
    @GetMapping("/api/v1/me")
    Me me(KizunaUser signedIn, Locale locale) {
        KizunaUser u = preferences.current(signedIn);
        return me(u, u.zone(), Messages.language(locale), preferences.chosenLanguage(u).map(Locale::getLanguage).orElse(null));
    }

    @Operation(summary = "Set the signed-in user's own language (en, ja, or null for the browser's) and home time zone")
    @PutMapping("/api/v1/me/preferences")
    Me preferences(@Valid @RequestBody Preferences chosen, KizunaUser signedIn, HttpServletResponse response, Locale locale) {
        ZoneId zone = preferences.set(signedIn, chosen.language(), chosen.zone());
        Locale now = chosen.language() == null ? locale : Locale.forLanguageTag(chosen.language());
        UserLocales.remember(response, chosen.language() == null ? null : now);
        return me(preferences.current(signedIn), zone, Messages.language(now), chosen.language());
    }

    private Me me(KizunaUser u, ZoneId zone, Locale language, @Nullable String chosenLanguage) {
        return new Me(u.username(), u.nation(), u.clearance(), u.accesses().stream().sorted().toList(),
                u.roles().stream().map(Role::name).sorted().toList(), zone.getId(), node, language.getLanguage(), chosenLanguage);
    }
}
