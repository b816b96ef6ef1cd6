package org.rectify.audit;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.rectify.audit.internal.AuditChain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.noCondition;
import static org.rectify.audit.internal.db.Tables.AUDIT_ANCHOR;
import static org.rectify.audit.internal.db.Tables.AUDIT_ENTRY;

/** Reads the chain: the latest entries a page at a time, an object's entries, and the published anchors. */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    public static final int MAX_PAGE_SIZE = 200;

    private final DSLContext db;
    /** The node's chain; null when a database is read without the application (the restore's check). */
    private final AuditChain chain;

    @Autowired
    AuditLog(DSLContext db, AuditChain chain) {
        this.db = db;
        this.chain = chain;
    }

    /** A reader of a database no node of this process writes to: nothing to wait for. */
    AuditLog(DSLContext db) {
        this(db, null);
    }

    /**
     * Returns once every command committed on this node before the call is linked into the chain (the node's linker
     * links after a command has answered: until then its records are pending, durable but not in the chain). Every read
     * here calls it first, so a reader sees what was done before it asked; records of commands on another node are
     * linked by that node's linker within milliseconds.
     */
    public void awaitLinked() {
        if (chain != null) {
            chain.awaitLinked();
        }
    }

    /** Newest first; {@code before} is the seq to continue below (null: from the head). */
    public List<AuditEntry> latest(Long before, int size) {
        awaitLinked();
        int limit = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        return db.select(AUDIT_ENTRY.fields()).from(AUDIT_ENTRY)
                .where(before == null ? noCondition() : AUDIT_ENTRY.SEQ.lt(before))
                .orderBy(AUDIT_ENTRY.SEQ.desc()).limit(limit)
                .fetch(AuditLog::entry);
    }

    /** Every entry about one object ({@code task:42}), oldest first. */
    public List<AuditEntry> of(String object) {
        awaitLinked();
        return db.select(AUDIT_ENTRY.fields()).from(AUDIT_ENTRY).where(AUDIT_ENTRY.OBJECT.eq(object))
                .orderBy(AUDIT_ENTRY.SEQ).fetch(AuditLog::entry);
    }

    /** How many entries the chain has: its seqs run 1..n (the verifier says so), so the head's seq, one index read. */
    public long count() {
        awaitLinked();
        Long head = db.select(max(AUDIT_ENTRY.SEQ)).from(AUDIT_ENTRY).fetchOne(0, Long.class);
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
