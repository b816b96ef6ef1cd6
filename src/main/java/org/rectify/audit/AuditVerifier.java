package org.rectify.audit;

import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.rectify.audit.internal.db.Tables.AUDIT_ENTRY;

/**
 * Recomputes the whole chain from the database and checks every anchor against it. Used by
 * {@code verify-audit}, the audit page and {@code GET /api/audit/verify}.
 */
@Service
public class AuditVerifier {

    private final DSLContext db;
    private final AuditLog log;
    private final Clock clock;

    AuditVerifier(DSLContext db, AuditLog log, Clock clock) {
        this.db = db;
        this.log = log;
        this.clock = clock;
    }

    /** Reads the entries in seq order through a cursor (a read-only transaction, so PostgreSQL streams them). */
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        List<AuditAnchor> anchors = log.anchors();
        return verify(anchors);
    }

    /** Checks the chain against the given anchors, e.g. ones published earlier and kept elsewhere. */
    @Transactional(readOnly = true)
    public AuditVerification verify(List<AuditAnchor> anchors) {
        log.awaitLinked(); // every command committed on this node before the check is in the chain it checks
        Map<Long, List<AuditAnchor>> bySeq = new HashMap<>();
        anchors.forEach(a -> bySeq.computeIfAbsent(a.seq(), s -> new ArrayList<>()).add(a));
        ChainCheck check = new ChainCheck(bySeq);
        try (Cursor<Record> rows = db.select(AUDIT_ENTRY.fields()).from(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ)
                .fetchSize(2000).fetchLazy()) {
            for (Record r : rows) {
                if (!check.accept(AuditLog.entry(r))) {
                    break;
                }
            }
        }
        var broken = check.finish();
        return new AuditVerification(broken.isEmpty(), check.checked(), anchors.size(), broken.orElse(null),
                clock.instant());
    }
}
