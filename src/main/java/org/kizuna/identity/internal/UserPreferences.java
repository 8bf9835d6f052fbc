package org.kizuna.identity.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Write;
import org.kizuna.identity.Writes;
import org.kizuna.node.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** A user's own settings: the console's language and the home time zone times are shown in. */
@Service
class UserPreferences {

    private final JdbcUsers users;
    private final UserLocales locales;
    private final Writes writes;

    UserPreferences(JdbcUsers users, UserLocales locales, Writes writes) {
        this.users = users;
        this.locales = locales;
        this.writes = writes;
    }

    /** The user as stored now (a zone changed since sign-in included). */
    KizunaUser current(KizunaUser signedIn) {
        return users.find(signedIn.username()).orElse(signedIn);
    }

    /** The language the user chose, empty where the browser's decides. */
    Optional<Locale> chosenLanguage(KizunaUser user) {
        return locales.chosen(user.username());
    }

    /**
     * Sets the user's own language ({@code null}: the browser's) and home zone ({@code null}: unchanged); a write of
     * {@link Write#SET_OWN_PREFERENCES}. An unknown zone is a 400 and changes nothing.
     */
    ZoneId set(KizunaUser signedIn, @Nullable String language, @Nullable String zoneId) {
        writes.authorize(signedIn, Write.SET_OWN_PREFERENCES, signedIn.nation());
        KizunaUser user = current(signedIn);
        ZoneId zone = user.zone();
        if (zoneId != null) {
            try {
                zone = ZoneId.of(zoneId);
            } catch (DateTimeException e) {
                throw Problems.coded(HttpStatus.BAD_REQUEST, "identity.preferences.zone.unknown", zoneId);
            }
        }
        users.setPreferences(user.username(), language, zone);
        locales.forget(user.username());
        return zone;
    }
}
