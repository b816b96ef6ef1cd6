package org.rectify.closure;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.plans.TaskConditions;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskStatus;
import org.rectify.plans.TaskSummary;
import org.rectify.plans.Tasks;
import org.rectify.platform.ConflictException;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.ListPage;
import org.rectify.platform.Paging;
import org.rectify.progress.EvidenceFile;
import org.rectify.progress.EvidenceNotFound;
import org.rectify.progress.Evidences;
import org.rectify.progress.StagedFile;
import org.rectify.units.UnitPaths;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectOne;
import static org.rectify.closure.internal.db.Tables.LOOK_BACK;
import static org.rectify.closure.internal.db.Tables.LOOK_BACK_CAMPAIGN;
import static org.rectify.closure.internal.db.Tables.LOOK_BACK_EVIDENCE;
import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;

/**
 * Look-backs (回头看): reading them in the caller's scope, and the checking unit recording one as HELD (巩固) or
 * RELAPSED (反弹) with findings and evidence files. A relapse reopens the task through plans, marked as a relapse, and
 * withdraws the task's other pending look-backs. A look-back is seen by whoever sees its task, and by its checking
 * unit (which need not take part in the task); anyone else gets "not found".
 */
@Service
@Transactional
public class LookBacks {

    /** The reason a relapse reopens its task with; the findings follow it. */
    public static final String RELAPSE_REASON = "反弹";

    private final DSLContext db;
    private final Tasks tasks;
    private final TaskLedger ledger;
    private final Evidences evidences;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LookBacks(DSLContext db, Tasks tasks, TaskLedger ledger, Evidences evidences, ApplicationEventPublisher events,
              Clock clock) {
        this.db = db;
        this.tasks = tasks;
        this.ledger = ledger;
        this.evidences = evidences;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(readOnly = true)
    public LookBack get(long id, DataScope scope) {
        return query(LOOK_BACK.ID.eq(id), scope).stream().findFirst().orElseThrow(() -> new LookBackNotFound(id));
    }

    /** The look-backs of one task the scope sees, newest due first. */
    @Transactional(readOnly = true)
    public List<LookBack> ofTask(long taskId, DataScope scope) {
        return query(LOOK_BACK.TASK_ID.eq(taskId), scope);
    }

    /** What the caller's own unit is to check (it alone records them): pending first, by due date. */
    @Transactional(readOnly = true)
    public ListPage<LookBack> toCheck(Caller caller, Paging paging) {
        return page(LOOK_BACK.CHECKING_UNIT_ID.eq(caller.unitId()), caller.scope(), paging);
    }

    /** What the caller's own unit is still to check by {@code until}, late ones included: the earliest due first. */
    @Transactional(readOnly = true)
    public List<LookBack> pendingToCheckBy(Caller caller, LocalDate until) {
        return query(LOOK_BACK.CHECKING_UNIT_ID.eq(caller.unitId()).and(LOOK_BACK.STATUS.eq(LookBackStatus.PENDING.name()))
                .and(LOOK_BACK.DUE_ON.le(until)), caller.scope());
    }

    /** The look-backs on the tasks of the plans the caller governs (the office's desk): pending first, by due date. */
    @Transactional(readOnly = true)
    public ListPage<LookBack> governed(Caller caller, Paging paging) {
        return page(TaskConditions.PUBLISHED.governedBy(caller), caller.scope(), paging);
    }

    private ListPage<LookBack> page(Condition which, DataScope scope, Paging paging) {
        long total = db.fetchCount(db.selectOne().from(LOOK_BACK).join(PLANS_TASK).on(PLANS_TASK.ID.eq(LOOK_BACK.TASK_ID))
                .where(which.and(visibleTo(scope))));
        return paging.fetch(total, p -> query(which, scope, p));
    }

    /** Whether the caller records this look-back now: an account of its checking unit itself, not a leader. */
    @Transactional(readOnly = true)
    public boolean mayRecord(LookBack lookBack, Caller caller) {
        return lookBack.isPending() && checks(lookBack, caller);
    }

    private boolean checks(LookBack lookBack, Caller caller) {
        return recordsLookBacks(caller) && caller.unitId() == lookBack.checkingUnitId();
    }

    /** Whether the caller records its unit's look-backs: a leader reads them; the unit's other accounts record. */
    public static boolean recordsLookBacks(Caller caller) {
        return caller.role() != Role.LEADER;
    }

    /** Checks a record before any file is streamed (pages and the API stage files only after this). Writes nothing. */
    @Transactional(readOnly = true)
    public void checkRecord(long id, LookBackStatus outcome, String findings, Caller caller) {
        requireMayRecord(get(id, caller.scope()), outcome, findings, caller);
    }

    /**
     * Records the look-back with the files staged for it, in one transaction: refused, nothing is kept (no status, no
     * evidence, no reopening). RELAPSED reopens the task as a relapse.
     */
    public LookBack record(long id, LookBackStatus outcome, String findings, List<StagedFile> files, Caller caller) {
        LookBack lookBack = get(id, caller.scope());
        requireMayRecord(lookBack, outcome, findings, caller);
        Instant now = clock.instant();
        int updated = db.update(LOOK_BACK).set(LOOK_BACK.STATUS, outcome.name()).set(LOOK_BACK.FINDINGS, findings.strip())
                .set(LOOK_BACK.RECORDED_BY, caller.signature()).set(LOOK_BACK.RECORDED_AT, now.atOffset(ZoneOffset.UTC))
                .where(LOOK_BACK.ID.eq(id).and(LOOK_BACK.STATUS.eq(LookBackStatus.PENDING.name()))).execute();
        if (updated == 0) {
            throw new ConflictException("lookback.alreadyRecorded");
        }
        int position = 0;
        for (StagedFile file : files) {
            EvidenceFile kept = evidences.record(file, caller);
            db.insertInto(LOOK_BACK_EVIDENCE).set(LOOK_BACK_EVIDENCE.LOOK_BACK_ID, id)
                    .set(LOOK_BACK_EVIDENCE.EVIDENCE_ID, kept.id()).set(LOOK_BACK_EVIDENCE.POSITION, position++)
                    .onConflictDoNothing().execute();
        }
        if (outcome == LookBackStatus.RELAPSED) {
            tasks.reopenAsRelapse(lookBack.taskId(), RELAPSE_REASON + "：" + findings.strip(), caller.signature());
            withdrawPending(lookBack.taskId());
        }
        events.publishEvent(new LookBackRecorded(id, lookBack.taskId(), outcome, findings.strip(), caller.signature(), now));
        return get(id, caller.scope());
    }

    /** Withdraws the task's pending look-backs: it is no longer closed (relapsed, reopened). */
    public void withdrawPending(long taskId) {
        db.update(LOOK_BACK).set(LOOK_BACK.STATUS, LookBackStatus.WITHDRAWN.name())
                .where(LOOK_BACK.TASK_ID.eq(taskId).and(LOOK_BACK.STATUS.eq(LookBackStatus.PENDING.name()))).execute();
    }

    /** A file recorded with the look-back, to whoever sees the look-back; "not found" otherwise. */
    @Transactional(readOnly = true)
    public EvidenceFile evidence(long id, long evidenceId, DataScope scope) {
        return get(id, scope).evidence().stream().filter(f -> f.id() == evidenceId).findFirst()
                .orElseThrow(() -> new EvidenceNotFound(evidenceId));
    }

    private void requireMayRecord(LookBack lookBack, LookBackStatus outcome, String findings, Caller caller) {
        if (!checks(lookBack, caller)) {
            throw new ForbiddenException("lookback.recordForbidden", lookBack.checkingUnitName());
        }
        if (!lookBack.isPending()) {
            throw new ConflictException("lookback.alreadyRecorded");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (outcome != LookBackStatus.HELD && outcome != LookBackStatus.RELAPSED) {
            errors.put("outcome", "lookback.outcomeRequired");
        }
        if (findings == null || findings.isBlank()) {
            errors.put("findings", "lookback.findingsRequired");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, "error.invalid");
        }
        if (ledger.status(lookBack.taskId()).orElse(null) != TaskStatus.CLOSED) {
            throw new ConflictException("lookback.taskNotClosed");
        }
    }

    /** Seen by whoever sees the task, and by the checking unit's subtree. */
    static Condition visibleTo(DataScope scope) {
        if (scope.isAll()) {
            return noCondition();
        }
        return TaskConditions.PUBLISHED.visibleTo(scope).or(exists(selectOne().from(UNITS_DIRECTORY).where(UNITS_DIRECTORY.ID.eq(LOOK_BACK.CHECKING_UNIT_ID)
                .and(UnitPaths.within(UNITS_DIRECTORY.PATH, scope.unitPath())))));
    }

    private List<LookBack> query(Condition which, DataScope scope) {
        return query(which, scope, null);
    }

    /** The look-backs {@code which} selects in the scope, pending first by due date; {@code paging}'s page, or all. */
    private List<LookBack> query(Condition which, DataScope scope, Paging paging) {
        var checking = UNITS_DIRECTORY.as("checking");
        var rows = Paging.rows(db.select(LOOK_BACK.asterisk(), PLANS_TASK.REF, PLANS_TASK.TITLE, PLANS_TASK.TEXT, PLANS_TASK.PLAN_ID, checking.NAME,
                        LOOK_BACK_CAMPAIGN.TITLE)
                .from(LOOK_BACK).join(PLANS_TASK).on(PLANS_TASK.ID.eq(LOOK_BACK.TASK_ID))
                .join(checking).on(checking.ID.eq(LOOK_BACK.CHECKING_UNIT_ID))
                .leftJoin(LOOK_BACK_CAMPAIGN).on(LOOK_BACK_CAMPAIGN.ID.eq(LOOK_BACK.CAMPAIGN_ID))
                .where(which.and(visibleTo(scope)))
                .orderBy(LOOK_BACK.STATUS.eq(LookBackStatus.PENDING.name()).desc(), LOOK_BACK.DUE_ON, LOOK_BACK.ID), paging);
        Map<Long, List<EvidenceFile>> files = evidenceOf(rows.stream().filter(r -> r.get(LOOK_BACK.RECORDED_AT) != null)
                .map(r -> r.get(LOOK_BACK.ID)).toList());
        return rows.map(r -> toLookBack(r, checking.NAME, files.getOrDefault(r.get(LOOK_BACK.ID), List.of())));
    }

    private Map<Long, List<EvidenceFile>> evidenceOf(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return evidences.filesByOwner(db.select(LOOK_BACK_EVIDENCE.LOOK_BACK_ID, LOOK_BACK_EVIDENCE.EVIDENCE_ID)
                .from(LOOK_BACK_EVIDENCE).where(LOOK_BACK_EVIDENCE.LOOK_BACK_ID.in(ids))
                .orderBy(LOOK_BACK_EVIDENCE.LOOK_BACK_ID, LOOK_BACK_EVIDENCE.POSITION).fetch());
    }

    private static LookBack toLookBack(Record r, org.jooq.Field<String> checkingName, List<EvidenceFile> evidence) {
        return new LookBack(r.get(LOOK_BACK.ID), r.get(LOOK_BACK.TASK_ID), r.get(PLANS_TASK.REF),
                TaskSummary.titleOrExcerpt(r.get(PLANS_TASK.TITLE), r.get(PLANS_TASK.TEXT)), r.get(PLANS_TASK.PLAN_ID),
                r.get(LOOK_BACK.ROUND_MONTHS), r.get(LOOK_BACK.CAMPAIGN_ID), r.get(LOOK_BACK_CAMPAIGN.TITLE),
                r.get(LOOK_BACK.CLOSED_ON), r.get(LOOK_BACK.CHECKING_UNIT_ID), r.get(checkingName), r.get(LOOK_BACK.DUE_ON),
                LookBackStatus.valueOf(r.get(LOOK_BACK.STATUS)), r.get(LOOK_BACK.FINDINGS), r.get(LOOK_BACK.RECORDED_BY),
                r.get(LOOK_BACK.RECORDED_AT), evidence);
    }
}
