package org.kizuna.registry.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kizuna.label.Reader;
import org.kizuna.node.Messages;
import org.kizuna.node.Problems;
import org.kizuna.registry.AccessAgreement;
import org.kizuna.registry.Facility;
import org.kizuna.registry.ForcePosture;
import org.kizuna.registry.Nation;
import org.kizuna.registry.Organization;
import org.kizuna.registry.OrganizationView;
import org.kizuna.registry.Registry;
import org.kizuna.registry.Relation;
import org.kizuna.registry.SearchPage;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The registry's read API: every query answers for {@code asOf} (an ISO date; default today, UTC) and for the signed-in reader. */
@RestController
@RequestMapping("/api/v1/registry")
class RegistryController {

    private static final String SEARCH_TEXT = "{registry.search.text}";
    private static final String PAGE_SIZE = "{registry.search.size}";

    private final Registry registry;
    private final Clock clock;

    RegistryController(Registry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @GetMapping("/nations")
    List<Nation> nations(Reader reader) {
        Locale language = LocaleContextHolder.getLocale();
        return registry.nations(reader).stream()
                .map(n -> new Nation(n.code(), Messages.shared().name("registry.nation." + n.code(), n.name(), language), n.zone(), n.label())).toList();
    }

    @GetMapping("/organizations")
    List<Organization> organizations(@AsOf @Nullable LocalDate asOf, Reader reader) {
        return registry.organizations(day(asOf), reader);
    }

    @GetMapping("/facilities")
    List<Facility> facilities(@AsOf @Nullable LocalDate asOf, Reader reader) {
        Locale language = LocaleContextHolder.getLocale();
        return registry.facilities(day(asOf), reader).stream().map(f -> localized(f, language)).toList();
    }

    @GetMapping("/relations")
    List<Relation> relations(@AsOf @Nullable LocalDate asOf, Reader reader) {
        return registry.relations(day(asOf), reader);
    }

    @GetMapping("/force-posture")
    List<ForcePosture> forcePosture(@AsOf @Nullable LocalDate asOf, Reader reader) {
        return registry.forcePosture(day(asOf), reader);
    }

    @GetMapping("/agreements")
    List<AccessAgreement> agreements(@AsOf @Nullable LocalDate asOf, Reader reader) {
        return registry.agreements(day(asOf), reader);
    }

    @GetMapping("/organizations/{id}")
    OrganizationView organization(@PathVariable String id, @AsOf @Nullable LocalDate asOf, Reader reader) {
        LocalDate day = day(asOf);
        return registry.organization(id, day, reader).orElseThrow(() -> notFound("organization", id, day));
    }

    @GetMapping("/facilities/{id}")
    Facility facility(@PathVariable String id, @AsOf @Nullable LocalDate asOf, Reader reader) {
        LocalDate day = day(asOf);
        return localized(registry.facility(id, day, reader).orElseThrow(() -> notFound("facility", id, day)), LocaleContextHolder.getLocale());
    }

    /** A facility with its name in the reader's language ({@link Facility#in}). */
    static Facility localized(Facility f, Locale language) {
        return f.in(language);
    }

    @GetMapping("/search")
    SearchPage search(@RequestParam @NotBlank(message = SEARCH_TEXT) @Size(max = 100, message = SEARCH_TEXT) String q,
            @AsOf @Nullable LocalDate asOf,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "{registry.search.page}") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = PAGE_SIZE) @Max(value = 200, message = PAGE_SIZE) int size,
            Reader reader) {
        return registry.search(q.strip(), day(asOf), page, size, reader);
    }

    private LocalDate day(@Nullable LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }

    /** 404 naming the id and the day, in the reader's language ({@code registry.organization.not-found}, {@code registry.facility.not-found}). */
    private static ErrorResponseException notFound(String what, String id, LocalDate day) {
        return Problems.coded(HttpStatus.NOT_FOUND, "registry." + what + ".not-found", id, day.toString());
    }
}
