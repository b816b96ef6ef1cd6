package org.rectify.audit.internal;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep6;
import org.jooq.InsertValuesStep9;
import org.jooq.Query;
import org.jooq.Record9;
import org.jooq.ResultQuery;
import org.rectify.audit.AuditHash;
import org.rectify.audit.internal.db.tables.records.AuditEntryRecord;
import org.rectify.audit.internal.db.tables.records.AuditPendingRecord;
import org.rectify.platform.AfterCompletionOnly;
import org.rectify.platform.CatchUp;
import org.rectify.platform.CommittedConnection;
import org.rectify.platform.PendingWrites;
import org.rectify.platform.RenderedStatements;
import org.rectify.platform.TransactionLocal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.rectify.audit.internal.db.Tables.AUDIT_ENTRY;
import static org.rectify.audit.internal.db.Tables.AUDIT_PENDING;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.deleteFrom;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.trueCondition;

/**
 * Appends to the chain in two steps. A command's records are written, unlinked, to {@code audit_pending} in the
 * command's own transaction, in one statement just before it commits, the other modules' pending rows with them
 * ({@link PendingWrites}): they commit with it or not at all, and no lock is taken; after the commit the node's catch-up thread
 * links everything pending into the chain under a transaction-scoped advisory lock, so the chain stays a line however
 * many commands (and app nodes) commit at once. The lock is held only while linking, never through a command's commit:
 * commands commit side by side, and a command answers without waiting for its link step (issue 14, Q4: the step was a
 * second transaction and fsync on every submission's request). One step links every command committed since the last
 * (one transaction and one fsync for many). A command's records stay neighbours in the chain, in the order published.
 * Until its step, a command's records are pending: durable, not yet in the chain; the chain's readers wait for this
 * node's pending records to be linked ({@link #awaitLinked}). Records left pending by a crash are linked at start, or
 * by any node's next step.
 */
@Component
public class AuditChain {

    /** The advisory lock key of the chain ("audit" in ASCII). */
    static final long LOCK = 0x6175646974L;
    /**
     * Pending records a link statement takes at most, the oldest, with their commands' other records (a nightly
     * recomputation publishes thousands).
     */
    private static final int RECORDS_PER_STEP = 5_000;
    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

    /** Records of one group written by kept SQL ({@link #write}) at most: a command's few, one statement per number. */
    private static final int KEPT_GROUP = 16;
    /** Entries one link step writes by kept SQL at most (one statement per number). */
    private static final int KEPT_ENTRIES = 64;

    private final DSLContext db;
    private final DataSource dataSource;
    /** A link step's own transaction, also when a reader inside a read-only one takes it. */
    private final TransactionTemplate linkTransaction;
    private final RenderedStatements statements;
    /**
     * The node's catch-up thread (issue 14, Q4): links after the commands answered, everything committed since its last
     * step in one, in the step the dashboard's kept counts share (one commit for both); idle, every 10 s, for records
     * another node left pending.
     */
    private final CatchUp catchUp;
    private final CatchUp.Registration linker;
    private final PendingWrites pendingWrites;
    /** This transaction's group: its link step after the commit, its rows written with the other modules' before it. */
    private final TransactionLocal<Group> group = new TransactionLocal<>(this::newGroup);

    AuditChain(DSLContext db, DataSource dataSource, PlatformTransactionManager transactions, RenderedStatements statements,
               CatchUp catchUp, PendingWrites pendingWrites) {
        this.db = db;
        this.pendingWrites = pendingWrites;
        this.dataSource = dataSource;
        this.linkTransaction = new TransactionTemplate(transactions);
        this.linkTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.statements = statements;
        this.catchUp = catchUp;
        // last in the shared step: the chain's lock is held from its first statement to the commit
        this.linker = catchUp.register("audit", Integer.MAX_VALUE, () -> {
            link(db);
            return false; // link takes everything pending
        });
    }

    /** This transaction's group of records; written in one statement just before it commits, linked after. */
    private final class Group {
        final UUID id = UUID.randomUUID();
        /** The records appended and not yet written; null once written (a record appended later is written at once). */
        List<Pending> unwritten = new ArrayList<>();
        /**
         * The group's rows, asked for just before the commit and written with the other modules' pending rows in one
         * statement ({@link PendingWrites}); a large group (a nightly recomputation's thousands) written here by itself.
         */
        final PendingWrites.Writer rows = () -> {
            List<Pending> records = unwritten;
            unwritten = null;
            return rows(db, id, records);
        };
        /** Links the group after the commit. */
        final TransactionSynchronization link = new AfterCompletionOnly() {
            @Override
            public void afterCommit() {
                if (unwritten != null && !unwritten.isEmpty()) {
                    // a group begun while the transaction committed (a record published by another synchronization's
                    // beforeCommit after the pending rows were written, none so far) was too late to be written before:
                    // written now, then linked
                    List<Pending> late = unwritten;
                    unwritten = null;
                    CommittedConnection.run(dataSource, tx -> write(tx, id, late), log, "audit: writing late records failed");
                }
                catchUp.committed();
            }
        };
    }

    private Group newGroup() {
        Group fresh = new Group();
        TransactionSynchronizationManager.registerSynchronization(fresh.link);
        pendingWrites.add(fresh.rows);
        return fresh;
    }

    /** A record as appended, before it is written to {@code audit_pending}. */
    private record Pending(OffsetDateTime at, String actor, String action, String object, String change) {
    }

    /**
     * Records an entry in the current transaction; it is written with the transaction's other records just before the
     * commit (one statement for all of them) and joins the chain after it.
     */
    @Transactional
    public void append(Instant at, String actor, String action, String object, String change) {
        // timestamptz keeps microseconds, and the driver rounds half up to them (as it did for the task history): the
        // hash must cover what is stored
        Instant stored = at.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
        Pending record = new Pending(stored.atOffset(ZoneOffset.UTC), actor, action, object, change);
        Group group = this.group.get();
        if (group.unwritten != null) {
            group.unwritten.add(record);
        } else { // appended while the transaction commits, after its group was written
            write(db, group.id, List.of(record));
        }
    }

    /**
     * Writes records to {@code audit_pending}, in the order appended, in one statement of their own (records appended
     * after the group's rows were written).
     */
    private void write(DSLContext db, UUID group, List<Pending> records) {
        if (!records.isEmpty()) {
            insert(db, group, records).execute();
        }
    }

    /**
     * The records' rows for {@link PendingWrites}, in the order appended. A command's few records (a report's submission
     * writes two or three at every request) go through SQL rendered once per number of records and kept: building and
     * rendering the insert afresh was 2.7 % of a submission's request CPU (issue 14); a large group (a nightly
     * recomputation's thousands) is built as it comes and written at once, by itself.
     */
    private PendingWrites.Rows rows(DSLContext db, UUID group, List<Pending> records) {
        if (records.isEmpty()) {
            return null;
        }
        if (records.size() > KEPT_GROUP) {
            write(db, group, records);
            return null;
        }
        List<Object> binds = new ArrayList<>(records.size() * 6);
        for (Pending p : records) {
            binds.addAll(List.of(group, p.at(), p.actor(), p.action(), p.object(), p.change()));
        }
        return new PendingWrites.Rows(List.of("audit-pending", records.size()),
                () -> insert(db, group, records).returningResult(inline(1)), binds);
    }

    /** The insert of records into {@code audit_pending}, their values bound. */
    private static InsertValuesStep6<AuditPendingRecord, UUID, OffsetDateTime, String, String, String, String> insert(
            DSLContext db, UUID group, List<Pending> records) {
        var insert = db.insertInto(AUDIT_PENDING, AUDIT_PENDING.GRP, AUDIT_PENDING.AT, AUDIT_PENDING.ACTOR,
                AUDIT_PENDING.ACTION, AUDIT_PENDING.OBJECT, AUDIT_PENDING.CHANGE);
        for (Pending p : records) {
            insert = insert.values(group, p.at(), p.actor(), p.action(), p.object(), p.change());
        }
        return insert;
    }

    /** Records left pending when the application stopped between a commit and its link step; then the linker starts. */
    @EventListener(ApplicationReadyEvent.class)
    void linkLeftovers() {
        int linked = linkTransaction.execute(s -> link(db));
        if (linked > 0) {
            log.info("audit: {} pending records linked into the chain", linked);
        }
        linker.ready();
    }

    /**
     * Returns once every command committed on this node before the call has its records in the chain: a reader of the
     * chain (the log, a task's timeline, the verifier) sees what was done before it asked, linked, never pending.
     * Records another node committed are linked by that node's linker, within milliseconds.
     */
    public void awaitLinked() {
        catchUp.await();
    }

    /** Moves every pending record into the chain under the chain's lock; returns how many. */
    private int link(DSLContext tx) {
        tx.execute("select pg_advisory_xact_lock(?)", LOCK);
        int linked = 0;
        while (true) {
            // under the lock (taken by the statement before: this one's snapshot sees every entry linked before it)
            List<Moved> pending = moved(tx.resultQuery(statements.sql("audit-move", () -> movePending(tx, oldest()))));
            boolean more = pending.size() == RECORDS_PER_STEP;
            if (more) { // the oldest records taken: the rest of their commands' records with them, neighbours in the chain
                UUID[] taken = pending.stream().map(Moved::grp).distinct().toArray(UUID[]::new);
                pending.addAll(moved(movePending(tx, AUDIT_PENDING.GRP.eq(any(taken)))));
            }
            if (!pending.isEmpty()) {
                appendInOrder(tx, pending);
                linked += pending.size();
            }
            if (!more) {
                return linked; // all there was
            }
        }
    }

    private static List<Moved> moved(ResultQuery<?> move) {
        return new ArrayList<>(move.coerce(AUDIT_PENDING.ID, AUDIT_PENDING.GRP, AUDIT_PENDING.AT, AUDIT_PENDING.ACTOR,
                        AUDIT_PENDING.ACTION, AUDIT_PENDING.OBJECT, AUDIT_PENDING.CHANGE, AUDIT_ENTRY.SEQ, AUDIT_ENTRY.HASH)
                .fetch(Moved::of));
    }

    /**
     * The oldest pending records by id. Not the oldest commands' groups, as before session 28: grouping every pending
     * row, some plans scanned the queue again for each group taken (issue 14, Q4: 2,055 buffers a step under load, up
     * to a tenth of a submission's PostgreSQL CPU); this reads it at most twice, for the ids and for the delete.
     */
    private static Condition oldest() {
        return AUDIT_PENDING.ID.in(select(AUDIT_PENDING.ID).from(AUDIT_PENDING).orderBy(AUDIT_PENDING.ID)
                .limit(inline(RECORDS_PER_STEP)));
    }

    /** A pending record taken out of {@code audit_pending}, with the chain's last entry as it was before the step. */
    private record Moved(long id, UUID grp, OffsetDateTime at, String actor, String action, String object, String change,
                         Long lastSeq, String lastHash) {
        static Moved of(Record9<Long, UUID, OffsetDateTime, String, String, String, String, Long, String> r) {
            return new Moved(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(),
                    r.value9());
        }
    }

    /**
     * One statement (the oldest records' rendered once and kept: issue 14, the link step's three statements were built
     * and rendered at every step, and read in two round trips): the pending records {@code which} selects deleted and
     * returned, each with the chain's last entry (none on an empty chain).
     */
    private static ResultQuery<?> movePending(DSLContext tx, Condition which) {
        var moved = name("moved").as(deleteFrom(AUDIT_PENDING).where(which)
                .returning(AUDIT_PENDING.ID, AUDIT_PENDING.GRP, AUDIT_PENDING.AT, AUDIT_PENDING.ACTOR, AUDIT_PENDING.ACTION,
                        AUDIT_PENDING.OBJECT, AUDIT_PENDING.CHANGE));
        var last = select(AUDIT_ENTRY.SEQ, AUDIT_ENTRY.HASH).from(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ.desc())
                .limit(inline(1)).asTable("last");
        List<Field<?>> fields = new ArrayList<>(List.of(moved.fields()));
        fields.addAll(List.of(last.fields()));
        return tx.with(moved).select(fields).from(moved).leftJoin(last).on(trueCondition());
    }

    /** Chains the records, each command's together in the order it published them, commands in the order they began. */
    private void appendInOrder(DSLContext tx, List<Moved> pending) {
        Map<UUID, Long> firstOfGroup = new HashMap<>();
        pending.forEach(p -> firstOfGroup.merge(p.grp(), p.id(), Math::min));
        List<Moved> ordered = new ArrayList<>(pending);
        ordered.sort(Comparator.<Moved>comparingLong(p -> firstOfGroup.get(p.grp())).thenComparingLong(Moved::id));
        Moved any = pending.get(0);
        long seq = any.lastSeq() == null ? 0 : any.lastSeq();
        String prev = any.lastSeq() == null ? AuditHash.GENESIS : any.lastHash();
        List<Object> binds = new ArrayList<>(ordered.size() * 9);
        for (Moved p : ordered) {
            seq++;
            String digest = AuditHash.sha256(p.change());
            String hash = AuditHash.entry(seq, p.at().toInstant(), p.actor(), p.action(), p.object(), digest, prev);
            binds.addAll(List.of(seq, p.at(), p.actor(), p.action(), p.object(), p.change(), digest, prev, hash));
            prev = hash;
        }
        if (ordered.size() > KEPT_ENTRIES) { // a nightly recomputation's thousands: built as they come
            entries(tx, binds).execute();
            return;
        }
        // a step links a few commands' records (one to a few dozen under load): SQL rendered once per number of entries
        tx.query(statements.sqlWithBinds(List.of("audit-entries", ordered.size()), () -> entries(tx, binds), binds),
                binds.toArray()).execute();
    }

    /** The insert of chain entries, nine values each as {@code binds} has them. */
    private static Query entries(DSLContext tx, List<Object> binds) {
        InsertValuesStep9<AuditEntryRecord, Long, OffsetDateTime, String, String, String, String, String, String, String> insert =
                tx.insertInto(AUDIT_ENTRY, AUDIT_ENTRY.SEQ, AUDIT_ENTRY.AT, AUDIT_ENTRY.ACTOR, AUDIT_ENTRY.ACTION,
                        AUDIT_ENTRY.OBJECT, AUDIT_ENTRY.CHANGE, AUDIT_ENTRY.DIGEST, AUDIT_ENTRY.PREV_HASH, AUDIT_ENTRY.HASH);
        for (int i = 0; i < binds.size(); i += 9) {
            insert = insert.values((Long) binds.get(i), (OffsetDateTime) binds.get(i + 1), (String) binds.get(i + 2),
                    (String) binds.get(i + 3), (String) binds.get(i + 4), (String) binds.get(i + 5), (String) binds.get(i + 6),
                    (String) binds.get(i + 7), (String) binds.get(i + 8));
        }
        return insert;
    }
}
