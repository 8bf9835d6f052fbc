package org.kizuna.console.internal;

import java.util.Comparator;
import java.util.List;

import org.kizuna.console.ConsolePage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/console/nav}: the pages the modules of this node contribute, in order. */
@RestController
class NavigationController {

    private final List<ConsolePage> pages;

    NavigationController(List<ConsolePage> pages) {
        this.pages = pages.stream().sorted(Comparator.comparingInt(ConsolePage::order).thenComparing(ConsolePage::title)).toList();
    }

    @GetMapping("/api/v1/console/nav")
    List<ConsolePage> navigation() {
        return pages;
    }
}
