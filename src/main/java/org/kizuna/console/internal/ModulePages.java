package org.kizuna.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kizuna.console.ConsolePage;
import org.kizuna.node.Messages;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves every console page in the reader's language: the head all pages share (language, character set, the
 * page's messages for its scripts, the console's style sheet and {@code shell.js}, which draws the header,
 * navigation, language switch and classification banner) written once here, followed by the page's own file,
 * {@code classpath:/<module>/page.html} ({@code classpath:/console/home.html} for the home page) with each
 * {@code #{key}} replaced by the key's text ({@link Messages}). A page file holds the page's own head lines (its
 * title, style sheets and scripts), then {@code </head>} and its body. Its scripts get the texts of the keys
 * starting with {@code common.}, {@code console.} and {@code <module>.} as {@code Kizuna.t(key, args...)}. Pages
 * are composed once per language at start; a page naming a key no catalogue has stops the node from starting.
 */
@Controller
class ModulePages {

    /** What every page's head starts with: {@code %1$s} the language, {@code %2$s} the page's messages as JSON. */
    static final String SHARED_HEAD = """
            <!doctype html>
            <html lang="%1$s">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <link rel="stylesheet" href="/console/kizuna.css">
              <script>window.KIZUNA_I18N = %2$s;</script>
              <script src="/console/shell.js"></script>
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The composed pages by language and path ({@code /}, {@code /booking/}), made once at start. */
    private final Map<String, Map<String, String>> pages = new HashMap<>();

    ModulePages(List<ConsolePage> declared, Messages messages) {
        for (Locale language : Messages.LANGUAGES) {
            Map<String, String> byPath = pages.computeIfAbsent(language.getLanguage(), l -> new HashMap<>());
            for (ConsolePage page : declared) {
                String file = page.path().equals("/") ? "/console/home.html" : page.path() + "page.html";
                String module = page.path().equals("/") ? "console" : page.path().replace("/", "");
                try (InputStream in = ModulePages.class.getResourceAsStream(file)) {
                    if (in == null) continue;
                    String body = messages.fill(new String(in.readAllBytes(), StandardCharsets.UTF_8), language, file);
                    byPath.put(page.path(), head(messages, language, module) + body);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the console page " + file, e);
                }
            }
        }
    }

    /** The shared head for a module's page in a language. */
    static String head(Messages messages, Locale language, String module) {
        Map<String, Object> i18n = Map.of("lang", language.getLanguage(), "languages", Messages.LANGUAGES.stream().map(Locale::getLanguage).toList(),
                "messages", messages.withPrefixes(language, List.of("common.", "console.", module + ".")));
        String json = JSON.writeValueAsString(i18n).replace("</", "<\\/").replace("<!--", "<\\!--");
        return SHARED_HEAD.formatted(language.getLanguage(), json);
    }

    @GetMapping({"/", "/index.html"})
    ResponseEntity<String> home(Locale locale) {
        String page = pagesIn(locale).get("/");
        return page == null ? ResponseEntity.notFound().build() : html(page, locale);
    }

    @GetMapping("/{module:[a-z][a-z-]{1,30}}/")
    Object page(@PathVariable String module, Locale locale) {
        String page = pagesIn(locale).get("/" + module + "/");
        return page == null ? "forward:/" + module + "/index.html" : html(page, locale);
    }

    private Map<String, String> pagesIn(Locale locale) {
        return pages.getOrDefault(Messages.language(locale).getLanguage(), Map.of());
    }

    private static ResponseEntity<String> html(String page, Locale locale) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_LANGUAGE, Messages.language(locale).getLanguage())
                .header(HttpHeaders.VARY, "Accept-Language, Cookie")
                .cacheControl(CacheControl.noCache()).body(page);
    }
}
