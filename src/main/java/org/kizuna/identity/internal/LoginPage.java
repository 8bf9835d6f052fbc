package org.kizuna.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.kizuna.node.Messages;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the console's login page at {@code /login} in the visitor's language (its cookie, else the browser's). */
@Controller
class LoginPage {

    private final Map<String, String> pages = new HashMap<>();

    LoginPage(Messages messages) {
        try (InputStream in = LoginPage.class.getResourceAsStream("/identity/login.html")) {
            if (in == null) throw new IllegalStateException("the login page /identity/login.html is missing");
            String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Locale language : Messages.LANGUAGES) pages.put(language.getLanguage(), messages.fill(page, language, "/identity/login.html"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the login page", e);
        }
    }

    @GetMapping("/login")
    ResponseEntity<String> login(Locale locale) {
        String language = Messages.language(locale).getLanguage();
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_LANGUAGE, language).header(HttpHeaders.VARY, "Accept-Language, Cookie")
                .cacheControl(CacheControl.noCache()).body(pages.get(language));
    }
}
