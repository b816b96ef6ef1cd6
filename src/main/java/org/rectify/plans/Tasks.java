package org.rectify.plans;

import org.jooq.DSLContext;
import org.rectify.access.Caller;
import org.rectify.access.DataScope;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.units.People;
import org.rectify.units.UnitGroup;
import org.rectify.units.UnitNotFound;
import org.rectify.units.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static org.rectify.plans.internal.db.Tables.INDICATOR;
import static org.rectify.plans.internal.db.Tables.MILESTONE;
import static org.rectify.plans.internal.db.Tables.OBLIGATION;
import static org.rectify.plans.internal.db.Tables.TASK;
import static org.rectify.plans.internal.db.Tables.TASK_HISTORY;
import static org.rectify.plans.internal.db.Tables.TASK_UNIT;

/**
 * The commands on tasks: create, update, and the lifecycle transitions. Each is checked against the
 * caller's scope and role, recorded in the task's history, and published as an event.
 */
@Service
@Transactional
public class Tasks {

    private final DSLContext db;
    private final TaskLedger ledger;
    private final Plans plans;
    private final Units units;
    private final People people;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TaskRows taskRows;

    Tasks(DSLContext db, TaskLedger ledger, Plans plans, Units units, People people,
          ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.taskRows = new TaskRows(db);
        this.ledger = ledger;
        this.plans = plans;
        this.units = units;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    public long create(TaskContent content, Caller caller) {
        return createAll(content.planId(), List.of(content), false, caller).get(0);
    }

    /**
     * Creates these tasks in the plan, in this order, as {@link #create} would one after the other, each then given
     * ASSIGN as {@link #transition} would when {@code assign}: the same rows, history, audit and events, in the same
     * order; refused, with nothing written, at the first task either would refuse. Written a statement per table for
     * the whole batch ({@link TaskRows}), not a few per task: what a plan's publication costs (issue 14); what follows
     * after the commit is done once for the batch ({@link TasksCreated}). The ids in the order given.
     */
    public List<Long> createAll(long planId, List<TaskContent> contents, boolean assign, Caller caller) {
        requireManager(caller);
        if (contents.isEmpty()) {
            return List.of();
        }
        Map<Long, UnitGroup> groups = new HashMap<>(); // each group read once for the whole batch
        Map<Long, String> paths = null; // the units named that exist, with their paths: one statement for the whole batch
        Set<String> taken = new HashSet<>();
        List<String> refs = new ArrayList<>();
        List<Map<Long, Long>> leads = new ArrayList<>();
        List<Map<Long, Long>> supporting = new ArrayList<>();
        for (TaskContent content : contents) {
            TaskContentRules.check(content);
            if (content.planId() != planId) {
                throw new IllegalArgumentException("task of plan " + content.planId() + " given for plan " + planId);
            }
            if (paths == null) {
                plans.governed(planId, caller);
                taken.addAll(refsAmong(planId, contents));
                paths = new HashMap<>(units.paths(contents.stream().flatMap(c -> Stream.concat(
                        c.leadUnits().unitIds().stream(), c.supportingUnits().unitIds().stream())).distinct().toList()));
            }
            String ref = content.ref().strip();
            if (!taken.add(ref)) {
                throw new InvalidInputException(Map.of("ref", "task.refTaken"), "task.refTaken", ref);
            }
            refs.add(ref);
            Map<Long, Long> lead = expand(content.leadUnits(), paths.keySet(), groups);
            supporting.add(expand(content.supportingUnits(), paths.keySet(), groups));
            if (assign && lead.isEmpty()) {
                throw new InvalidInputException(Map.of("leadUnits", "task.assignNeedsLeadUnit"), "task.assignNeedsLeadUnit");
            }
            leads.add(lead);
        }
        // the paths of group members not named themselves, read once: the tasks are written with their reach
        Set<Long> named = paths.keySet();
        paths.putAll(units.paths(Stream.concat(leads.stream(), supporting.stream()).flatMap(m -> m.keySet().stream())
                .distinct().filter(id -> !named.contains(id)).toList()));
        List<TaskRows.NewTask> rows = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            rows.add(new TaskRows.NewTask(contents.get(i), refs.get(i), deadline(contents.get(i)),
                    NewTaskReach.of(leads.get(i), supporting.get(i), paths)));
        }
        Integer last = db.select(org.jooq.impl.DSL.max(TASK.POSITION)).from(TASK).where(TASK.PLAN_ID.eq(planId))
                .fetchOne(0, Integer.class);
        Instant now = clock.instant();
        TaskStatus status = assign ? TaskCommand.ASSIGN.target() : TaskStatus.DRAFT;
        // assigned as it is written: the task's triggers fire for its final state only, which is what they keep
        List<Long> ids = taskRows.insertTasks(planId, rows, last == null ? 0 : last + 1, status, assign ? 1 : 0, now);
        List<TaskRows.Units> units = new ArrayList<>();
        List<TaskRows.History> history = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            units.add(new TaskRows.Units(ids.get(i), leads.get(i), supporting.get(i)));
            history.add(new TaskRows.History(ids.get(i), "CREATED", null, TaskStatus.DRAFT, 0));
            if (assign) {
                history.add(new TaskRows.History(ids.get(i), TaskCommand.ASSIGN.name(), TaskStatus.DRAFT, status, 1));
            }
        }
        taskRows.insertUnits(units);
        taskRows.insertParts(ids, contents);
        taskRows.insertHistory(history, now, caller.signature());
        // the events in the order single commands publish them: a task's responsible person recorded (its own audit
        // entry), created, assigned; the person set on the rows after, in one statement
        Map<Long, Long> responsible = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            Long person = responsiblePersonId(contents.get(i));
            if (person != null) {
                responsible.put(id, person);
            }
            events.publishEvent(new TaskCreated(id, planId, rows.get(i).ref(), caller.signature(), now));
            if (assign) {
                events.publishEvent(new TaskTransitioned(id, rows.get(i).ref(), TaskCommand.ASSIGN, TaskStatus.DRAFT,
                        status, caller.signature(), null, now, false, false, true));
            }
        }
        if (!responsible.isEmpty()) {
            taskRows.setResponsible(responsible);
        }
        // what listeners do after the commit about these creations (and assignments), once for the batch
        events.publishEvent(new TasksCreated(planId, ids, assign, caller.signature(), now));
        return ids;
    }

    /** Which of the contents' refs the plan has already. */
    private List<String> refsAmong(long planId, List<TaskContent> contents) {
        return db.select(TASK.REF).from(TASK).where(TASK.PLAN_ID.eq(planId).and(TASK.REF.in(contents.stream()
                .map(TaskContent::ref).filter(Objects::nonNull).map(String::strip).distinct().toList()))).fetch(TASK.REF);
    }

    /**
     * Saves the content if nobody saved the task since {@code expectedVersion}; otherwise refuses with
     * what the others changed, and changes nothing.
     */
    public TaskDetail update(long taskId, int expectedVersion, TaskContent content, Caller caller) {
        TaskDetail before = ledger.toActOn(taskId, caller);
        requireManager(caller);
        if (before.version() != expectedVersion) {
            throw staleEdit(taskId, expectedVersion);
        }
        TaskContentRules.check(content);
        if (content.planId() != before.planId()) {
            throw new InvalidInputException(Map.of("planId", "task.planFixed"), "task.planFixed");
        }
        String ref = content.ref().strip();
        if (!ref.equals(before.ref()) && db.fetchExists(TASK, TASK.PLAN_ID.eq(before.planId()).and(TASK.REF.eq(ref)))) {
            throw new InvalidInputException(Map.of("ref", "task.refTaken"), "task.refTaken", ref);
        }
        List<String> changed = TaskChanges.between(before, content,
                expand(content.leadUnits()).keySet().stream().toList(),
                expand(content.supportingUnits()).keySet().stream().toList());
        if (changed.isEmpty()) {
            return before;
        }
        Instant now = clock.instant();
        int updated = db.update(TASK)
                .set(TASK.REF, ref).set(TASK.TITLE, blankToNull(content.title())).set(TASK.TEXT, content.text().strip())
                .set(TASK.MEASURES, blankToNull(content.measures()))
                .set(TASK.RESPONSIBLE_PERSON_ID, responsiblePersonId(content))
                .set(TASK.ONGOING, content.ongoing()).set(TASK.DEADLINE, deadline(content))
                .set(TASK.VERSION, TASK.VERSION.plus(1)).set(TASK.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .where(TASK.ID.eq(taskId).and(TASK.VERSION.eq(expectedVersion)))
                .execute();
        if (updated == 0) { // another save won the race between our read and our write
            throw staleEdit(taskId, expectedVersion);
        }
        // the units are rewritten only when they changed: rewritten in the form's order, an edit of a date alone moved a
        // task's units named through groups (市直有关部门 before the 市环境保护局 the plan named first), and with them who
        // is its first lead unit (the one that measures its indicators)
        boolean unitsChanged = changed.contains("leadUnits") || changed.contains("supportingUnits");
        deleteParts(taskId, unitsChanged);
        writeParts(taskId, content, unitsChanged);
        record(taskId, now, caller.signature(), "EDITED", null, null, null, String.join(",", changed), expectedVersion + 1);
        events.publishEvent(new TaskEdited(taskId, changed, caller.signature(), now));
        return ledger.get(taskId, caller.scope());
    }

    /** Gives a lifecycle command; refused (and nothing changed) when the state, role or reason does not allow it. */
    public TaskDetail transition(long taskId, TaskCommand command, String reason, Caller caller) {
        return transition(taskId, command, reason, false, caller);
    }

    /**
     * The same, {@code relapse} marking a REOPEN as a relapse (反弹): the closed problem came back. Refused for
     * any other command.
     */
    public TaskDetail transition(long taskId, TaskCommand command, String reason, boolean relapse, Caller caller) {
        if (relapse && command != TaskCommand.REOPEN) {
            throw new InvalidInputException(Map.of("relapse", "task.relapseOnlyReopen"), "task.relapseOnlyReopen");
        }
        // unit staff act on the tasks their unit leads; everyone else only on tasks of plans they govern
        TaskDetail task = ledger.toActOn(taskId, caller);
        boolean leads = caller.scope().isAll() ? caller.role().managesTasks()
                : ledger.isLedFrom(taskId, caller.scope().unitPath());
        if (command.byClosureOnly()) {
            throw new TransitionNotAllowed("task.closureProcedureOnly", label("task.command." + command));
        }
        if (!TaskCommandPolicy.permits(caller, command, leads)) {
            throw new ForbiddenException("task.commandForbidden", label("task.command." + command));
        }
        move(task, command, reason, relapse, command.name(), caller.signature());
        return ledger.get(taskId, caller.scope());
    }

    /**
     * A step of the closure procedure (销号), given by the closure module, which has checked who may take it: the
     * application (REQUEST_CLOSURE), its return (RETURN_CLOSURE) and the closing (CLOSE). Published as any
     * transition, so listeners of {@link TaskTransitioned} hear of a closing as before.
     */
    public TaskDetail closureStep(long taskId, TaskCommand command, String reason, String actor) {
        if (!command.byClosureOnly()) {
            throw new IllegalArgumentException(command + " is not a closure step");
        }
        move(ledger.get(taskId, DataScope.ALL), command, reason, false, command.name(), actor);
        return ledger.get(taskId, DataScope.ALL);
    }

    /**
     * Reopens a closed task because a look-back found the problem back (反弹), as a relapse. The checking unit that
     * found it need not be the office nor see the task: the closure module has checked it is the look-back's
     * checking unit. Refused (and nothing changed) when the task is not closed.
     */
    public void reopenAsRelapse(long taskId, String reason, String actor) {
        TaskDetail task = ledger.get(taskId, DataScope.ALL);
        if (task.status() != TaskStatus.CLOSED) {
            throw new TransitionNotAllowed("task.transitionNotAllowed",
                    label("task.command." + TaskCommand.REOPEN), label("task.status." + task.status()));
        }
        move(task, TaskCommand.REOPEN, reason, true, TaskCommand.REOPEN.name(), actor);
    }

    /** The history action of a start by a first report (its label: task.action.STARTED_BY_REPORT). */
    public static final String STARTED_BY_REPORT = "STARTED_BY_REPORT";

    /**
     * The first progress report on an assigned task starts it (the unit is evidently at work): recorded in the
     * task's history as started by the report, with the reporter as actor. Nothing happens in any other state.
     */
    public void startByReport(long taskId, Caller reporter) {
        startByReport(ledger.get(taskId, DataScope.ALL), reporter);
    }

    /**
     * {@link #startByReport(long, Caller)} with the task as the reporting command read it in its transaction (not
     * read again). Two first reports at once on an assigned task both see it assigned: the one that starts it second
     * finds it started, which is what it wanted, and its report stands.
     */
    public void startByReport(TaskDetail task, Caller reporter) {
        if (task.status() != TaskStatus.ASSIGNED) {
            return;
        }
        try {
            move(task, TaskCommand.START, null, false, STARTED_BY_REPORT, reporter.signature());
        } catch (TransitionNotAllowed raced) {
            // another report (or command) moved it first; only the update was tried, nothing else was written
        }
    }

    /**
     * Checks the step against the task's state and records it under {@code historyAction}; refused (nothing changed)
     * when another moved it first.
     */
    private void move(TaskDetail task, TaskCommand command, String reason, boolean relapse, String historyAction,
                      String actor) {
        if (!command.allowedFrom(task.status())) {
            throw new TransitionNotAllowed("task.transitionNotAllowed",
                    label("task.command." + command), label("task.status." + task.status()));
        }
        if (command.needsReason() && (reason == null || reason.isBlank())) {
            throw new InvalidInputException(Map.of("reason", "task.reasonRequired"), "task.reasonRequired");
        }
        if (command == TaskCommand.ASSIGN && task.leadUnits().isEmpty()) {
            throw new InvalidInputException(Map.of("leadUnits", "task.assignNeedsLeadUnit"), "task.assignNeedsLeadUnit");
        }
        Instant now = clock.instant();
        int updated = db.update(TASK).set(TASK.STATUS, command.target().name())
                .set(TASK.VERSION, TASK.VERSION.plus(1)).set(TASK.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .where(TASK.ID.eq(task.id()).and(TASK.STATUS.eq(task.status().name())))
                .execute();
        if (updated == 0) { // someone moved it first: their transition stands, ours is refused
            throw new TransitionNotAllowed("task.transitionRaced", label("task.command." + command));
        }
        String why = blankToNull(reason);
        record(task.id(), now, actor, historyAction, task.status(), command.target(), why, null, task.version() + 1, relapse);
        events.publishEvent(new TaskTransitioned(task.id(), task.ref(), command, task.status(), command.target(),
                actor, why, now, relapse, historyAction.equals(STARTED_BY_REPORT)));
    }

    /** The references of a plan's tasks, to publish a plan again without duplicating them. */
    @Transactional(readOnly = true)
    public Set<String> refsOf(long planId) {
        return new HashSet<>(db.select(TASK.REF).from(TASK).where(TASK.PLAN_ID.eq(planId)).fetch(TASK.REF));
    }

    private TaskEditedConcurrently staleEdit(long taskId, int expectedVersion) {
        List<String> fields = new ArrayList<>();
        List<String> who = new ArrayList<>();
        db.select(TASK_HISTORY.CHANGES, TASK_HISTORY.ACTOR, TASK_HISTORY.ACTION).from(TASK_HISTORY)
                .where(TASK_HISTORY.TASK_ID.eq(taskId).and(TASK_HISTORY.TASK_VERSION.gt(expectedVersion)))
                .orderBy(TASK_HISTORY.ID)
                .forEach(h -> {
                    if (h.value1() != null) {
                        for (String f : h.value1().split(",")) {
                            if (!fields.contains(f)) {
                                fields.add(f);
                            }
                        }
                    } else if (!fields.contains("status")) {
                        fields.add("status");
                    }
                    if (!who.contains(h.value2())) {
                        who.add(h.value2());
                    }
                });
        return new TaskEditedConcurrently(who, fields);
    }

    private void requireManager(Caller caller) {
        if (!caller.role().managesTasks()) {
            throw new ForbiddenException("task.editForbidden");
        }
    }

    private Long responsiblePersonId(TaskContent content) {
        ResponsiblePerson r = content.responsible();
        if (r == null || r.name() == null || r.name().isBlank()) {
            return null;
        }
        return people.record(r.name(), r.post(), r.unitId(), r.phone()).id();
    }

    private static LocalDate deadline(TaskContent content) {
        return content.milestones().stream().map(Milestone::dueOn).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    private void writeParts(long taskId, TaskContent c, boolean withUnits) {
        if (withUnits) {
            taskRows.insertUnits(List.of(new TaskRows.Units(taskId, expand(c.leadUnits()), expand(c.supportingUnits()))));
        }
        taskRows.insertParts(List.of(taskId), List.of(c));
    }

    /** Unit id → the group it came through (null when named itself), in the order written. */
    private Map<Long, Long> expand(UnitAssignment assignment) {
        return expand(assignment, units.paths(assignment.unitIds()).keySet(), new HashMap<>());
    }

    /**
     * {@link #expand(UnitAssignment)}, the units named refused unless among those that exist ({@code known}, read once
     * for many), each group read once ({@code groups}).
     */
    private Map<Long, Long> expand(UnitAssignment assignment, Set<Long> known, Map<Long, UnitGroup> groups) {
        Map<Long, Long> result = new LinkedHashMap<>();
        for (Long unitId : assignment.unitIds()) {
            if (!known.contains(unitId)) {
                throw new UnitNotFound(unitId);
            }
            result.put(unitId, null);
        }
        for (Long groupId : assignment.groupIds()) {
            UnitGroup group = groups.computeIfAbsent(groupId, units::group);
            group.memberIds().forEach(member -> result.putIfAbsent(member, groupId));
        }
        return result;
    }

    private void deleteParts(long taskId, boolean withUnits) {
        if (withUnits) {
            db.deleteFrom(TASK_UNIT).where(TASK_UNIT.TASK_ID.eq(taskId)).execute();
        }
        db.deleteFrom(MILESTONE).where(MILESTONE.TASK_ID.eq(taskId)).execute();
        db.deleteFrom(INDICATOR).where(INDICATOR.TASK_ID.eq(taskId)).execute();
        db.deleteFrom(OBLIGATION).where(OBLIGATION.TASK_ID.eq(taskId)).execute();
    }

    private void record(long taskId, Instant at, String actor, String action, TaskStatus from, TaskStatus to,
                        String reason, String changes, int version) {
        record(taskId, at, actor, action, from, to, reason, changes, version, false);
    }

    private void record(long taskId, Instant at, String actor, String action, TaskStatus from, TaskStatus to,
                        String reason, String changes, int version, boolean relapse) {
        db.insertInto(TASK_HISTORY).set(TASK_HISTORY.RELAPSE, relapse).set(TASK_HISTORY.TASK_ID, taskId).set(TASK_HISTORY.OCCURRED_AT, at.atOffset(ZoneOffset.UTC))
                .set(TASK_HISTORY.ACTOR, actor).set(TASK_HISTORY.ACTION, action)
                .set(TASK_HISTORY.FROM_STATUS, from == null ? null : from.name())
                .set(TASK_HISTORY.TO_STATUS, to == null ? null : to.name())
                .set(TASK_HISTORY.REASON, reason).set(TASK_HISTORY.CHANGES, changes)
                .set(TASK_HISTORY.TASK_VERSION, version).execute();
    }

    private static DefaultMessageSourceResolvable label(String key) {
        return new DefaultMessageSourceResolvable(new String[]{key}, key);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
