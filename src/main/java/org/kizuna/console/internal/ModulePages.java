package org.kizuna.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kizuna.console.ConsolePage;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves every console page: the head all pages share (character set, the console's style sheet and
 * {@code shell.js}, which draws the header, navigation and classification banner) written once here, followed by
 * the page's own file, {@code classpath:/<module>/page.html} ({@code classpath:/console/home.html} for the home
 * page). A page file holds the page's own head lines (its title, style sheets and scripts), then {@code </head>}
 * and its body. A module page without such a file is its static {@code /<module>/index.html}.
 */
@Controller
class ModulePages {

    /** What every page's head starts with. */
    static final String SHARED_HEAD = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <link rel="stylesheet" href="/console/kizuna.css">
              <script src="/console/shell.js"></script>
            """;

    /** The composed pages by path ({@code /}, {@code /booking/}), made once at start from the pages the modules declare. */
    private final Map<String, String> pages = new HashMap<>();

    ModulePages(List<ConsolePage> declared) {
        for (ConsolePage page : declared) {
            String file = page.path().equals("/") ? "/console/home.html" : page.path() + "page.html";
            try (InputStream in = ModulePages.class.getResourceAsStream(file)) {
                if (in != null) pages.put(page.path(), SHARED_HEAD + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the console page " + file, e);
            }
        }
    }

    @GetMapping({"/", "/index.html"})
    ResponseEntity<String> home() {
        String page = pages.get("/");
        return page == null ? ResponseEntity.notFound().build() : html(page);
    }

    @GetMapping("/{module:[a-z][a-z-]{1,30}}/")
    Object page(@PathVariable String module) {
        String page = pages.get("/" + module + "/");
        return page == null ? "forward:/" + module + "/index.html" : html(page);
    }

    private static ResponseEntity<String> html(String page) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(page);
    }
}
