package org.kizuna.booking.internal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.booking.Complaint;
import org.kizuna.booking.FacilityReport;
import org.kizuna.booking.Neighbours;
import org.kizuna.booking.NewComplaint;
import org.kizuna.identity.KizunaUser;
import org.kizuna.label.Reader;
import org.kizuna.node.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The neighbours' API: complaints and their links, what was done, a facility's monthly report and its noise budget. */
@RestController
@RequestMapping("/api/v1/booking")
class NeighboursController {

    private final Neighbours neighbours;
    private final Clock clock;

    NeighboursController(Neighbours neighbours, Clock clock) {
        this.neighbours = neighbours;
        this.clock = clock;
    }

    /** What was done about a complaint. */
    record Action(@NotBlank(message = "{booking.action.blank}") @Size(max = 4000, message = "{booking.max4000}") String action) {
    }

    /** A facility's noise budget: hours of noisy activity per local month; null removes it. */
    record NoiseBudget(@Nullable Integer hoursPerMonth) {
    }

    @Operation(summary = "Record a neighbour's complaint, at a facility or at a place (the facilities near it are found)")
    @PostMapping("/complaints")
    ResponseEntity<Complaint> record(@Valid @RequestBody NewComplaint complaint, KizunaUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(neighbours.record(complaint, user));
    }

    @Operation(summary = "Complaints, each with the bookings at its facilities at that time that the reader may read")
    @GetMapping("/complaints")
    List<Complaint> complaints(@RequestParam(required = false) @Nullable String facility, @RequestParam(required = false) @Nullable YearMonth month,
            Reader reader) {
        return neighbours.complaints(facility, month, reader);
    }

    @Operation(summary = "One complaint with its links")
    @GetMapping("/complaints/{id}")
    Complaint complaint(@PathVariable String id, Reader reader) {
        return neighbours.find(id, reader).orElseThrow(() -> notFound("complaint", id));
    }

    @Operation(summary = "Record what was done about a complaint")
    @PostMapping("/complaints/{id}/action")
    Complaint action(@PathVariable String id, @Valid @RequestBody Action action, KizunaUser user) {
        return neighbours.respond(id, action.action(), user).orElseThrow(() -> notFound("complaint", id));
    }

    @Operation(summary = "A facility's month for the local liaison: activity, complaints, links and actions")
    @GetMapping("/facilities/{id}/report")
    FacilityReport report(@PathVariable String id, @RequestParam(required = false) @Nullable YearMonth month, Reader reader) {
        return neighbours.report(id, month != null ? month : YearMonth.now(clock.withZone(ZoneOffset.UTC)), reader)
                .orElseThrow(() -> notFound("facility", id));
    }

    @Operation(summary = "Set a facility's monthly noise budget (hours of noisy activity); the planner keeps it like the quiet hours")
    @PutMapping("/facilities/{id}/noise-budget")
    FacilityReport noiseBudget(@PathVariable String id, @RequestBody NoiseBudget budget, @RequestParam(required = false) @Nullable YearMonth month,
            KizunaUser user) {
        return neighbours.setNoiseBudget(id, budget.hoursPerMonth(), month != null ? month : YearMonth.now(clock.withZone(ZoneOffset.UTC)), user)
                .orElseThrow(() -> notFound("facility", id));
    }

    private static ErrorResponseException notFound(String what, String id) {
        return Problems.coded(HttpStatus.NOT_FOUND, "booking." + what + ".not-found", id);
    }
}
