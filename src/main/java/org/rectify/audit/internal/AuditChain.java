package org.rectify.audit.internal;

import org.jooq.DSLContext;
import org.jooq.Record2;
import org.rectify.audit.AuditHash;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.rectify.db.Tables.AUDIT_ENTRY;

/**
 * Appends to the chain. A transaction-scoped advisory lock makes appends take turns, so the chain stays a line
 * however many commands (and app nodes) commit at once; the lock is held from the append to the commit, which
 * the listener keeps short by appending just before the commit.
 */
@Component
class AuditChain {

    /** The advisory lock key of the chain ("audit" in ASCII). */
    static final long LOCK = 0x6175646974L;

    private final DSLContext db;

    AuditChain(DSLContext db) {
        this.db = db;
    }

    @Transactional
    public long append(Instant at, String actor, String action, String object, String change) {
        db.execute("select pg_advisory_xact_lock(?)", LOCK);
        Record2<Long, String> head = db.select(AUDIT_ENTRY.SEQ, AUDIT_ENTRY.HASH).from(AUDIT_ENTRY)
                .orderBy(AUDIT_ENTRY.SEQ.desc()).limit(1).fetchOne();
        long seq = head == null ? 1 : head.value1() + 1;
        String prev = head == null ? AuditHash.GENESIS : head.value2();
        // timestamptz keeps microseconds, and the driver rounds half up to them (as it did for the task history): the
        // hash must cover what is stored
        Instant stored = at.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
        String digest = AuditHash.sha256(change);
        db.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.SEQ, seq).set(AUDIT_ENTRY.AT, stored.atOffset(ZoneOffset.UTC))
                .set(AUDIT_ENTRY.ACTOR, actor).set(AUDIT_ENTRY.ACTION, action).set(AUDIT_ENTRY.OBJECT, object)
                .set(AUDIT_ENTRY.CHANGE, change).set(AUDIT_ENTRY.DIGEST, digest).set(AUDIT_ENTRY.PREV_HASH, prev)
                .set(AUDIT_ENTRY.HASH, AuditHash.entry(seq, stored, actor, action, object, digest, prev))
                .execute();
        return seq;
    }
}
