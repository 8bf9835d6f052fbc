package org.kizuna.audit.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kizuna.audit.AuditEntry;
import org.kizuna.audit.AuditLog;
import org.kizuna.audit.TreeHead;
import org.kizuna.identity.KizunaUser;
import org.kizuna.identity.Role;
import org.kizuna.node.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a partner check the log independently: the latest signed tree head with the node's public key,
 * audit paths and consistency proofs (public: sizes and hashes only), and, for auditors, the entries
 * the auditor may read (with the entry's canonical bytes alongside its proof, so the leaf hash can be
 * recomputed). Records say who read what, so only a user with the auditor role gets any of them.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final String LIMIT = "must be between 1 and 1000";

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/tree-head")
    Map<String, Object> treeHead() {
        log.flush();
        TreeHead head = latest();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", head.size());
        body.put("rootHash", head.rootHex());
        body.put("signedAt", head.signedAt().toString());
        body.put("signature", B64.encodeToString(head.signature()));
        body.put("publicKey", B64.encodeToString(log.publicKey()));
        body.put("algorithm", "Ed25519 over kizuna-audit-tree-head-v1 || size || root || signedAt millis");
        return body;
    }

    /**
     * The audit path of an entry. The path (hashes only) is given for any index below the tree size, as
     * the tree head already tells the size; the entry itself only to a reader who may read it.
     */
    @GetMapping("/entries/{index}/proof")
    Map<String, Object> proof(@PathVariable long index, @RequestParam Optional<Long> treeSize, KizunaUser u) {
        long size = treeSize.orElseGet(() -> latest().size());
        List<String> path = log.inclusionProof(index, size).stream().map(HEX::formatHex).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("index", index);
        body.put("treeSize", size);
        body.put("auditPath", path);
        if (!u.has(Role.AUDITOR)) {
            return body;
        }
        log.entryBytes(index, u.reader()).ifPresent(bytes -> {
            body.put("entry", B64.encodeToString(bytes));
            body.put("record", RecordCodec.decode(bytes).record());
        });
        return body;
    }

    @GetMapping("/consistency")
    Map<String, Object> consistency(@RequestParam long first, @RequestParam Optional<Long> second) {
        long to = second.orElseGet(() -> latest().size());
        List<String> proof = log.consistencyProof(first, to).stream().map(HEX::formatHex).toList();
        return Map.of("firstSize", first, "secondSize", to, "proof", proof);
    }

    @GetMapping("/entries")
    List<AuditEntry> entries(@RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") long from,
            @RequestParam(defaultValue = "100") @Min(value = 1, message = LIMIT) @Max(value = 1000, message = LIMIT) int limit,
            KizunaUser u) {
        if (!u.has(Role.AUDITOR)) {
            throw Problems.of(HttpStatus.FORBIDDEN, "Not an auditor", "audit records say who read what; only a user with the auditor role may read them");
        }
        log.flush();
        return log.entries(from, limit, u.reader());
    }

    private TreeHead latest() {
        return log.latestTreeHead().orElseThrow(() -> new IllegalStateException("the audit log has not signed a tree head"));
    }
}
