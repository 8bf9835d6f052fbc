package org.kizuna.identity.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.CurrentUser;
import org.kizuna.identity.KizunaUser;
import org.kizuna.node.LeastRecentlyUsed;
import org.kizuna.node.Messages;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language a request is answered in (pages, problem+json, validation messages): the signed-in user's own
 * choice where one is stored; else the {@value #COOKIE} cookie the language switch sets (so the login page follows
 * the choice too); else the browser's {@code Accept-Language}, Japanese where it prefers Japanese to English; else
 * English. Users' choices are kept in a bounded cache, replaced when a user changes theirs.
 */
@Component("localeResolver")
class UserLocales implements LocaleResolver {

    static final String COOKIE = "kizuna-lang";
    private static final int CACHED_USERS = 10_000;

    private final CurrentUser currentUser;
    private final JdbcUsers users;
    private final Map<String, Optional<Locale>> chosen = new LeastRecentlyUsed<>(CACHED_USERS);

    UserLocales(CurrentUser currentUser, JdbcUsers users) {
        this.currentUser = currentUser;
        this.users = users;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Optional<KizunaUser> user = currentUser.get();
        if (user.isPresent()) {
            Optional<Locale> own = chosen(user.get().username());
            if (own.isPresent()) return own.get();
        }
        Locale cookie = fromCookie(request);
        if (cookie != null) return cookie;
        return fromBrowser(request);
    }

    /** The user's stored choice, if any. */
    Optional<Locale> chosen(String username) {
        synchronized (chosen) {
            Optional<Locale> known = chosen.get(username);
            if (known != null) return known;
        }
        Optional<Locale> stored = users.language(username).map(Locale::forLanguageTag).map(Messages::language);
        synchronized (chosen) {
            chosen.put(username, stored);
        }
        return stored;
    }

    /** Forgets a user's cached choice (after it changed). */
    void forget(String username) {
        synchronized (chosen) {
            chosen.remove(username);
        }
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        if (response != null) remember(response, locale);
    }

    /** Sets (or, for null, clears) the language cookie. */
    static void remember(HttpServletResponse response, @Nullable Locale locale) {
        ResponseCookie cookie = ResponseCookie.from(COOKIE, locale == null ? "" : Messages.language(locale).getLanguage())
                .path("/").sameSite("Strict").httpOnly(false).maxAge(locale == null ? 0 : 365L * 24 * 3600).build();
        response.addHeader("Set-Cookie", cookie.toString());
    }

    private static @Nullable Locale fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return null;
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())) {
                for (Locale l : Messages.LANGUAGES) {
                    if (l.getLanguage().equals(c.getValue())) return l;
                }
            }
        }
        return null;
    }

    /** The first of the browser's languages that the console has; English where none. */
    private static Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) return Locale.ENGLISH;
        Enumeration<Locale> preferred = request.getLocales();
        while (preferred.hasMoreElements()) {
            String language = preferred.nextElement().getLanguage();
            for (Locale l : Messages.LANGUAGES) {
                if (l.getLanguage().equals(language)) return l;
            }
        }
        return Locale.ENGLISH;
    }
}
