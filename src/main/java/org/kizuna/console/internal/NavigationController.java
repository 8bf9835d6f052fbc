package org.kizuna.console.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.kizuna.console.ConsolePage;
import org.kizuna.node.Messages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/console/nav}: the pages the modules of this node contribute, in order, titled in the reader's
 * language (the message {@code console.nav.<module>}, {@code console.nav.home} for the home page, where the
 * catalogues have it).
 */
@RestController
class NavigationController {

    private final List<ConsolePage> pages;
    private final Messages messages;

    NavigationController(List<ConsolePage> pages, Messages messages) {
        this.pages = pages.stream().sorted(Comparator.comparingInt(ConsolePage::order).thenComparing(ConsolePage::title)).toList();
        this.messages = messages;
    }

    @GetMapping("/api/v1/console/nav")
    List<ConsolePage> navigation(Locale locale) {
        return pages.stream().map(p -> {
            String key = "console.nav." + (p.path().equals("/") ? "home" : p.path().replace("/", ""));
            String title = messages.text(key, locale);
            return title.equals(key) ? p : new ConsolePage(p.path(), title, p.order());
        }).toList();
    }
}
