package org.rectify.audit.internal;

import org.jooq.DSLContext;
import org.jooq.Record2;
import org.rectify.audit.AuditHash;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.rectify.audit.internal.db.Tables.AUDIT_ENTRY;

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

    /** The head as this transaction last left it: once it holds the lock, nobody else moves it. */
    private final class Head {
        long seq;
        String hash;
        /** Forgets the head when its transaction ends; also tells this transaction's head from a suspended one's. */
        final TransactionSynchronization release = new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(AuditChain.this);
            }
        };
    }

    @Transactional
    public long append(Instant at, String actor, String action, String object, String change) {
        Head head = head();
        long seq = head.seq + 1;
        String prev = head.hash;
        // timestamptz keeps microseconds, and the driver rounds half up to them (as it did for the task history): the
        // hash must cover what is stored
        Instant stored = at.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
        String digest = AuditHash.sha256(change);
        String hash = AuditHash.entry(seq, stored, actor, action, object, digest, prev);
        db.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.SEQ, seq).set(AUDIT_ENTRY.AT, stored.atOffset(ZoneOffset.UTC))
                .set(AUDIT_ENTRY.ACTOR, actor).set(AUDIT_ENTRY.ACTION, action).set(AUDIT_ENTRY.OBJECT, object)
                .set(AUDIT_ENTRY.CHANGE, change).set(AUDIT_ENTRY.DIGEST, digest).set(AUDIT_ENTRY.PREV_HASH, prev)
                .set(AUDIT_ENTRY.HASH, hash)
                .execute();
        head.seq = seq;
        head.hash = hash;
        return seq;
    }

    /**
     * Locks the chain and reads its head on the transaction's first append; later appends of the same transaction
     * (a nightly recomputation publishes thousands) reuse it.
     */
    private Head head() {
        Head cached = (Head) TransactionSynchronizationManager.getResource(this);
        if (cached != null && TransactionSynchronizationManager.getSynchronizations().contains(cached.release)) {
            return cached;
        }
        db.execute("select pg_advisory_xact_lock(?)", LOCK);
        Record2<Long, String> last = db.select(AUDIT_ENTRY.SEQ, AUDIT_ENTRY.HASH).from(AUDIT_ENTRY)
                .orderBy(AUDIT_ENTRY.SEQ.desc()).limit(1).fetchOne();
        Head fresh = new Head();
        fresh.seq = last == null ? 0 : last.value1();
        fresh.hash = last == null ? AuditHash.GENESIS : last.value2();
        if (cached == null) { // (an inner transaction inside one that appended just reads the head each time)
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(fresh.release);
        }
        return fresh;
    }
}
