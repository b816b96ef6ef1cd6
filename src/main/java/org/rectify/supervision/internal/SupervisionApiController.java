package org.rectify.supervision.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.rectify.access.Caller;
import org.rectify.plans.Plans;
import org.rectify.platform.ForbiddenException;
import org.rectify.platform.InvalidInputException;
import org.rectify.platform.Paging;
import org.rectify.progress.EvidenceUploads;
import org.rectify.progress.StagedFile;
import org.rectify.supervision.Accountability;
import org.rectify.supervision.AccountabilityAction;
import org.rectify.supervision.LeaderInstruction;
import org.rectify.supervision.LeaderInstructions;
import org.rectify.supervision.LedgerEntry;
import org.rectify.supervision.NewAccountabilityAction;
import org.rectify.supervision.SupervisionLedger;
import org.rectify.supervision.SupervisionNotice;
import org.rectify.supervision.SupervisionNotices;
import org.rectify.supervision.SupervisionSettings;
import org.rectify.supervision.TaskWarning;
import org.rectify.supervision.WarningBoard;
import org.rectify.supervision.WarningFilter;
import org.rectify.supervision.WarningHistoryEntry;
import org.rectify.supervision.WarningLevel;
import org.rectify.supervision.Warnings;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RestController
@RequestMapping("/api/supervision")
@Tag(name = "supervision", description = "Warning levels and schedule status of tasks")
class SupervisionApiController {

    /**
     * The desk's counts per level, one page of its warnings, the total over every page and which page;
     * {@code totalEstimated}: the counts and total are large, counted once and kept a while ("about" them).
     */
    record Desk(Map<WarningLevel, Integer> counts, List<TaskWarning> warnings, long total, boolean totalEstimated, int page,
                int size, int pages) {

        static Desk of(WarningBoard.Desk desk) {
            var p = desk.warnings();
            return new Desk(desk.counts(), p.rows(), p.total(), p.totalEstimated(), p.page(), p.size(), p.pages());
        }
    }

    /** A supervision notice to issue on a task. */
    record NewNotice(long taskId, String demands, java.time.LocalDate replyBy) {
    }

    /** A unit's reply to a notice; {@code unitId}: the lead unit answered for (left out: the caller's only pending one). */
    record NoticeReply(String reply, Long unitId) {
    }

    /** A leader's instruction on a task. */
    record NewInstruction(long taskId, String text, java.time.LocalDate answerBy) {
    }

    /** Puts a task on the supervision ledger, with the reason. */
    record NewLedgerEntry(long taskId, String reason) {
    }

    /** How a list answers its pages, for the API's descriptions. */
    static final String PAGED = "paged: page from 0, size 20, 50, 100 or 200 (else 50), a page past the end gives the "
            + "last; the total in X-Total-Count (X-Page, X-Page-Size, X-Pages)";

    private final WarningBoard board;
    private final Warnings warnings;
    private final SupervisionLedger ledger;
    private final SupervisionNotices notices;
    private final LeaderInstructions instructions;
    private final Accountability accountability;
    private final Plans plans;
    private final EvidenceUploads uploads;

    SupervisionApiController(WarningBoard board, Warnings warnings, SupervisionLedger ledger, SupervisionNotices notices,
                             LeaderInstructions instructions, Accountability accountability, Plans plans,
                             EvidenceUploads uploads) {
        this.uploads = uploads;
        this.board = board;
        this.warnings = warnings;
        this.ledger = ledger;
        this.notices = notices;
        this.instructions = instructions;
        this.accountability = accountability;
        this.plans = plans;
    }

    @GetMapping("/instructions")
    @Operation(summary = "Leaders' instructions (批示): a leader's own, or those on tasks in the caller's scope; " + PAGED)
    ResponseEntity<List<LeaderInstruction>> instructions(@RequestParam(required = false) Integer page,
                                                         @RequestParam(required = false) Integer size, Caller caller) {
        return instructions.forCaller(caller, Paging.of(page, size)).asArray();
    }

    @PostMapping("/instructions")
    @Operation(summary = "A leader gives an instruction on a task, to be answered by a date")
    ResponseEntity<LeaderInstruction> instruct(@RequestBody NewInstruction instruction, Caller caller) {
        long id = instructions.give(instruction.taskId(), instruction.text(), instruction.answerBy(), caller);
        return ResponseEntity.status(201).body(instructions.get(id, caller.scope()));
    }

    @PostMapping("/instructions/{id}/answer")
    @Operation(summary = "The lead unit's answer to an instruction; once")
    LeaderInstruction answerInstruction(@PathVariable long id, @RequestBody NoticeReply answer, Caller caller) {
        return instructions.answer(id, answer.reply(), caller);
    }

    @GetMapping("/accountability")
    @Operation(summary = "Summons and accountability actions (约谈 / 问责); office, supervision office and leaders only; "
            + PAGED)
    ResponseEntity<List<AccountabilityAction>> accountability(@RequestParam(required = false) Integer page,
                                                              @RequestParam(required = false) Integer size, Caller caller) {
        return accountability.page(caller, Paging.of(page, size)).asArray();
    }

    @PostMapping("/accountability")
    @Operation(summary = "Record an action against a unit or a person (office, supervision office)")
    ResponseEntity<List<AccountabilityAction>> record(@RequestBody NewAccountabilityAction action, Caller caller) {
        accountability.record(action, caller);
        return ResponseEntity.status(201).body(accountability.all(caller));
    }

    @GetMapping("/notices")
    @Operation(summary = "Supervision notices (督办单) in the caller's scope, newest first; " + PAGED)
    ResponseEntity<List<SupervisionNotice>> notices(@RequestParam(required = false) Integer page,
                                                    @RequestParam(required = false) Integer size, Caller caller) {
        return notices.page(caller.scope(), Paging.of(page, size)).asArray();
    }

    @GetMapping("/notices/{id}")
    SupervisionNotice notice(@PathVariable long id, Caller caller) {
        return notices.get(id, caller.scope());
    }

    @PostMapping("/notices")
    @Operation(summary = "Issue a notice on a task (office, supervision office); numbered per year")
    ResponseEntity<SupervisionNotice> issue(@RequestBody NewNotice notice, Caller caller) {
        long id = notices.issue(notice.taskId(), notice.demands(), notice.replyBy(), caller);
        return ResponseEntity.created(java.net.URI.create("/api/supervision/notices/" + id)).body(notices.get(id, caller.scope()));
    }

    @PostMapping("/notices/{id}/accept")
    @Operation(summary = "The issuer accepts a lead unit's answer (?unitId=, optional when one answer waits); "
            + "the notice is done when every answer is accepted")
    SupervisionNotice acceptReply(@PathVariable long id, @RequestParam(required = false) Long unitId, Caller caller) {
        return notices.accept(id, unitId, caller);
    }

    @PostMapping("/notices/{id}/send-back")
    @Operation(summary = "The issuer sends a lead unit's answer back with a comment {\"comment\", \"unitId\"}; "
            + "that unit answers again")
    SupervisionNotice sendBackReply(@PathVariable long id, @RequestBody ReplyComment comment, Caller caller) {
        return notices.sendBack(id, comment.unitId(), comment.comment(), caller);
    }

    record ReplyComment(String comment, Long unitId) {
    }

    @PostMapping(path = "/notices/{id}/reply", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A lead unit's answer to a notice {\"reply\", \"unitId\"}; once per lead unit")
    SupervisionNotice reply(@PathVariable long id, @RequestBody NoticeReply reply, Caller caller) {
        return notices.reply(id, reply.unitId(), reply.reply(), caller);
    }

    @PostMapping(path = "/notices/{id}/reply", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "The lead unit's reply to a notice with evidence files (parts: reply, files); once. "
            + "A refused file refuses the reply (422) and nothing is stored")
    SupervisionNotice replyWithFiles(@PathVariable long id, @RequestParam(required = false) String reply,
                                     @RequestParam(required = false) Long unitId,
                                     @RequestParam(required = false) List<MultipartFile> files, Caller caller) {
        notices.checkReply(id, unitId, reply, caller);
        List<StagedFile> staged = new ArrayList<>();
        try {
            return notices.reply(id, unitId, reply, uploads.stageAll(files == null ? List.of() : files, staged), caller);
        } finally {
            uploads.discard(staged);
        }
    }

    @GetMapping("/ledger")
    @Operation(summary = "The supervision ledger (挂账督办) in the caller's scope; resolved=true includes closed entries")
    List<LedgerEntry> ledger(@RequestParam(defaultValue = "false") boolean resolved, Caller caller) {
        return ledger.entries(resolved, caller.scope());
    }

    @GetMapping("/ledger/suggestions")
    @Operation(summary = "Red tasks that are not on the ledger; " + PAGED)
    ResponseEntity<List<SupervisionLedger.TaskWarningRef>> suggestions(@RequestParam(required = false) Integer page,
                                                                       @RequestParam(required = false) Integer size,
                                                                       Caller caller) {
        return ledger.suggestions(caller.scope(), Paging.of(page, size)).asArray();
    }

    @PostMapping("/ledger")
    @Operation(summary = "Put a task on the ledger (office, supervision office); it stays until the task is closed")
    ResponseEntity<List<LedgerEntry>> addToLedger(@RequestBody NewLedgerEntry entry, Caller caller) {
        ledger.add(entry.taskId(), entry.reason(), caller);
        return ResponseEntity.status(201).body(ledger.entries(false, caller.scope()));
    }

    @GetMapping("/warnings")
    @Operation(summary = "Warned tasks in the caller's scope, most urgent first, with counts per level; paged "
            + "(page from 0, size 20, 50, 100 or 200, else 50; a page past the end gives the last), with the total")
    Desk warnings(@RequestParam(required = false) Long planId, @RequestParam(required = false) String section,
                  @RequestParam(required = false) Long leadUnitId, @RequestParam(required = false) List<WarningLevel> level,
                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Caller caller) {
        WarningFilter filter = new WarningFilter(planId, section, leadUnitId, level == null ? Set.of() : Set.copyOf(level));
        return Desk.of(board.desk(filter, caller.scope(), Paging.of(page, size)));
    }

    @GetMapping("/tasks/{taskId}/history")
    @Operation(summary = "Every change of a task's warning level, newest first")
    List<WarningHistoryEntry> history(@PathVariable long taskId, Caller caller) {
        return board.history(taskId, caller.scope());
    }

    @GetMapping("/settings/{planId}")
    SupervisionSettings settings(@PathVariable long planId, Caller caller) {
        plans.governed(planId, caller);
        return warnings.settings(planId);
    }

    @PutMapping("/settings/{planId}")
    @Operation(summary = "Change a plan's thresholds (office): blue days before a deadline, report grace days")
    SupervisionSettings changeSettings(@PathVariable long planId, @RequestBody SupervisionSettings settings, Caller caller) {
        return warnings.changeSettings(planId, settings, caller);
    }
}
