package org.rectify.audit;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

import static org.rectify.audit.internal.db.Tables.AUDIT_ANCHOR;
import static org.rectify.audit.internal.db.Tables.AUDIT_ENTRY;

/** Reads the chain: the latest entries a page at a time, an object's entries, and the published anchors. */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    public static final int MAX_PAGE_SIZE = 200;

    private final DSLContext db;

    AuditLog(DSLContext db) {
        this.db = db;
    }

    /** Newest first; {@code before} is the seq to continue below (null: from the head). */
    public List<AuditEntry> latest(Long before, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        return db.select(AUDIT_ENTRY.fields()).from(AUDIT_ENTRY)
                .where(before == null ? org.jooq.impl.DSL.noCondition() : AUDIT_ENTRY.SEQ.lt(before))
                .orderBy(AUDIT_ENTRY.SEQ.desc()).limit(limit)
                .fetch(AuditLog::entry);
    }

    /** Every entry about one object ({@code task:42}), oldest first. */
    public List<AuditEntry> of(String object) {
        return db.select(AUDIT_ENTRY.fields()).from(AUDIT_ENTRY).where(AUDIT_ENTRY.OBJECT.eq(object))
                .orderBy(AUDIT_ENTRY.SEQ).fetch(AuditLog::entry);
    }

    /** How many entries the chain has: its seqs run 1..n (the verifier says so), so the head's seq, one index read. */
    public long count() {
        Long head = db.select(org.jooq.impl.DSL.max(AUDIT_ENTRY.SEQ)).from(AUDIT_ENTRY).fetchOne(0, Long.class);
        return head == null ? 0 : head;
    }

    public List<AuditAnchor> anchors() {
        return db.selectFrom(AUDIT_ANCHOR).orderBy(AUDIT_ANCHOR.DAY)
                .fetch(a -> new AuditAnchor(a.getDay(), a.getSeq(), a.getHash(), a.getRecordedAt().toInstant()));
    }

    static AuditEntry entry(Record r) {
        return new AuditEntry(r.get(AUDIT_ENTRY.SEQ), r.get(AUDIT_ENTRY.AT).toInstant(), r.get(AUDIT_ENTRY.ACTOR),
                r.get(AUDIT_ENTRY.ACTION), r.get(AUDIT_ENTRY.OBJECT), r.get(AUDIT_ENTRY.CHANGE),
                r.get(AUDIT_ENTRY.DIGEST), r.get(AUDIT_ENTRY.PREV_HASH), r.get(AUDIT_ENTRY.HASH));
    }
}
