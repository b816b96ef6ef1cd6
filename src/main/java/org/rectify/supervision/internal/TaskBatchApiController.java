package org.rectify.supervision.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rectify.access.Caller;
import org.rectify.platform.Batch;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Batch actions on tasks over JSON: the same commands, rules and per-item outcomes as the ledger's batch form. */
@RestController
@Tag(name = "tasks", description = "The ledger of rectification tasks")
class TaskBatchApiController {

    private final TaskBatches batches;

    TaskBatchApiController(TaskBatches batches) {
        this.batches = batches;
    }

    @PostMapping("/api/tasks/batch")
    @Operation(summary = "Give one action to several tasks: ASSIGN, START, LEDGER (挂账, with reason) or NOTICE (one "
            + "supervision notice per task, with demands and replyBy). Each task goes through the single action's command "
            + "in its own transaction: a refused task (outcome REFUSED or NOT_FOUND, with the reason in the caller's "
            + "language) does not undo the others. 404 when the caller sees none of the tasks; 422 for no task, more than "
            + "200, or a missing reason/demands.")
    Batch.Result run(@RequestBody TaskBatches.Request request, Caller caller) {
        return batches.run(request, caller);
    }
}
