package org.rectify.supervision.internal;

import org.rectify.access.Caller;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Messages;
import org.rectify.platform.Paging;
import org.rectify.supervision.Accountability;
import org.rectify.supervision.AccountabilityProposals;
import org.rectify.supervision.AccountabilityType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The accountability proposals panel of the accountability page (loaded there by htmx), and its two decisions. */
@Controller
class ProposalPageController {

    private final AccountabilityProposals proposals;
    private final Messages messages;

    ProposalPageController(AccountabilityProposals proposals, Messages messages) {
        this.proposals = proposals;
        this.messages = messages;
    }

    @GetMapping("/supervision/accountability/proposals")
    String panel(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                 Caller caller, Model model) {
        var result = proposals.page(caller, Paging.of(page, size));
        model.addAttribute("result", result);
        model.addAttribute("proposals", result.rows());
        model.addAttribute("mayDecide", Accountability.mayRecord(caller));
        model.addAttribute("types", AccountabilityType.values());
        return "supervision/proposals :: panel";
    }

    @PostMapping("/supervision/accountability/proposals/{id}/confirm")
    String confirm(@PathVariable long id, @RequestParam(required = false) AccountabilityType type, Caller caller,
                   RedirectAttributes redirect) {
        return decided(() -> proposals.confirm(id, type, caller), "supervision.proposal.confirmed", redirect);
    }

    @PostMapping("/supervision/accountability/proposals/{id}/dismiss")
    String dismiss(@PathVariable long id, @RequestParam(required = false) String note, Caller caller,
                   RedirectAttributes redirect) {
        return decided(() -> proposals.dismiss(id, note, caller), "supervision.proposal.dismissed", redirect);
    }

    /** A refused decision (no type, no reason) comes back to the page as a sentence; nothing is stored. */
    private String decided(Runnable decision, String done, RedirectAttributes redirect) {
        try {
            decision.run();
            redirect.addFlashAttribute("flash", messages.text(done));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", messages.text(e));
        }
        return "redirect:/supervision/accountability";
    }
}
