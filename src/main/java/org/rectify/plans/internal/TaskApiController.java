package org.rectify.plans.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rectify.access.Caller;
import org.rectify.plans.LedgerPage;
import org.rectify.plans.LedgerParams;
import org.rectify.plans.TaskCommand;
import org.rectify.plans.TaskContent;
import org.rectify.plans.TaskDetail;
import org.rectify.plans.TaskLedger;
import org.rectify.plans.Tasks;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Tasks over JSON, with the same filters, scope and rules as the pages. */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "tasks", description = "The ledger of rectification tasks")
class TaskApiController {

    /** A new version of a task's content, made from {@code version}. */
    record TaskUpdate(int version, TaskContent task) {
    }

    /**
     * A lifecycle command; {@code reason} is required for RETURN_CLOSURE, REOPEN and CANCEL; {@code relapse} marks a
     * REOPEN as a relapse (反弹), which supervision and circulars count.
     */
    record TransitionRequest(TaskCommand command, String reason, Boolean relapse) {
    }

    private final TaskLedger ledger;
    private final Tasks tasks;

    TaskApiController(TaskLedger ledger, Tasks tasks) {
        this.ledger = ledger;
        this.tasks = tasks;
    }

    @GetMapping
    @Operation(summary = "Tasks in the caller's scope, filtered, sorted and paged")
    LedgerPage list(LedgerParams params, Caller caller) {
        return ledger.find(params.toFilter(), caller.scope());
    }

    /** The dashboard's figures: how many tasks of each status the caller sees, and in all. */
    record TaskCounts(java.util.Map<org.rectify.plans.TaskStatus, Long> byStatus, long total) {
    }

    @GetMapping("/count")
    @Operation(summary = "How many tasks of each status the caller sees (kept with the tasks: "
            + "exact after a change on this node, at most 30 s late for another node's)")
    TaskCounts count(Caller caller) {
        var byStatus = ledger.countByStatus(caller.scope());
        return new TaskCounts(byStatus, byStatus.values().stream().mapToLong(Long::longValue).sum());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task with its units, milestones, indicators, obligations and history")
    TaskDetail get(@PathVariable long id, Caller caller) {
        return ledger.get(id, caller.scope());
    }

    @PostMapping
    @Operation(summary = "Create a task (office); it starts as DRAFT")
    ResponseEntity<TaskDetail> create(@RequestBody TaskContent content, Caller caller) {
        long id = tasks.create(content, caller);
        return ResponseEntity.created(URI.create("/api/tasks/" + id)).body(ledger.get(id, caller.scope()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a task's content; 409 when the version is stale, naming what changed")
    TaskDetail update(@PathVariable long id, @RequestBody TaskUpdate update, Caller caller) {
        if (update.task() == null) {
            throw new org.rectify.platform.InvalidInputException("error.unreadable");
        }
        return tasks.update(id, update.version(), update.task(), caller);
    }

    @PostMapping("/{id}/transitions")
    @Operation(summary = "Give a lifecycle command: ASSIGN, START, REQUEST_CLOSURE, RETURN_CLOSURE, CLOSE, MARK_ONGOING, REOPEN, CANCEL")
    TaskDetail transition(@PathVariable long id, @RequestBody TransitionRequest request, Caller caller) {
        if (request.command() == null) {
            throw new org.rectify.platform.InvalidInputException(java.util.Map.of("command", "task.commandRequired"), "task.commandRequired");
        }
        return tasks.transition(id, request.command(), request.reason(), Boolean.TRUE.equals(request.relapse()), caller);
    }
}
