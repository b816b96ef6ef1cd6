package org.rectify.audit.internal;

import io.swagger.v3.oas.annotations.Operation;
import org.rectify.access.Caller;
import org.rectify.access.Role;
import org.rectify.audit.AuditAnchor;
import org.rectify.audit.AuditEntry;
import org.rectify.audit.AuditLog;
import org.rectify.audit.AuditVerification;
import org.rectify.audit.AuditVerifier;
import org.rectify.audit.ChainBreak;
import org.rectify.platform.ForbiddenException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The audit chain over HTTP: the entries and their verification for administrators; the anchors for every
 * signed-in account (they are hashes and reveal nothing), as JSON and as a CSV export to keep elsewhere.
 */
@RestController
class AuditApiController {

    private final AuditLog log;
    private final AuditVerifier verifier;
    private final AuditTexts texts;

    AuditApiController(AuditLog log, AuditVerifier verifier, AuditTexts texts) {
        this.log = log;
        this.verifier = verifier;
        this.texts = texts;
    }

    record EntryPage(List<AuditEntry> entries, Long nextBefore) {
    }

    record Verification(boolean intact, long entries, int anchors, ChainBreak firstBreak, Instant checkedAt,
                        String message) {
    }

    @GetMapping("/api/audit")
    @Operation(summary = "Audit entries, newest first, a page at a time (administrators); continue with before=nextBefore")
    EntryPage entries(@RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int size,
                      Caller caller) {
        requireAdmin(caller);
        List<AuditEntry> entries = log.latest(before, size);
        Long next = entries.isEmpty() || entries.get(entries.size() - 1).seq() <= 1 ? null
                : entries.get(entries.size() - 1).seq();
        return new EntryPage(entries, next);
    }

    @GetMapping("/api/audit/verify")
    @Operation(summary = "Recomputes the chain and checks the anchors (administrators); names the first broken entry")
    Verification verify(Caller caller) {
        requireAdmin(caller);
        AuditVerification v = verifier.verify();
        return new Verification(v.intact(), v.entries(), v.anchors(), v.firstBreak(), v.checkedAt(), texts.sentence(v));
    }

    @GetMapping({"/api/audit/anchors", "/api/audit/anchors.json"})
    @Operation(summary = "The daily anchors of the chain (day, seq, hash): keep them to detect a later rewrite")
    List<AuditAnchor> anchors() {
        return log.anchors();
    }

    @GetMapping("/api/audit/anchors.csv")
    @Operation(summary = "The daily anchors as CSV")
    ResponseEntity<String> anchorsCsv() {
        return anchorsCsv(log.anchors());
    }

    /** The anchors as a CSV download (the signed-in export and the public one). */
    static ResponseEntity<String> anchorsCsv(List<AuditAnchor> anchors) {
        StringBuilder csv = new StringBuilder("day,seq,hash,recorded_at\n");
        anchors.forEach(a -> csv.append(a.day()).append(',').append(a.seq()).append(',').append(a.hash())
                .append(',').append(a.recordedAt()).append('\n'));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-anchors.csv\"")
                .body(csv.toString());
    }

    static void requireAdmin(Caller caller) {
        if (!caller.hasRole(Role.ADMIN)) {
            throw new ForbiddenException("audit.forbidden");
        }
    }
}
