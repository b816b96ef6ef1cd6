package org.rectify.supervision;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectConditionStep;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.plans.TaskConditions;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskStatus;
import org.rectify.plans.TaskSummary;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.ListPage;
import org.rectify.platform.Paging;
import org.rectify.platform.TransactionSetting;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.rectify.supervision.internal.db.Tables.LEDGER_ENTRY;
import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.supervision.internal.db.Tables.TASK_WARNING;

/**
 * The supervision ledger (挂账督办): the office or the supervision office puts a task on it with a
 * reason; it stays there, visibly, until the task is closed or cancelled. Red tasks not on it are
 * suggested.
 */
@Service
@Transactional
public class SupervisionLedger {

    private final DSLContext db;
    private final TaskLedger tasks;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    SupervisionLedger(DSLContext db, TaskLedger tasks, Clock clock,
                      org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.db = db;
        this.tasks = tasks;
        this.clock = clock;
    }

    public long add(long taskId, String reason, Caller caller) {
        tasks.get(taskId, caller.scope());
        if (!caller.role().managesTasks() && caller.role() != org.rectify.access.Role.SUPERVISOR) {
            throw new ForbiddenException("supervision.ledger.forbidden");
        }
        TaskDetail task = tasks.governed(taskId, caller); // a task of another office's plan: not found
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(Map.of("reason", "supervision.ledger.reasonRequired"), "supervision.ledger.reasonRequired");
        }
        if (!task.status().isOpen()) {
            throw new InvalidInputException(Map.of("taskId", "supervision.ledger.taskNotOpen"), "supervision.ledger.taskNotOpen");
        }
        if (db.fetchExists(LEDGER_ENTRY, LEDGER_ENTRY.TASK_ID.eq(taskId).and(LEDGER_ENTRY.RESOLVED_AT.isNull()))) {
            throw new AlreadyOnLedger(task.ref());
        }
        var now = clock.instant();
        long id = db.insertInto(LEDGER_ENTRY).set(LEDGER_ENTRY.TASK_ID, taskId).set(LEDGER_ENTRY.REASON, reason.strip())
                .set(LEDGER_ENTRY.ADDED_BY, caller.signature()).set(LEDGER_ENTRY.ADDED_AT, now.atOffset(ZoneOffset.UTC))
                .returning(LEDGER_ENTRY.ID).fetchOne(LEDGER_ENTRY.ID);
        events.publishEvent(SupervisionChanged.of(caller.signature(), "ledger.added", "task:" + taskId, now,
                "entryId", id, "reason", reason.strip()));
        return id;
    }

    /**
     * Puts a relapsed task on the ledger in the name of whoever found the relapse (a closed task came back: 挂账 until
     * closed again); nothing when it is on the open ledger already.
     */
    public void addForRelapse(long taskId, String reason, String foundBy) {
        var now = clock.instant();
        Long id = db.insertInto(LEDGER_ENTRY).set(LEDGER_ENTRY.TASK_ID, taskId).set(LEDGER_ENTRY.REASON, reason)
                .set(LEDGER_ENTRY.ADDED_BY, foundBy).set(LEDGER_ENTRY.ADDED_AT, now.atOffset(ZoneOffset.UTC))
                .onConflictDoNothing().returning(LEDGER_ENTRY.ID).fetchOptional(LEDGER_ENTRY.ID).orElse(null);
        if (id != null) {
            events.publishEvent(SupervisionChanged.of(foundBy, "ledger.added", "task:" + taskId, now,
                    "entryId", id, "reason", reason));
        }
    }

    /**
     * Takes the task off the open ledger because it was closed or cancelled at {@code at}. Only entries added by then:
     * the closing may be heard after a relapse has already put the task back on (a listener runs after its commit).
     */
    public void resolve(long taskId, TaskStatus outcome, Instant at) {
        int resolved = db.update(LEDGER_ENTRY).set(LEDGER_ENTRY.RESOLVED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .set(LEDGER_ENTRY.RESOLUTION, outcome.name())
                .where(LEDGER_ENTRY.TASK_ID.eq(taskId).and(LEDGER_ENTRY.RESOLVED_AT.isNull())
                        .and(LEDGER_ENTRY.ADDED_AT.le(at.atOffset(ZoneOffset.UTC)))).execute();
        if (resolved > 0) { // follows the task's closing or cancelling: the system's doing
            events.publishEvent(SupervisionChanged.of("system", "ledger.resolved", "task:" + taskId, clock.instant(),
                    "outcome", outcome.name()));
        }
    }

    /** The ledger in the caller's scope: open entries first, then those resolved, newest first. */
    @Transactional(readOnly = true)
    public List<LedgerEntry> entries(boolean includeResolved, DataScope scope) {
        return query(includeResolved ? LEDGER_ENTRY.ID.isNotNull() : LEDGER_ENTRY.RESOLVED_AT.isNull(), scope);
    }

    /** A task's entries, open and resolved, if the caller sees the task's ledger; for its dossier. */
    @Transactional(readOnly = true)
    public List<LedgerEntry> ofTask(long taskId, DataScope scope) {
        return query(LEDGER_ENTRY.TASK_ID.eq(taskId), scope);
    }

    private List<LedgerEntry> query(Condition which, DataScope scope) {
        Condition where = TaskConditions.PUBLISHED.officeRowsFor(scope).and(which);
        var rows = db.select(LEDGER_ENTRY.asterisk(), PLANS_TASK.REF, PLANS_TASK.TITLE, PLANS_TASK.TEXT, PLANS_TASK.STATUS, TASK_WARNING.LEVEL)
                .from(LEDGER_ENTRY).join(PLANS_TASK).on(PLANS_TASK.ID.eq(LEDGER_ENTRY.TASK_ID))
                .leftJoin(TASK_WARNING).on(TASK_WARNING.TASK_ID.eq(PLANS_TASK.ID))
                .where(where)
                .orderBy(LEDGER_ENTRY.RESOLVED_AT.isNull().desc(), LEDGER_ENTRY.ADDED_AT.desc(), LEDGER_ENTRY.ID.desc())
                .fetch();
        Map<Long, List<String>> leads = tasks.leadUnitNames(rows.map(r -> r.get(LEDGER_ENTRY.TASK_ID)));
        return rows.map(r -> new LedgerEntry(r.get(LEDGER_ENTRY.ID), r.get(LEDGER_ENTRY.TASK_ID), r.get(PLANS_TASK.REF),
                TaskSummary.titleOrExcerpt(r.get(PLANS_TASK.TITLE), r.get(PLANS_TASK.TEXT)), TaskStatus.valueOf(r.get(PLANS_TASK.STATUS)),
                r.get(TASK_WARNING.LEVEL) == null ? WarningLevel.NONE : WarningLevel.valueOf(r.get(TASK_WARNING.LEVEL)),
                leads.getOrDefault(r.get(LEDGER_ENTRY.TASK_ID), List.of()), r.get(LEDGER_ENTRY.REASON),
                r.get(LEDGER_ENTRY.ADDED_BY), r.get(LEDGER_ENTRY.ADDED_AT), r.get(LEDGER_ENTRY.RESOLVED_AT),
                r.get(LEDGER_ENTRY.RESOLUTION)));
    }

    /** Red tasks in the scope that are not on the open ledger: the office should consider them; a page, with the total. */
    @Transactional(readOnly = true)
    public ListPage<TaskWarningRef> suggestions(DataScope scope, Paging paging) {
        return paging.fetch(suggestionCount(scope), p -> suggestions(scope, p.page(), p.size()));
    }

    /**
     * One page of the suggestions, in plan order ({@code page} 0 first): a province has thousands of red tasks, and a
     * page lists them a page at a time.
     */
    @Transactional(readOnly = true)
    public List<TaskWarningRef> suggestions(DataScope scope, int page, int size) {
        return db.select(PLANS_TASK.ID, PLANS_TASK.REF, PLANS_TASK.TITLE, PLANS_TASK.TEXT).from(TASK_WARNING).join(PLANS_TASK).on(PLANS_TASK.ID.eq(TASK_WARNING.TASK_ID))
                .where(suggested(scope))
                .orderBy(PLANS_TASK.PLAN_ID, PLANS_TASK.POSITION, PLANS_TASK.ID).offset((long) Math.max(0, page) * size).limit(size)
                .fetch(r -> new TaskWarningRef(r.get(PLANS_TASK.ID), r.get(PLANS_TASK.REF), TaskSummary.titleOrExcerpt(r.get(PLANS_TASK.TITLE), r.get(PLANS_TASK.TEXT))));
    }

    /**
     * How many red tasks in the scope are not on the open ledger (the total of the ledger page's suggestions and of the
     * to-do page's kind). An office's scope is its plans: counted on the warnings' own plan (V44), one index range, not
     * joined to the tasks. Planned without parallel workers: their start was most of the count (the province office's
     * 124,000 red tasks at 1,000,000: 45-84 ms with two workers, 14-15 ms without, session 37).
     */
    @Transactional(readOnly = true)
    public int suggestionCount(DataScope scope) {
        return counted(suggestedRows(scope));
    }

    /**
     * {@link #suggestionCount}, counted no further than {@code atMost}: the header of every page of an office shows
     * "999+" beyond, and reading the province's 124,000 red warnings for it took 14 ms of every page at 1,000,000 tasks.
     */
    @Transactional(readOnly = true)
    public int suggestionCount(DataScope scope, int atMost) {
        return counted(suggestedRows(scope).limit(atMost));
    }

    private int counted(Select<?> rows) {
        TransactionSetting.withoutParallelWorkers(db);
        return db.fetchCount(rows);
    }

    private SelectConditionStep<Record1<Integer>> suggestedRows(DataScope scope) {
        if (scope.ownPlans()) {
            return db.selectOne().from(TASK_WARNING).where(TASK_WARNING.LEVEL.eq(WarningLevel.RED.name())
                    .and(TaskConditions.governedPlan(scope, TASK_WARNING.PLAN_ID)).andNotExists(openEntry(TASK_WARNING.TASK_ID)));
        }
        return db.selectOne().from(TASK_WARNING).join(PLANS_TASK).on(PLANS_TASK.ID.eq(TASK_WARNING.TASK_ID))
                .where(suggested(scope));
    }

    private Condition suggested(DataScope scope) {
        return TASK_WARNING.LEVEL.eq(WarningLevel.RED.name()).and(TaskConditions.PUBLISHED.officeRowsFor(scope))
                .andNotExists(openEntry(PLANS_TASK.ID));
    }

    private Select<?> openEntry(Field<Long> taskId) {
        return db.selectOne().from(LEDGER_ENTRY).where(LEDGER_ENTRY.TASK_ID.eq(taskId).and(LEDGER_ENTRY.RESOLVED_AT.isNull()));
    }

    /** A task named for a suggestion. */
    public record TaskWarningRef(long taskId, String ref, String title) {
    }
}
