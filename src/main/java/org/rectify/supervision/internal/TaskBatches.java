package org.rectify.supervision.internal;

import org.rectify.access.Caller;
import org.rectify.platform.Batch;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.rectify.plans.PlanShortNames;
import org.rectify.plans.TaskCommand;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.TaskSummary;
import org.rectify.plans.Tasks;
import org.rectify.supervision.SupervisionLedger;
import org.rectify.supervision.SupervisionNotices;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The office's batch actions on tasks (the ledger's checkboxes): assign, start, put on the supervision ledger, issue a
 * notice to each. Each task goes through the single action's command; not transactional itself, so each item commits
 * or fails alone.
 */
@Component
class TaskBatches {

    /** What a batch does to each task. */
    enum Action { ASSIGN, START, LEDGER, NOTICE }

    /** The batch as the form and the API send it; {@code reason} for LEDGER, {@code demands} and {@code replyBy} for NOTICE. */
    record Request(Action action, List<Long> taskIds, String reason, String demands, LocalDate replyBy) {
    }

    private final Tasks tasks;
    private final TaskLedger ledger;
    private final PlanShortNames shortNames;
    private final SupervisionLedger supervisionLedger;
    private final SupervisionNotices notices;
    private final Messages messages;

    TaskBatches(Tasks tasks, TaskLedger ledger, PlanShortNames shortNames, SupervisionLedger supervisionLedger,
                SupervisionNotices notices, Messages messages) {
        this.tasks = tasks;
        this.ledger = ledger;
        this.shortNames = shortNames;
        this.supervisionLedger = supervisionLedger;
        this.notices = notices;
        this.messages = messages;
    }

    Batch.Result run(Request request, Caller caller) {
        if (request.action() == null) {
            throw new InvalidInputException(Map.of("action", "batch.actionRequired"), "batch.actionRequired");
        }
        // the same text for every item: refused once here rather than once per item
        if (request.action() == Action.LEDGER && blank(request.reason())) {
            throw new InvalidInputException(Map.of("reason", "supervision.ledger.reasonRequired"), "supervision.ledger.reasonRequired");
        }
        if (request.action() == Action.NOTICE && blank(request.demands())) {
            throw new InvalidInputException(Map.of("demands", "supervision.notice.demandsRequired"), "supervision.notice.demandsRequired");
        }
        return Batch.run("batch.action." + request.action(), request.taskIds(), id -> label(id, caller), id -> {
            switch (request.action()) {
                case ASSIGN -> tasks.transition(id, TaskCommand.ASSIGN, null, caller);
                case START -> tasks.transition(id, TaskCommand.START, null, caller);
                case LEDGER -> supervisionLedger.add(id, request.reason(), caller);
                case NOTICE -> notices.issue(id, request.demands(), request.replyBy(), caller);
            }
        }, messages);
    }

    /** The task as named outside its plan, with its title: the caller must see it. */
    private String label(long taskId, Caller caller) {
        TaskDetail task = ledger.get(taskId, caller.scope());
        return shortNames.label(taskId, task.ref()) + " " + TaskSummary.titleOrExcerpt(task.title(), task.text());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
