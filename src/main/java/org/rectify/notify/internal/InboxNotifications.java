package org.rectify.notify.internal;

import org.rectify.access.Accounts;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.PlanShortNames;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskTransitioned;
import org.rectify.plans.TasksCreated;
import org.rectify.supervision.CircularPublished;
import org.rectify.supervision.InstructionAnswered;
import org.rectify.supervision.InstructionGiven;
import org.rectify.supervision.NoticeAnswered;
import org.rectify.supervision.NoticeIssued;
import org.rectify.supervision.NoticeReplyReviewed;
import org.rectify.supervision.WarningLevelChanged;
import org.rectify.units.Unit;
import org.rectify.units.Units;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Who hears of what: a lead unit's staff and head (and the task's responsible person, by email) of a task
 * given to them, of a red warning, of a supervision notice and a leader's instruction; the issuer of a late
 * answer; the leader of an answer. Every notification goes through the {@link Dispatcher} to the inbox,
 * email and the webhooks covering the task's lead units. Each has a key, so handling an event twice (a
 * retry, a restart, two nodes) delivers once.
 */
@Component
class InboxNotifications {


    private final Dispatcher dispatcher;
    private final PlanShortNames shortNames;
    private final TaskLedger tasks;
    private final Accounts accounts;
    private final Units units;
    private final Clock clock;

    InboxNotifications(Dispatcher dispatcher, TaskLedger tasks, Accounts accounts, Units units, PlanShortNames shortNames,
                       Clock clock) {
        this.clock = clock;
        this.dispatcher = dispatcher;
        this.tasks = tasks;
        this.accounts = accounts;
        this.units = units;
        this.shortNames = shortNames;
    }

    /**
     * A task assigned by a command of its own. (The condition, not a test inside: an event no listener's condition
     * takes keeps no publication, and most transitions are not assignments.)
     */
    @ApplicationModuleListener(condition = "#event.command().name() == 'ASSIGN' and !#event.atCreation()")
    void on(TaskTransitioned event) {
        assigned(event.taskId());
    }

    /**
     * Tasks created assigned together (a plan published): each heard of as if assigned by a command of its own, the
     * tasks, their labels and their lead units' accounts read for the batch, not for each task.
     */
    @ApplicationModuleListener(condition = "#event.assigned()")
    void on(TasksCreated event) {
        List<TaskDetail> created = tasks.details(event.taskIds(), DataScope.ALL);
        PlanShortNames.TaskLabels labels = shortNames.labels(event.taskIds());
        Map<Long, List<Long>> accountsOf = accounts.ofEachUnit(
                created.stream().flatMap(t -> t.leadUnitIds().stream()).distinct().toList(), Role.UNIT_STAFF, Role.UNIT_HEAD);
        dispatcher.dispatchAll(created.stream().map(task -> new Dispatcher.Delivery(
                leadUnits(task, task.leadUnitIds().stream().flatMap(u -> accountsOf.getOrDefault(u, List.of()).stream())
                        .distinct().sorted().toList()),
                assignedMessage(task, labels.of(task.id(), task.ref())))).toList());
    }

    private void assigned(long taskId) {
        TaskDetail task = tasks.get(taskId, DataScope.ALL);
        dispatcher.dispatch(leadUnits(task), assignedMessage(task, shortNames.label(task.id(), task.ref())));
    }

    private static Outgoing assignedMessage(TaskDetail task, String label) {
        return Outgoing.about(task.id(), "TASK_ASSIGNED", "assigned:" + task.id(), link(task.id()), "notify.taskAssigned",
                label, task.displayTitle());
    }

    @ApplicationModuleListener(condition = "#event.to().name() == 'RED'")
    void on(WarningLevelChanged event) {
        TaskDetail task = tasks.get(event.taskId(), DataScope.ALL);
        String day = event.occurredAt().atZone(clock.getZone()).toLocalDate().toString();
        dispatcher.dispatch(leadUnits(task), Outgoing.about(task.id(), "WARNING_RED", "red:" + task.id() + ":" + day,
                link(task.id()), "notify.warningRed", shortNames.label(task.id(), task.ref()), task.displayTitle()));
    }

    @ApplicationModuleListener
    void on(NoticeIssued event) {
        TaskDetail task = tasks.get(event.taskId(), DataScope.ALL);
        dispatcher.dispatch(leadUnits(task), Outgoing.about(task.id(), "NOTICE_ISSUED", "notice:" + event.noticeId(),
                "/supervision/notices/" + event.noticeId(), "notify.noticeIssued", event.number(), shortNames.label(task.id(), task.ref()),
                event.replyBy().toString()));
    }

    @ApplicationModuleListener
    void on(NoticeAnswered event) {
        if (event.issuerAccountId() != null) {
            dispatcher.dispatch(Audience.accounts(List.of(event.issuerAccountId())),
                    Outgoing.of("NOTICE_ANSWERED", "answered:" + event.noticeId() + ":" + event.occurredAt().toEpochMilli(), "/supervision/notices/" + event.noticeId(),
                            event.late() ? "notify.noticeAnsweredLate" : "notify.noticeAnswered", event.number(),
                            event.unitName() == null ? "" : event.unitName()));
        }
    }

    /** A unit's answer sent back: that unit is to answer again (the office's own answer: the lead units hear of it). */
    @ApplicationModuleListener
    void on(NoticeReplyReviewed event) {
        if (!event.accepted()) {
            TaskDetail task = tasks.get(event.taskId(), DataScope.ALL);
            Audience who = event.unitId() == null ? leadUnits(task)
                    : Audience.accounts(accounts.ofUnits(List.of(event.unitId()), Role.UNIT_STAFF, Role.UNIT_HEAD))
                            .concerning(List.of(event.unitId()));
            dispatcher.dispatch(who, Outgoing.about(task.id(), "NOTICE_REPLY_SENT_BACK",
                    "notice-sent-back:" + event.noticeId() + ":" + event.occurredAt().toEpochMilli(),
                    "/supervision/notices/" + event.noticeId(), "notify.noticeReplySentBack", event.number(), event.comment()));
        }
    }

    @ApplicationModuleListener
    void on(InstructionGiven event) {
        TaskDetail task = tasks.get(event.taskId(), DataScope.ALL);
        dispatcher.dispatch(leadUnits(task), Outgoing.about(task.id(), "INSTRUCTION_GIVEN",
                "instruction:" + event.instructionId(), instructionLink(event.instructionId()), "notify.instructionGiven",
                event.leader(), shortNames.label(task.id(), task.ref()), event.answerBy().toString()));
    }

    @ApplicationModuleListener
    void on(InstructionAnswered event) {
        TaskDetail task = tasks.get(event.taskId(), DataScope.ALL);
        dispatcher.dispatch(Audience.accounts(List.of(event.leaderAccountId())),
                Outgoing.of("INSTRUCTION_ANSWERED", "instruction-answered:" + event.instructionId(),
                        instructionLink(event.instructionId()), "notify.instructionAnswered", shortNames.label(task.id(), task.ref())));
    }

    /** A published circular is circulated (印发) to every account under the publishing office's unit. */
    @ApplicationModuleListener
    void on(CircularPublished event) {
        List<Long> units = this.units.subtree(event.issuerUnitId()).stream().map(Unit::id).toList();
        dispatcher.dispatch(Audience.accounts(accounts.ofUnits(units, Role.values())).concerning(units),
                Outgoing.of("CIRCULAR_PUBLISHED", "circular:" + event.circularId(), "/supervision/circulars/" + event.circularId(),
                        "notify.circularPublished", event.number(), event.title()));
    }

    /** The lead units' staff and heads, the task's responsible person, and the lead units for the webhooks. */
    private Audience leadUnits(TaskDetail task) {
        return leadUnits(task, accounts.ofUnits(task.leadUnitIds(), Role.UNIT_STAFF, Role.UNIT_HEAD));
    }

    /** The same, the lead units' staff and heads given ({@code accounts}). */
    private static Audience leadUnits(TaskDetail task, List<Long> accounts) {
        return Audience.accounts(accounts).andPerson(task.responsiblePersonId()).concerning(task.leadUnitIds());
    }

    /** The instructions page opened at this one. */
    private static String instructionLink(long instructionId) {
        return "/supervision/instructions#instruction-" + instructionId;
    }

    private static String link(long taskId) {
        return "/tasks/" + taskId;
    }
}
