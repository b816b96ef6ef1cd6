package org.rectify.supervision;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.rectify.access.Caller;
import org.rectify.access.Role;
import org.rectify.plans.TaskConditions;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskSummary;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.ListPage;
import org.rectify.platform.Paging;
import org.rectify.units.UnitPaths;
import org.rectify.units.Units;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectOne;
import static org.rectify.supervision.internal.db.Tables.ACCOUNTABILITY_ACTION;
import static org.rectify.supervision.internal.db.Tables.ACCOUNTABILITY_TASK;
import static org.rectify.plans.api.Tables.PLANS_TASK;
import static org.rectify.units.api.Tables.UNITS_DIRECTORY;

/**
 * The record of summons and accountability actions (约谈 / 问责). Only the office, the supervision office
 * and leaders see it; the office and the supervision office write it.
 */
@Service
@Transactional
public class Accountability {

    private final DSLContext db;
    private final TaskLedger tasks;
    private final Units units;
    private final Warnings warnings;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    Accountability(DSLContext db, TaskLedger tasks, Units units, Warnings warnings, Clock clock,
                   org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.db = db;
        this.tasks = tasks;
        this.units = units;
        this.warnings = warnings;
        this.clock = clock;
    }

    public static boolean maySee(Caller caller) {
        return caller.hasRole(Role.ADMIN, Role.OFFICE, Role.SUPERVISOR, Role.LEADER);
    }

    public static boolean mayRecord(Caller caller) {
        return caller.hasRole(Role.ADMIN, Role.OFFICE, Role.SUPERVISOR);
    }

    public long record(NewAccountabilityAction action, Caller caller) {
        if (!mayRecord(caller)) {
            throw new ForbiddenException("supervision.accountability.forbidden");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (action.type() == null) {
            errors.put("type", "supervision.accountability.typeRequired");
        }
        if (action.unitId() == null && (action.personName() == null || action.personName().isBlank())) {
            errors.put("unitId", "supervision.accountability.whomRequired");
        }
        if (action.takenOn() == null || action.takenOn().isAfter(warnings.today())) {
            errors.put("takenOn", "supervision.accountability.dateRequired");
        }
        if (action.reason() == null || action.reason().isBlank()) {
            errors.put("reason", "supervision.accountability.reasonRequired");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, "error.invalid");
        }
        if (action.unitId() != null) { // against a unit in the caller's jurisdiction only
            org.rectify.access.Jurisdiction.require(caller, units.get(action.unitId()).path(),
                    () -> new org.rectify.units.UnitNotFound(action.unitId()));
        }
        action.taskIds().forEach(id -> tasks.governed(id, caller)); // a linked task must be one of a plan the caller runs
        long id = db.insertInto(ACCOUNTABILITY_ACTION).set(ACCOUNTABILITY_ACTION.TYPE, action.type().name())
                .set(ACCOUNTABILITY_ACTION.UNIT_ID, action.unitId()).set(ACCOUNTABILITY_ACTION.PERSON_NAME, blankToNull(action.personName()))
                .set(ACCOUNTABILITY_ACTION.PERSON_POST, blankToNull(action.personPost())).set(ACCOUNTABILITY_ACTION.TAKEN_ON, action.takenOn())
                .set(ACCOUNTABILITY_ACTION.REASON, action.reason().strip()).set(ACCOUNTABILITY_ACTION.DECISION_REF, blankToNull(action.decisionRef()))
                .set(ACCOUNTABILITY_ACTION.RECORDED_BY, caller.signature())
                .set(ACCOUNTABILITY_ACTION.RECORDED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .returning(ACCOUNTABILITY_ACTION.ID).fetchOne(ACCOUNTABILITY_ACTION.ID);
        for (Long taskId : action.taskIds().stream().distinct().toList()) {
            db.insertInto(ACCOUNTABILITY_TASK).set(ACCOUNTABILITY_TASK.ACTION_ID, id).set(ACCOUNTABILITY_TASK.TASK_ID, taskId).execute();
        }
        events.publishEvent(SupervisionChanged.of(caller.signature(), "accountability.recorded", "accountability:" + id,
                clock.instant(), "action", action));
        return id;
    }

    /** Actions against units in the caller's scope, or concerning tasks the caller sees; newest first. */
    @Transactional(readOnly = true)
    public List<AccountabilityAction> all(Caller caller) {
        return query(noCondition(), caller, null);
    }

    /** A page of {@link #all}, with the total. */
    @Transactional(readOnly = true)
    public ListPage<AccountabilityAction> page(Caller caller, Paging paging) {
        long total = db.fetchCount(db.selectOne().from(ACCOUNTABILITY_ACTION).where(visibleTo(caller)));
        return paging.fetch(total, p -> query(noCondition(), caller, p));
    }

    /** The actions concerning a task, for a caller who may see accountability (see {@link #maySee}); for its dossier. */
    @Transactional(readOnly = true)
    public List<AccountabilityAction> ofTask(long taskId, Caller caller) {
        return query(exists(selectOne().from(ACCOUNTABILITY_TASK).where(ACCOUNTABILITY_TASK.ACTION_ID.eq(ACCOUNTABILITY_ACTION.ID)
                .and(ACCOUNTABILITY_TASK.TASK_ID.eq(taskId)))), caller, null);
    }

    /** The actions against units in the caller's scope or concerning tasks it governs; 403 to a role that may not see them. */
    private static Condition visibleTo(Caller caller) {
        if (!maySee(caller)) {
            throw new ForbiddenException("supervision.accountability.forbidden");
        }
        return caller.scope().isAll() ? noCondition()
                : exists(selectOne().from(UNITS_DIRECTORY).where(UNITS_DIRECTORY.ID.eq(ACCOUNTABILITY_ACTION.UNIT_ID)
                        .and(UnitPaths.within(UNITS_DIRECTORY.PATH, caller.scope().unitPath()))))
                .or(exists(selectOne().from(ACCOUNTABILITY_TASK).join(PLANS_TASK).on(PLANS_TASK.ID.eq(ACCOUNTABILITY_TASK.TASK_ID))
                        .where(ACCOUNTABILITY_TASK.ACTION_ID.eq(ACCOUNTABILITY_ACTION.ID).and(TaskConditions.PUBLISHED.governedBy(caller)))));
    }

    /** The visible actions {@code which} selects, newest first; on {@code paging}'s page, or all when null. */
    private List<AccountabilityAction> query(Condition which, Caller caller, Paging paging) {
        Condition visible = visibleTo(caller);
        var actions = Paging.rows(db.select(ACCOUNTABILITY_ACTION.asterisk(), UNITS_DIRECTORY.NAME).from(ACCOUNTABILITY_ACTION)
                .leftJoin(UNITS_DIRECTORY).on(UNITS_DIRECTORY.ID.eq(ACCOUNTABILITY_ACTION.UNIT_ID))
                .where(visible.and(which)).orderBy(ACCOUNTABILITY_ACTION.TAKEN_ON.desc(), ACCOUNTABILITY_ACTION.ID.desc()), paging);
        Map<Long, List<TaskRef>> linked = db.select(ACCOUNTABILITY_TASK.ACTION_ID, PLANS_TASK.ID, PLANS_TASK.REF, PLANS_TASK.TITLE, PLANS_TASK.TEXT)
                .from(ACCOUNTABILITY_TASK).join(PLANS_TASK).on(PLANS_TASK.ID.eq(ACCOUNTABILITY_TASK.TASK_ID))
                .where(ACCOUNTABILITY_TASK.ACTION_ID.in(actions.map(a -> a.get(ACCOUNTABILITY_ACTION.ID))))
                .orderBy(PLANS_TASK.PLAN_ID, PLANS_TASK.POSITION).fetch().stream()
                .collect(Collectors.groupingBy(r -> r.value1(), Collectors.mapping(
                        r -> new TaskRef(r.value2(), r.value3(), TaskSummary.titleOrExcerpt(r.value4(), r.value5())), Collectors.toList())));
        return actions.map(a -> new AccountabilityAction(a.get(ACCOUNTABILITY_ACTION.ID),
                AccountabilityType.valueOf(a.get(ACCOUNTABILITY_ACTION.TYPE)), a.get(ACCOUNTABILITY_ACTION.UNIT_ID), a.get(UNITS_DIRECTORY.NAME),
                a.get(ACCOUNTABILITY_ACTION.PERSON_NAME), a.get(ACCOUNTABILITY_ACTION.PERSON_POST), a.get(ACCOUNTABILITY_ACTION.TAKEN_ON),
                a.get(ACCOUNTABILITY_ACTION.REASON), a.get(ACCOUNTABILITY_ACTION.DECISION_REF), a.get(ACCOUNTABILITY_ACTION.RECORDED_BY),
                a.get(ACCOUNTABILITY_ACTION.RECORDED_AT), linked.getOrDefault(a.get(ACCOUNTABILITY_ACTION.ID), List.of())));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
