package org.kizuna.plans.internal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.kizuna.identity.KizunaUser;
import org.kizuna.label.Reader;
import org.kizuna.node.Problems;
import org.kizuna.plans.HistoryEntry;
import org.kizuna.plans.NewComment;
import org.kizuna.plans.NewPlan;
import org.kizuna.plans.Plan;
import org.kizuna.plans.PlanChange;
import org.kizuna.plans.PlanDiff;
import org.kizuna.plans.PlanSummary;
import org.kizuna.plans.Plans;
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

/**
 * The plans API. A plan the reader may read nothing of answers exactly as one that does not exist (404, the same
 * body); writes answer 403 with what they need when the write matrix or the designated approver rule refuses them.
 */
@RestController
@RequestMapping("/api/v1/plans")
class PlanController {

    private final Plans plans;

    PlanController(Plans plans) {
        this.plans = plans;
    }

    @Operation(summary = "Draft a new plan (version 1, a draft)")
    @PostMapping
    ResponseEntity<Plan> create(@Valid @RequestBody NewPlan plan, KizunaUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(plans.create(plan, user));
    }

    @Operation(summary = "The plans the reader may read a part of")
    @GetMapping
    List<PlanSummary> list(Reader reader) {
        return plans.plans(reader);
    }

    @Operation(summary = "A plan with its versions, approvals and the sections the reader may read")
    @GetMapping("/{id}")
    Plan plan(@PathVariable String id, Reader reader) {
        return plans.find(id, reader).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "One version of a plan")
    @GetMapping("/{id}/versions/{number}")
    Plan.Version version(@PathVariable String id, @PathVariable int number, Reader reader) {
        return plans.version(id, number, reader).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "Change a plan: amends a draft no nation approved, else starts a new draft version")
    @PostMapping("/{id}/versions")
    ResponseEntity<Plan> change(@PathVariable String id, @Valid @RequestBody PlanChange change, KizunaUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(plans.change(id, change, user).orElseThrow(() -> notFound(id)));
    }

    /** @param hash the hash of the version as the approver read it (its {@code hash}) */
    record Approval(
            @NotNull(message = "{plans.invalid.give-the-hash-of-the-version-you-approve}") @Pattern(regexp = "[0-9a-f]{64}", message = "{plans.invalid.a-hash-is-64-lower-case-hex-digits}") String hash) {
    }

    @Operation(summary = "Approve a version for the approver's nation, bound to the version's hash (202 on a partner's replica: sent to its node)")
    @PostMapping("/{id}/versions/{number}/approvals")
    ResponseEntity<Plan> approve(@PathVariable String id, @PathVariable int number, @Valid @RequestBody Approval approval, KizunaUser user) {
        Plan plan = plans.approve(id, number, approval.hash(), user).orElseThrow(() -> notFound(id));
        return ResponseEntity.status(plan.originator() == null ? HttpStatus.OK : HttpStatus.ACCEPTED).body(plan);
    }

    @Operation(summary = "Comment on a plan under the comment's own label (202 on a partner's replica: sent to its node)")
    @PostMapping("/{id}/comments")
    ResponseEntity<Plan> comment(@PathVariable String id, @Valid @RequestBody NewComment comment, KizunaUser user) {
        Plan plan = plans.comment(id, comment, user).orElseThrow(() -> notFound(id));
        return ResponseEntity.status(plan.originator() == null ? HttpStatus.CREATED : HttpStatus.ACCEPTED).body(plan);
    }

    @Operation(summary = "Two versions side by side, section by section, with the changed words marked")
    @GetMapping("/{id}/diff")
    PlanDiff diff(@PathVariable String id, @RequestParam int from, @RequestParam int to, Reader reader) {
        return plans.diff(id, from, to, reader).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "The plan's change history: who changed or approved what, and when")
    @GetMapping("/{id}/history")
    List<HistoryEntry> history(@PathVariable String id, Reader reader) {
        return plans.history(id, reader).orElseThrow(() -> notFound(id));
    }

    /** The same answer whether the plan does not exist or the reader may read none of it. */
    static ErrorResponseException notFound(String id) {
        return Problems.notFound("plans.problem.not-found", Problems.shown(id, 40));
    }
}
