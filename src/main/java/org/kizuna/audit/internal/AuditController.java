package org.kizuna.audit.internal;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

import org.kizuna.audit.AuditEntry;
import org.kizuna.audit.AuditLog;
import org.kizuna.audit.AuditReadPolicy;
import org.kizuna.audit.InclusionProof;
import org.kizuna.audit.SignedTreeHead;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets partners check the log independently: the latest signed tree head with the node's public key,
 * inclusion proofs of entries, consistency proofs between tree sizes, and the entries the reader may read.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private final AuditLog auditLog;
    private final ObjectProvider<AuditReadPolicy> readPolicy;

    AuditController(AuditLog auditLog, ObjectProvider<AuditReadPolicy> readPolicy) {
        this.auditLog = auditLog;
        this.readPolicy = readPolicy;
    }

    record TreeHeadView(long treeSize, String rootHash, String timestamp, String signature, String publicKey, String algorithm) {
    }

    record RecordView(long index, String kind, String actor, String subject, String outcome, String reason, String label, String at) {
        static RecordView of(AuditEntry e) {
            var r = e.record();
            return new RecordView(e.index(), r.kind().name(), r.actor(), r.subject(), r.outcome(), r.reason(), r.label(), r.at().toString());
        }
    }

    record ProofView(long leafIndex, long treeSize, String leafHash, List<String> path, String entry, RecordView record) {
    }

    record ConsistencyView(long firstSize, long secondSize, List<String> path) {
    }

    @GetMapping("/tree-head")
    TreeHeadView treeHead() {
        SignedTreeHead h = auditLog.latestTreeHead();
        return new TreeHeadView(h.treeSize(), h.rootHex(), h.timestamp().toString(), h.signatureBase64(),
                B64.encodeToString(auditLog.publicKey()), "Ed25519");
    }

    @GetMapping("/entries/{index}/proof")
    ProofView proof(@PathVariable long index, @RequestParam(required = false) Long treeSize) {
        AuditEntry entry = auditLog.entry(index, mayRead())
                .orElseThrow(() -> notFound("no audit entry " + index + " that you may read"));
        long size = treeSize != null ? treeSize : auditLog.latestTreeHead().treeSize();
        InclusionProof proof = auditLog.inclusionProof(index, size);
        return new ProofView(index, size, HEX.formatHex(proof.leafHash()), proof.path().stream().map(HEX::formatHex).toList(),
                B64.encodeToString(RecordCodec.encode(index, entry.record())), RecordView.of(entry));
    }

    @GetMapping("/consistency")
    ConsistencyView consistency(@RequestParam long first, @RequestParam(required = false) Long second) {
        long to = second != null ? second : auditLog.latestTreeHead().treeSize();
        return new ConsistencyView(first, to, auditLog.consistencyProof(first, to).path().stream().map(HEX::formatHex).toList());
    }

    @GetMapping("/entries")
    List<RecordView> entries(@RequestParam(defaultValue = "0") long from, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000; got " + limit);
        }
        return auditLog.entries(from, limit, mayRead()).stream().map(RecordView::of).toList();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Bad audit request");
        return p;
    }

    private Predicate<String> mayRead() {
        return readPolicy.getIfAvailable(() -> AuditReadPolicy.UNCLASSIFIED_ONLY).forCurrentReader();
    }

    private static ErrorResponseException notFound(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        p.setTitle("Audit entry not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, p, null);
    }
}
