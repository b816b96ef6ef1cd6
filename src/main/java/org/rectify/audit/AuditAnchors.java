package org.rectify.audit;

import org.jooq.DSLContext;
import org.jooq.Record2;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.rectify.audit.internal.db.Tables.AUDIT_ANCHOR;
import static org.rectify.audit.internal.db.Tables.AUDIT_ENTRY;

/**
 * Anchors the chain: records, once per day, the head of the chain as it stood at the end of that day (the last
 * entry before midnight in the offices' time zone, the clock's). Published anchors let anyone who kept one detect a rewrite.
 */
@Service
public class AuditAnchors {

    private final DSLContext db;
    private final Clock clock;

    AuditAnchors(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The day that ended most recently. */
    public LocalDate yesterday() {
        return LocalDate.now(clock).minusDays(1);
    }

    /**
     * Records the anchor of {@code day}; a second call for the same day (another node, a catch-up run) keeps the
     * first. Returns the anchor of that day.
     */
    @Transactional
    public AuditAnchor anchor(LocalDate day) {
        Record2<Long, String> head = db.select(AUDIT_ENTRY.SEQ, AUDIT_ENTRY.HASH).from(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.AT.lt(day.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime()))
                .orderBy(AUDIT_ENTRY.SEQ.desc()).limit(1).fetchOne();
        db.insertInto(AUDIT_ANCHOR)
                .set(AUDIT_ANCHOR.DAY, day)
                .set(AUDIT_ANCHOR.SEQ, head == null ? 0L : head.value1())
                .set(AUDIT_ANCHOR.HASH, head == null ? AuditHash.GENESIS : head.value2())
                .set(AUDIT_ANCHOR.RECORDED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .onConflict(AUDIT_ANCHOR.DAY).doNothing()
                .execute();
        var a = db.selectFrom(AUDIT_ANCHOR).where(AUDIT_ANCHOR.DAY.eq(day)).fetchSingle();
        return new AuditAnchor(a.getDay(), a.getSeq(), a.getHash(), a.getRecordedAt().toInstant());
    }
}
