package org.kizuna.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Role;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.node.Messages;
import org.kizuna.node.NodeSettings;
import org.kizuna.node.Problems;
import org.springframework.http.HttpStatus;
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
    private final JdbcUsers users;
    private final UserLocales locales;
    private final Writes writes;

    MeController(NodeSettings node, JdbcUsers users, UserLocales locales, Writes writes) {
        this.node = node.nation();
        this.users = users;
        this.locales = locales;
        this.writes = writes;
    }

    @Operation(summary = "The signed-in user, the node, and the user's language and time zone")
    @GetMapping("/api/v1/me")
    Me me(KizunaUser signedIn, Locale locale) {
        KizunaUser u = users.find(signedIn.username()).orElse(signedIn);
        return new Me(u.username(), u.nation(), u.clearance(), u.accesses().stream().sorted().toList(),
                u.roles().stream().map(Role::name).sorted().toList(), u.zone().getId(), node,
                Messages.language(locale).getLanguage(), locales.chosen(u.username()).map(Locale::getLanguage).orElse(null));
    }

    @Operation(summary = "Set the signed-in user's own language (en, ja, or null for the browser's) and home time zone")
    @PutMapping("/api/v1/me/preferences")
    Me preferences(@Valid @RequestBody Preferences preferences, KizunaUser signedIn, HttpServletResponse response, Locale locale) {
        writes.authorize(signedIn, Write.SET_OWN_PREFERENCES, signedIn.nation());
        KizunaUser u = users.find(signedIn.username()).orElse(signedIn);
        ZoneId zone = u.zone();
        if (preferences.zone() != null) {
            try {
                zone = ZoneId.of(preferences.zone());
            } catch (DateTimeException e) {
                throw Problems.coded(HttpStatus.BAD_REQUEST, "identity.preferences.zone.unknown", preferences.zone());
            }
        }
        users.setPreferences(u.username(), preferences.language(), zone);
        locales.forget(u.username());
        Locale now = preferences.language() == null ? locale : Locale.forLanguageTag(preferences.language());
        UserLocales.remember(response, preferences.language() == null ? null : now);
        return new Me(u.username(), u.nation(), u.clearance(), u.accesses().stream().sorted().toList(),
                u.roles().stream().map(Role::name).sorted().toList(), zone.getId(), node, Messages.language(now).getLanguage(),
                preferences.language());
    }
}
