package org.kizuna.missions.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.label.Reader;
import org.kizuna.missions.Analysis;
import org.kizuna.missions.Assignment;
import org.kizuna.missions.AssignmentEnd;
import org.kizuna.missions.MissionArea;
import org.kizuna.missions.MissionRegion;
import org.kizuna.missions.Missions;
import org.kizuna.missions.NewAssignment;
import org.kizuna.node.Messages;
import org.kizuna.node.Problems;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The roles-and-missions API; every read answers for {@code asOf} (an ISO date; default today, UTC) and for the signed-in reader. */
@RestController
@RequestMapping("/api/v1/missions")
class MissionsController {

    private final Missions missions;
    private final Clock clock;

    MissionsController(Missions missions, Clock clock) {
        this.missions = missions;
        this.clock = clock;
    }

    @Operation(summary = "The mission areas (reference data)")
    @GetMapping("/areas")
    List<MissionArea> areas() {
        return localized(missions.areas(), LocaleContextHolder.getLocale());
    }

    /** The areas with their names and descriptions in the reader's language (the catalogue's, else the reference data's). */
    static List<MissionArea> localized(List<MissionArea> areas, Locale language) {
        Messages m = Messages.shared();
        return areas.stream().map(a -> new MissionArea(a.id(), m.name("missions.area." + a.id() + ".name", a.name(), language),
                m.name("missions.area." + a.id() + ".description", a.description(), language))).toList();
    }

    /** The regions with their names and descriptions in the reader's language. */
    static List<MissionRegion> localizedRegions(List<MissionRegion> regions, Locale language) {
        Messages m = Messages.shared();
        return regions.stream().map(r -> new MissionRegion(r.id(), m.name("missions.region." + r.id() + ".name", r.name(), language),
                m.name("missions.region." + r.id() + ".description", r.description(), language))).toList();
    }

    @Operation(summary = "The regions the matrix is kept for (reference data)")
    @GetMapping("/regions")
    List<MissionRegion> regions() {
        return localizedRegions(missions.regions(), LocaleContextHolder.getLocale());
    }

    @Operation(summary = "The assignments valid on a day that the reader may read")
    @GetMapping("/assignments")
    List<Assignment> assignments(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            Reader reader) {
        return missions.assignments(day(asOf), reader);
    }

    @Operation(summary = "One assignment")
    @GetMapping("/assignments/{id}")
    Assignment assignment(@PathVariable String id, Reader reader) {
        return missions.assignment(id, reader).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "Record a nation's role in a mission area and region", description = "A planner of the organization's nation; the organization must exist in the registry on validFrom.")
    @PostMapping("/assignments")
    ResponseEntity<Assignment> record(@Valid @RequestBody NewAssignment assignment, KizunaUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(missions.record(assignment, user));
    }

    @Operation(summary = "End an assignment, or correct its end", description = "A planner of the organization's nation; from validTo (after validFrom) "
            + "on the assignment no longer counts, and the analysis as of an earlier day still sees it. An assignment the user may not read is not found.")
    @PostMapping("/assignments/{id}/end")
    Assignment end(@PathVariable String id, @Valid @RequestBody AssignmentEnd end, KizunaUser user) {
        return missions.end(id, end, user).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "The matrix of a day with its gaps, duplications and changes since a day, for the reader", description = "Computed from the assignments the reader may read only. since (optional, before asOf) lists the assignments "
            + "that began or ended after it and up to asOf.")
    @GetMapping("/analysis")
    Analysis analysis(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate since, Reader reader) {
        Analysis a = missions.analysis(day(asOf), since, reader);
        Locale language = LocaleContextHolder.getLocale();
        return new Analysis(a.asOf(), a.since(), localized(a.areas(), language), localizedRegions(a.regions(), language), a.cells(), a.gaps(),
                a.duplications(), a.changes());
    }

    private LocalDate day(@Nullable LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static ErrorResponseException notFound(String id) {
        return Problems.notFound("missions.problem.not-found", id);
    }
}
