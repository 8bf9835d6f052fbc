package org.kizuna.audit.internal;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.kizuna.audit.AuditEntry;
import org.kizuna.audit.AuditLog;
import org.kizuna.audit.TreeHead;
import org.kizuna.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The signed tree head and inclusion proofs, so a partner can check records independently; entries for their readers. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private static final HexFormat HEX = HexFormat.of();

    private final AuditLog log;
    private final CurrentUser user;
    private final String publicKey;

    AuditController(AuditLog log, CurrentUser user, @Value("${kizuna.data-dir:./data/USA}") String dataDir) throws Exception {
        this.log = log;
        this.user = user;
        this.publicKey = Base64.getEncoder().encodeToString(NodeKeys.publicKey(java.nio.file.Path.of(dataDir)).getEncoded());
    }

    @GetMapping("/tree-head")
    Map<String, Object> treeHead() {
        log.flush();
        TreeHead head = log.latestTreeHead()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "the audit log has no entries yet"));
        return Map.of("size", head.size(), "rootHash", HEX.formatHex(head.rootHash()), "signedAt", head.signedAt().toString(),
                "signature", Base64.getEncoder().encodeToString(head.signature()), "publicKey", publicKey,
                "algorithm", "Ed25519 over kizuna-audit-tree-head-v1 || size || root || signedAt millis");
    }

    @GetMapping("/entries/{index}/proof")
    Map<String, Object> proof(@PathVariable long index, @RequestParam long treeSize) {
        List<String> path = log.inclusionProof(index, treeSize).stream().map(HEX::formatHex).toList();
        return Map.of("index", index, "treeSize", treeSize, "auditPath", path);
    }

    @GetMapping("/entries")
    List<AuditEntry> entries(@RequestParam(defaultValue = "0") long from, @RequestParam(defaultValue = "100") int limit) {
        if (from < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("from must be 0 or more and limit between 1 and 1000");
        }
        log.flush();
        return log.entries(from, limit, user.reader());
    }
}
