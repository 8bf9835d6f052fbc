package org.kizuna.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kizuna.identity.CurrentUser;
import org.kizuna.registry.AccessAgreement;
import org.kizuna.registry.Facility;
import org.kizuna.registry.ForcePosture;
import org.kizuna.registry.Nation;
import org.kizuna.registry.Organization;
import org.kizuna.registry.OrganizationView;
import org.kizuna.registry.Registry;
import org.kizuna.registry.Relation;
import org.kizuna.registry.SearchPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The registry's read API: every query answers for {@code asOf} (an ISO date; default today). */
@RestController
@RequestMapping("/api/v1/registry")
class RegistryController {

    private final Registry registry;
    private final CurrentUser user;
    private final Clock clock;

    RegistryController(Registry registry, CurrentUser user) {
        this.registry = registry;
        this.user = user;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/nations")
    List<Nation> nations() {
        return registry.nations(user.reader());
    }

    @GetMapping("/organizations")
    List<Organization> organizations(@RequestParam(required = false) @Nullable String asOf) {
        return registry.organizations(day(asOf), user.reader());
    }

    @GetMapping("/organizations/{id}")
    OrganizationView organization(@PathVariable String id, @RequestParam(required = false) @Nullable String asOf) {
        LocalDate day = day(asOf);
        return registry.organization(id, day, user.reader()).orElseThrow(() -> notFound("organization", id, day));
    }

    @GetMapping("/facilities")
    List<Facility> facilities(@RequestParam(required = false) @Nullable String asOf) {
        return registry.facilities(day(asOf), user.reader());
    }

    @GetMapping("/facilities/{id}")
    Facility facility(@PathVariable String id, @RequestParam(required = false) @Nullable String asOf) {
        LocalDate day = day(asOf);
        return registry.facility(id, day, user.reader()).orElseThrow(() -> notFound("facility", id, day));
    }

    @GetMapping("/relations")
    List<Relation> relations(@RequestParam(required = false) @Nullable String asOf) {
        return registry.relations(day(asOf), user.reader());
    }

    @GetMapping("/force-posture")
    List<ForcePosture> forcePosture(@RequestParam(required = false) @Nullable String asOf) {
        return registry.forcePosture(day(asOf), user.reader());
    }

    @GetMapping("/agreements")
    List<AccessAgreement> agreements(@RequestParam(required = false) @Nullable String asOf) {
        return registry.agreements(day(asOf), user.reader());
    }

    @GetMapping("/search")
    SearchPage search(@RequestParam String q, @RequestParam(required = false) @Nullable String asOf,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (q.isBlank() || q.length() > 100) {
            throw badRequest("Bad search text", "q must be 1 to 100 characters; got " + q.length());
        }
        if (page < 0 || size < 1 || size > 200) {
            throw badRequest("Bad page", "page must be 0 or more and size between 1 and 200; got page " + page + ", size " + size);
        }
        return registry.search(q.strip(), day(asOf), page, size, user.reader());
    }

    private static ErrorResponseException badRequest(String title, String detail) {
        return problem(HttpStatus.BAD_REQUEST, title, detail, null);
    }

    private LocalDate day(@Nullable String asOf) {
        if (asOf == null || asOf.isEmpty()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw problem(HttpStatus.BAD_REQUEST, "Bad asOf date",
                    "asOf must be a date in ISO form YYYY-MM-DD, such as 2005-03-14; got '" + asOf + "'", e);
        }
    }

    private static ErrorResponseException notFound(String what, String id, LocalDate day) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "no " + what + " '" + id + "' as of " + day, null);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail, @Nullable Throwable cause) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, cause);
    }
}
