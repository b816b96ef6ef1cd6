package org.rectify.notify.internal;

import org.rectify.access.Accounts;
import org.rectify.access.DataScope;
import org.rectify.access.Role;
import org.rectify.notify.Inbox;
import org.rectify.plans.AssignedUnit;
import org.rectify.plans.TaskCommand;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskTransitioned;
import org.rectify.supervision.InstructionAnswered;
import org.rectify.supervision.InstructionGiven;
import org.rectify.supervision.NoticeAnswered;
import org.rectify.supervision.NoticeIssued;
import org.rectify.supervision.WarningLevel;
import org.rectify.supervision.WarningLevelChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.List;

/**
 * Who hears of what, in the inbox: a lead unit's staff and head of a task given to them, of a red warning,
 * of a supervision notice and a leader's instruction; the issuer of a late answer; the leader of an answer.
 * Each delivery has a key, so handling an event twice (a retry, a restart, two nodes) delivers once.
 */
@Component
class InboxNotifications {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Inbox inbox;
    private final TaskLedger tasks;
    private final Accounts accounts;

    InboxNotifications(Inbox inbox, TaskLedger tasks, Accounts accounts) {
        this.inbox = inbox;
        this.tasks = tasks;
        this.accounts = accounts;
    }

    @ApplicationModuleListener
    void on(TaskTransitioned event) {
        if (event.command() == TaskCommand.ASSIGN) {
            TaskDetail task = tasks.get(event.taskId(), DataScope.ALL);
            inbox.deliver(leadUnitAccounts(task), "TASK_ASSIGNED", "assigned:" + task.id(), link(task.id()),
                    "notify.taskAssigned", task.ref(), task.displayTitle());
        }
    }

    @ApplicationModuleListener
    void on(WarningLevelChanged event) {
        if (event.to() == WarningLevel.RED) {
            TaskDetail task = tasks.get(event.taskId(), DataScope.ALL);
            String day = event.occurredAt().atZone(CHINA).toLocalDate().toString();
            inbox.deliver(leadUnitAccounts(task), "WARNING_RED", "red:" + task.id() + ":" + day, link(task.id()),
                    "notify.warningRed", task.ref(), task.displayTitle());
        }
    }

    @ApplicationModuleListener
    void on(NoticeIssued event) {
        TaskDetail task = tasks.get(event.taskId(), DataScope.ALL);
        inbox.deliver(leadUnitAccounts(task), "NOTICE_ISSUED", "notice:" + event.noticeId(),
                "/supervision/notices/" + event.noticeId(), "notify.noticeIssued", event.number(), task.ref(),
                event.replyBy().toString());
    }

    @ApplicationModuleListener
    void on(NoticeAnswered event) {
        if (event.issuerAccountId() != null) {
            inbox.deliver(List.of(event.issuerAccountId()), "NOTICE_ANSWERED", "answered:" + event.noticeId(),
                    "/supervision/notices/" + event.noticeId(),
                    event.late() ? "notify.noticeAnsweredLate" : "notify.noticeAnswered", event.number());
        }
    }

    @ApplicationModuleListener
    void on(InstructionGiven event) {
        TaskDetail task = tasks.get(event.taskId(), DataScope.ALL);
        inbox.deliver(leadUnitAccounts(task), "INSTRUCTION_GIVEN", "instruction:" + event.instructionId(),
                "/supervision/instructions", "notify.instructionGiven", event.leader(), task.ref(), event.answerBy().toString());
    }

    @ApplicationModuleListener
    void on(InstructionAnswered event) {
        TaskDetail task = tasks.get(event.taskId(), DataScope.ALL);
        inbox.deliver(List.of(event.leaderAccountId()), "INSTRUCTION_ANSWERED", "instruction-answered:" + event.instructionId(),
                "/supervision/instructions", "notify.instructionAnswered", task.ref());
    }

    private List<Long> leadUnitAccounts(TaskDetail task) {
        return accounts.ofUnits(task.leadUnits().stream().map(AssignedUnit::unitId).toList(), Role.UNIT_STAFF, Role.UNIT_HEAD);
    }

    private static String link(long taskId) {
        return "/tasks/" + taskId;
    }
}
