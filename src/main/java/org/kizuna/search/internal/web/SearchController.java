package org.kizuna.search.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Reader;
import org.kizuna.node.Problems;
import org.kizuna.search.Search;
import org.kizuna.search.SearchNotReadyException;
import org.kizuna.search.SearchPage;
import org.kizuna.search.internal.Refusals;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The node's one search over reports, plans and commitments, for the signed-in reader. */
@RestController
@RequestMapping("/api/v1/search")
class SearchController {

    private final Search search;

    SearchController(Search search) {
        this.search = search;
    }

    @Operation(summary = "Search reports, plans and commitments in English and Japanese", description = "Plain text (at most 200 characters, 16 words; every word must match within one part). Only parts the reader may read"
            + " are matched, counted, ranked and highlighted; total counts records. Snippets are HTML-escaped with the matching words"
            + " in <mark>. 503 while the index is being built after the node started.")
    @GetMapping
    SearchPage search(@RequestParam(required = false) @Nullable String q, @RequestParam(name = "kind", required = false) @Nullable List<String> kind,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Reader reader) {
        LinkedHashSet<String> kinds = new LinkedHashSet<>(kind == null ? List.of() : kind);
        Refusals.Refusal refused = Refusals.of(q, kinds, page, size);
        if (refused != null) throw Problems.coded(HttpStatus.BAD_REQUEST, refused.code(), refused.args());
        if (q == null) throw Problems.coded(HttpStatus.BAD_REQUEST, "search.refused.required");
        try {
            return search.search(reader, q, kinds, page, size);
        } catch (SearchNotReadyException e) {
            ErrorResponseException problem = Problems.coded(HttpStatus.SERVICE_UNAVAILABLE, "search.notReady");
            problem.getHeaders().set("Retry-After", "5");
            throw problem;
        }
    }
}
