package org.kizuna.intel.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kizuna.identity.KizunaUser;
import org.kizuna.intel.AttachmentContent;
import org.kizuna.intel.BindingKey;
import org.kizuna.intel.Intel;
import org.kizuna.intel.NewReport;
import org.kizuna.intel.PendingRelease;
import org.kizuna.intel.ReleaseOutcome;
import org.kizuna.intel.ReleaseRequest;
import org.kizuna.intel.ReportPackage;
import org.kizuna.intel.ReportPage;
import org.kizuna.intel.ReportView;
import org.kizuna.intel.TearLineRequest;
import org.kizuna.label.Reader;
import org.kizuna.node.Problems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * The intel API: reports of portions, releases and tear lines, pending releases, packages and imports. A report the
 * reader may read none of is "not found" with exactly the words of one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/intel")
class IntelController {

    private final Intel intel;

    IntelController(Intel intel) {
        this.intel = intel;
    }

    @Operation(summary = "Write a report of marked portions")
    @PostMapping("/reports")
    ResponseEntity<ReportView> create(@Valid @RequestBody NewReport report, KizunaUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(intel.create(report, user));
    }

    @Operation(summary = "A page of the reports you may read, newest first")
    @GetMapping("/reports")
    ReportPage reports(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Reader reader) {
        return intel.reports(reader, page, size);
    }

    @Operation(summary = "Your view of a report: the portions you may read, under their banner")
    @GetMapping("/reports/{id}")
    ReportView report(@PathVariable String id, Reader reader) {
        return intel.report(id, reader).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "An attachment's bytes")
    @GetMapping("/reports/{id}/portions/{portion}/content")
    ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String portion, Reader reader) {
        AttachmentContent a = intel.attachment(id, portion, reader).orElseThrow(() -> notFound(id));
        MediaType type;
        try {
            type = MediaType.parseMediaType(a.mediaType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(a.name(), java.nio.charset.StandardCharsets.UTF_8).build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff").body(a.bytes());
    }

    @Operation(summary = "Release a portion to partners (the first of two releasers leaves it pending)")
    @PostMapping("/reports/{id}/releases")
    ResponseEntity<ReleaseOutcome> release(@PathVariable String id, @Valid @RequestBody ReleaseRequest request, KizunaUser user) {
        return answer(intel.release(id, request, user).orElseThrow(() -> notFound(id)));
    }

    @Operation(summary = "Add a tear line for partners (a release)")
    @PostMapping("/reports/{id}/tear-lines")
    ResponseEntity<ReleaseOutcome> tearLine(@PathVariable String id, @Valid @RequestBody TearLineRequest request, KizunaUser user) {
        return answer(intel.tearLine(id, request, user).orElseThrow(() -> notFound(id)));
    }

    @Operation(summary = "Releases waiting for a second releaser of your nation")
    @GetMapping("/releases")
    List<PendingRelease> pending(@RequestParam(defaultValue = "pending") String state, KizunaUser user) {
        if (!state.equals("pending")) throw Problems.badRequest("intel.problem.state");
        return intel.pendingReleases(user);
    }

    @Operation(summary = "Export your view of a report (or what may go to a partner) as a signed label-bound package")
    @GetMapping("/reports/{id}/package")
    ReportPackage exportPackage(@PathVariable String id, @RequestParam(required = false) @Nullable String to, KizunaUser user) {
        return intel.exportPackage(id, to, user).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "Import a package: its binding is verified, its report kept under originator control")
    @PostMapping("/imports")
    ResponseEntity<ReportView> importPackage(@Valid @RequestBody ReportPackage pkg, KizunaUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(intel.importPackage(pkg, user));
    }

    @Operation(summary = "The node's label-binding public key")
    @GetMapping("/binding-key")
    BindingKey bindingKey() {
        return intel.bindingKey();
    }

    private static ResponseEntity<ReleaseOutcome> answer(ReleaseOutcome o) {
        return ResponseEntity.status(o.state() == ReleaseOutcome.State.PENDING ? HttpStatus.ACCEPTED : HttpStatus.OK).body(o);
    }

    /** The one answer for a report that does not exist and one the reader may read none of (and for a portion likewise). */
    static ErrorResponseException notFound(String id) {
        return Problems.notFound("intel.problem.not-found", id);
    }
}
