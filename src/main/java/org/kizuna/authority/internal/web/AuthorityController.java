package org.kizuna.authority.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.kizuna.authority.Authority;
import org.kizuna.authority.LegalFacts;
import org.kizuna.authority.LevelInForce;
import org.kizuna.authority.LevelSetting;
import org.kizuna.authority.NewLevel;
import org.kizuna.authority.NewSupportRequest;
import org.kizuna.authority.SupportDecision;
import org.kizuna.authority.SupportRequest;
import org.kizuna.identity.KizunaUser;
import org.kizuna.label.Reader;
import org.kizuna.node.Messages;
import org.kizuna.node.Problems;
import org.springframework.context.i18n.LocaleContextHolder;
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

/** The authority API: the legal facts, the situation level in force per region and its history, and support requests. */
@RestController
@RequestMapping("/api/v1/authority")
class AuthorityController {

    private final Authority authority;

    AuthorityController(Authority authority) {
        this.authority = authority;
    }

    @Operation(summary = "The situations of the 2015 legislation, the support kinds, regions and the support rules, with sources")
    @GetMapping("/facts")
    LegalFacts facts() {
        LegalFacts f = authority.facts();
        Locale language = LocaleContextHolder.getLocale();
        Messages m = Messages.shared();
        return new LegalFacts(f.sources(), f.situations(),
                f.kinds().stream().map(k -> new LegalFacts.SupportKind(k.id(), m.name("authority.kind." + k.id() + ".name", k.name(), language),
                        m.name("authority.kind." + k.id() + ".description", k.description(), language))).toList(),
                f.regions().stream().map(r -> new LegalFacts.Region(r.id(), m.name("authority.region." + r.id() + ".name", r.name(), language),
                        m.name("authority.region." + r.id() + ".description", r.description(), language))).toList(),
                f.rules(), f.legislationNation());
    }

    /** @param maySetLevels whether the signed-in user is designated to set levels (and may by the write matrix) */
    record Me(boolean maySetLevels) {
    }

    @Operation(summary = "What the signed-in user may do here")
    @GetMapping("/me")
    Me me(KizunaUser user) {
        return new Me(authority.maySetLevels(user));
    }

    @Operation(summary = "The situation level in force in every region (peacetime where none was set)")
    @GetMapping("/levels")
    List<LevelInForce> levels(Reader reader) {
        return authority.levelsInForce(reader);
    }

    @Operation(summary = "The levels set for a region, oldest first, time-stamped by the node's clock")
    @GetMapping("/levels/history")
    List<LevelSetting> history(
            @RequestParam @NotBlank(message = "{authority.invalid.name-the-region}") @Size(max = 64, message = "{authority.invalid.is-at-most-64-characters}") String region,
            Reader reader) {
        return authority.history(region, reader);
    }

    @Operation(summary = "Set the situation level in force for a region", description = "A planner or administrator of JPN who is designated in kizuna.authority.level-setters; audited.")
    @PostMapping("/levels")
    ResponseEntity<LevelSetting> setLevel(@Valid @RequestBody NewLevel level, KizunaUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(authority.setLevel(level, user));
    }

    @Operation(summary = "The support requests the reader may read, newest first")
    @GetMapping("/support-requests")
    List<SupportRequest> requests(Reader reader) {
        Locale language = LocaleContextHolder.getLocale();
        return authority.supportRequests(reader).stream().map(r -> r.in(language)).toList();
    }

    @Operation(summary = "One support request")
    @GetMapping("/support-requests/{id}")
    SupportRequest request(@PathVariable String id, Reader reader) {
        return authority.supportRequest(id, reader).map(r -> r.in(LocaleContextHolder.getLocale())).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "Request support from a partner; checked against the level in force in the region", description = "Answers the request with its outcome: ALLOWED, REFUSED (with the legal reason and basis) or PENDING_DECISION.")
    @PostMapping("/support-requests")
    ResponseEntity<SupportRequest> request(@Valid @RequestBody NewSupportRequest request, KizunaUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(authority.request(request, user));
    }

    @Operation(summary = "Decide a support request sent for a decision (the supporting nation)")
    @PostMapping("/support-requests/{id}/decision")
    SupportRequest decide(@PathVariable String id, @Valid @RequestBody SupportDecision decision, KizunaUser user) {
        return authority.decide(id, decision, user).orElseThrow(() -> notFound(id));
    }

    private static ErrorResponseException notFound(String id) {
        return Problems.notFound("authority.problem.not-found", id);
    }
}
