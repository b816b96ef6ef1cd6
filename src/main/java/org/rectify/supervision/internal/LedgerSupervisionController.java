package org.rectify.supervision.internal;

import org.rectify.access.Caller;
import org.rectify.platform.Messages;
import org.rectify.platform.RectifyException;
import org.rectify.supervision.SupervisionLedger;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 挂账督办 (ledger supervision) page: what is on it, what should be, and putting a task on it. Not the plans
 * module's 台账 (task ledger, {@code plans.internal.LedgerController}); see docs/glossary.md.
 */
@Controller
class LedgerSupervisionController {

    /** Red tasks suggested per page: a province has thousands, each row a form. */
    static final int SUGGESTIONS_PER_PAGE = 50;

    private final SupervisionLedger ledger;
    private final Messages messages;

    LedgerSupervisionController(SupervisionLedger ledger, Messages messages) {
        this.ledger = ledger;
        this.messages = messages;
    }

    @GetMapping("/supervision/ledger")
    String ledger(@RequestParam(defaultValue = "false") boolean resolved, @RequestParam(defaultValue = "0") int page,
                  Caller caller, Model model) {
        model.addAttribute("entries", ledger.entries(resolved, caller.scope()));
        int total = ledger.suggestionCount(caller.scope());
        int pages = Math.max(1, (total + SUGGESTIONS_PER_PAGE - 1) / SUGGESTIONS_PER_PAGE);
        int shown = Math.min(Math.max(0, page), pages - 1);
        model.addAttribute("suggestions", ledger.suggestions(caller.scope(), shown, SUGGESTIONS_PER_PAGE));
        model.addAttribute("suggestionTotal", total);
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("resolved", resolved);
        model.addAttribute("mayAdd", caller.role().managesTasks() || caller.role() == org.rectify.access.Role.SUPERVISOR);
        return "supervision/ledger";
    }

    @PostMapping("/supervision/ledger")
    String add(@RequestParam long taskId, @RequestParam(required = false) String reason, Caller caller,
               RedirectAttributes redirect) {
        try {
            ledger.add(taskId, reason, caller);
            redirect.addFlashAttribute("flash", messages.text("supervision.ledger.added"));
        } catch (RectifyException e) {
            if (e.kind() == RectifyException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", messages.text(e));
        }
        return "redirect:/supervision/ledger";
    }
}
