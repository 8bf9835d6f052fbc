package org.kizuna.commitments.internal;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.commitments.Commitment;
import org.kizuna.commitments.CommitmentDetail;
import org.kizuna.commitments.CommitmentStatus;
import org.kizuna.commitments.CommitmentUpdate;
import org.kizuna.commitments.Commitments;
import org.kizuna.commitments.Statement;
import org.kizuna.identity.KizunaUser;
import org.kizuna.label.Reader;
import org.kizuna.node.Problems;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The commitments API: commitments by status or due state, one with its history, the statements, and recorded changes. */
@RestController
@RequestMapping("/api/v1/commitments")
class CommitmentController {

    private final Commitments commitments;

    CommitmentController(Commitments commitments) {
        this.commitments = commitments;
    }

    @Operation(summary = "Commitments by deadline; filter by status or by due=overdue|due|done (node clock)")
    @GetMapping
    List<Commitment> list(@RequestParam(required = false) @Nullable CommitmentStatus status, @RequestParam(required = false) @Nullable String due,
            Reader reader) {
        return commitments.commitments(status, due, reader);
    }

    @Operation(summary = "The joint statements with their commitments")
    @GetMapping("/statements")
    List<Statement> statements(Reader reader) {
        return commitments.statements(reader);
    }

    @Operation(summary = "A commitment with its statement and the history of its status, deadline and evidence")
    @GetMapping("/{id}")
    CommitmentDetail commitment(@PathVariable String id, Reader reader) {
        return commitments.find(id, reader).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "Record a commitment's new status, deadline or evidence (its owner nation's planners)")
    @PostMapping("/{id}/changes")
    CommitmentDetail change(@PathVariable String id, @Valid @RequestBody CommitmentUpdate update, KizunaUser user) {
        return commitments.change(id, update, user).orElseThrow(() -> notFound(id));
    }

    static ErrorResponseException notFound(String id) {
        return Problems.notFound("commitments.problem.not-found", Problems.shown(id, 64));
    }
}
