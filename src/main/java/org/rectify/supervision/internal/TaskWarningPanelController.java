package org.rectify.supervision.internal;

import org.rectify.access.Caller;
import org.rectify.supervision.SupervisionLedger;
import org.rectify.supervision.WarningBoard;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The warning panel of a task's page (loaded there by htmx): the level with its reasons and schedule status, whether
 * the task is on the supervision ledger (挂账) and why, and the history of its level changes.
 */
@Controller
class TaskWarningPanelController {

    private final WarningBoard board;
    private final SupervisionLedger ledger;

    TaskWarningPanelController(WarningBoard board, SupervisionLedger ledger) {
        this.board = board;
        this.ledger = ledger;
    }

    @GetMapping("/supervision/tasks/{taskId}/warning")
    String panel(@PathVariable long taskId, Caller caller, Model model) {
        model.addAttribute("warning", board.current(taskId, caller.scope()).orElse(null));
        model.addAttribute("history", board.history(taskId, caller.scope()));
        model.addAttribute("onLedger", ledger.ofTask(taskId, caller.scope()).stream().filter(e -> e.isOpen()).findFirst()
                .orElse(null));
        return "supervision/task-warning :: panel";
    }
}
