package org.rectify.supervision.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rectify.access.Caller;
import org.rectify.platform.Paging;
import org.rectify.supervision.AccountabilityProposal;
import org.rectify.supervision.AccountabilityProposals;
import org.rectify.supervision.AccountabilityType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Accountability proposed by the system on a relapse, confirmed or dismissed by the office or the supervision office. */
@RestController
@RequestMapping("/api/supervision/accountability/proposals")
@Tag(name = "supervision", description = "Warning levels and schedule status of tasks")
class ProposalApiController {

    record Confirmation(AccountabilityType type) {
    }

    record Dismissal(String note) {
    }

    private final AccountabilityProposals proposals;

    ProposalApiController(AccountabilityProposals proposals) {
        this.proposals = proposals;
    }

    @GetMapping
    @Operation(summary = "Accountability proposals on the tasks of plans the caller governs, waiting ones first; "
            + SupervisionApiController.PAGED)
    ResponseEntity<List<AccountabilityProposal>> list(@RequestParam(required = false) Integer page,
                                                      @RequestParam(required = false) Integer size, Caller caller) {
        return proposals.page(caller, Paging.of(page, size)).asArray();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One accountability proposal")
    AccountabilityProposal get(@PathVariable long id, Caller caller) {
        return proposals.get(id, caller);
    }

    @PostMapping("/{id}/confirm")
    @Operation(summary = "Confirm a proposal: records an accountability action of the type against its unit")
    AccountabilityProposal confirm(@PathVariable long id, @RequestBody Confirmation confirmation, Caller caller) {
        return proposals.confirm(id, confirmation == null ? null : confirmation.type(), caller);
    }

    @PostMapping("/{id}/dismiss")
    @Operation(summary = "Dismiss a proposal with the reason")
    AccountabilityProposal dismiss(@PathVariable long id, @RequestBody Dismissal dismissal, Caller caller) {
        return proposals.dismiss(id, dismissal == null ? null : dismissal.note(), caller);
    }
}
